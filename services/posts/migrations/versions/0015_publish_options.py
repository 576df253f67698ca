"""posts and their versions keep the publish options (first comment, location,
collaborators, the reel's options)

Revision ID: 0015_publish_options
Revises: 0014_waiting_posts_index
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0015_publish_options"
down_revision = "0014_waiting_posts_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant default: PostgreSQL adds the column without rewriting the table.
    for table in ("posts", "post_versions"):
        op.add_column(
            table,
            sa.Column("options", JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
            schema="posts",
        )


def downgrade() -> None:
    for table in ("posts", "post_versions"):
        op.drop_column(table, "options", schema="posts")
