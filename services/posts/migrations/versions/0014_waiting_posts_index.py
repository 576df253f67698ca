"""an index of the posts waiting to publish, by status, for the postflow_posts gauge

Revision ID: 0014_waiting_posts_index
Revises: 0013_stored_predictions
Create Date: 2026-12-01
"""

from alembic import op

revision = "0014_waiting_posts_index"
down_revision = "0013_stored_predictions"
branch_labels = None
depends_on = None

WAITING = "status IN ('scheduled', 'publishing', 'needs_reconcile') AND deleted_at IS NULL"


def upgrade() -> None:
    # Counted every few seconds: the published and failed posts, which grow without end,
    # stay out of the count's way.
    op.execute(f"CREATE INDEX posts_waiting_by_status ON posts.posts (status) WHERE {WAITING}")


def downgrade() -> None:
    op.execute("DROP INDEX posts.posts_waiting_by_status")
