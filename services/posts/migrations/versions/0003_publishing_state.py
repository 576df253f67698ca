"""publishing state on posts: target account, Instagram media, permalink, last error

Revision ID: 0003_publishing_state
Revises: 0002_scheduled_index_orders
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0003_publishing_state"
down_revision = "0002_scheduled_index_orders"
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    op.add_column("posts", sa.Column("account_id", UUID(as_uuid=True)), schema=S)
    op.add_column("posts", sa.Column("instagram_media_id", sa.Text), schema=S)
    op.add_column("posts", sa.Column("permalink", sa.Text), schema=S)
    op.add_column("posts", sa.Column("published_at", sa.DateTime(timezone=True)), schema=S)
    op.add_column("posts", sa.Column("last_error", sa.Text), schema=S)


def downgrade() -> None:
    for column in ("last_error", "published_at", "permalink", "instagram_media_id", "account_id"):
        op.drop_column("posts", column, schema=S)
