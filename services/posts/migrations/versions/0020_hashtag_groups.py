"""hashtag groups: named sets of hashtags a workspace inserts in one click

Revision ID: 0020_hashtag_groups
Revises: 0019_review_links
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

revision = "0020_hashtag_groups"
down_revision = "0019_review_links"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hashtag_groups",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("hashtags", ARRAY(sa.Text), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema="posts",
    )
    op.create_index(
        "uq_hashtag_groups_name",
        "hashtag_groups",
        ["user_id", sa.text("lower(name)")],
        unique=True,
        schema="posts",
    )


def downgrade() -> None:
    op.drop_table("hashtag_groups", schema="posts")
