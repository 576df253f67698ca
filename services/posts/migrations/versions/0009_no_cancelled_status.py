"""status cancelled removed: nothing ever wrote it (unscheduling moves a post back to draft)

Revision ID: 0009_no_cancelled_status
Revises: 0008_event_outbox
Create Date: 2026-12-01
"""

from alembic import op

revision = "0009_no_cancelled_status"
down_revision = "0008_event_outbox"
branch_labels = None
depends_on = None

S = "posts"
BEFORE = "('draft','scheduled','publishing','published','failed','cancelled','needs_reconcile')"
AFTER = "('draft','scheduled','publishing','published','failed','needs_reconcile')"


def upgrade() -> None:
    op.execute(f"UPDATE {S}.posts SET status = 'draft' WHERE status = 'cancelled'")
    op.drop_constraint("ck_posts_status", "posts", schema=S, type_="check")
    op.create_check_constraint("ck_posts_status", "posts", f"status IN {AFTER}", schema=S)


def downgrade() -> None:
    op.drop_constraint("ck_posts_status", "posts", schema=S, type_="check")
    op.create_check_constraint("ck_posts_status", "posts", f"status IN {BEFORE}", schema=S)
