"""series_id: the post a recurring series copies (each occurrence is a post of its own)

Revision ID: 0005_series
Revises: 0004_needs_reconcile
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0005_series"
down_revision = "0004_needs_reconcile"
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    op.add_column("posts", sa.Column("series_id", UUID(as_uuid=True)), schema=S)
    op.create_index(
        "ix_posts_series",
        "posts",
        ["user_id", "series_id"],
        schema=S,
        postgresql_where=sa.text("series_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_posts_series", "posts", schema=S)
    op.drop_column("posts", "series_id", schema=S)
