"""review links for clients: one post or a date range, expiring, revocable

Revision ID: 0019_review_links
Revises: 0018_comments
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0019_review_links"
down_revision = "0018_comments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_links",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("token_hash", sa.LargeBinary, nullable=False, unique=True),
        sa.Column("post_id", UUID(as_uuid=True)),
        sa.Column("range_from", sa.DateTime(timezone=True)),
        sa.Column("range_to", sa.DateTime(timezone=True)),
        sa.Column("label", sa.Text, nullable=False, server_default=""),
        sa.Column("created_by", UUID(as_uuid=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        schema="posts",
    )
    op.create_index("ix_review_links_user", "review_links", ["user_id", "created_at"], schema="posts")


def downgrade() -> None:
    op.drop_table("review_links", schema="posts")
