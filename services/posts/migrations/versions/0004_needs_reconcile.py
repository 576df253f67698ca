"""status needs_reconcile: Instagram may or may not have published the post

Revision ID: 0004_needs_reconcile
Revises: 0003_publishing_state
Create Date: 2026-11-25
"""

from alembic import op

revision = "0004_needs_reconcile"
down_revision = "0003_publishing_state"
branch_labels = None
depends_on = None

S = "posts"
BEFORE = "('draft','scheduled','publishing','published','failed','cancelled')"
AFTER = "('draft','scheduled','publishing','published','failed','cancelled','needs_reconcile')"


def upgrade() -> None:
    op.drop_constraint("ck_posts_status", "posts", schema=S, type_="check")
    op.create_check_constraint("ck_posts_status", "posts", f"status IN {AFTER}", schema=S)


def downgrade() -> None:
    op.execute(f"UPDATE {S}.posts SET status = 'failed' WHERE status = 'needs_reconcile'")
    op.drop_constraint("ck_posts_status", "posts", schema=S, type_="check")
    op.create_check_constraint("ck_posts_status", "posts", f"status IN {BEFORE}", schema=S)
