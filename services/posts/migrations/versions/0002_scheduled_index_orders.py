"""indexes that match listing's ORDER BY in both directions

Revision ID: 0002_scheduled_index_orders
Revises: 0001_posts
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_scheduled_index_orders"
down_revision = "0001_posts"
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    # Newest scheduled first, unscheduled last: a backward scan of the ascending index
    # would put the unscheduled (NULL) ones first.
    op.create_index(
        "ix_posts_user_scheduled_desc",
        "posts",
        ["user_id", sa.text("scheduled_for DESC NULLS LAST"), sa.text("id DESC")],
        schema=S,
    )


def downgrade() -> None:
    op.drop_index("ix_posts_user_scheduled_desc", table_name="posts", schema=S)
