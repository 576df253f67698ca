"""comments on posts: threads, @mentions of members, resolved or not

Revision ID: 0018_comments
Revises: 0017_reviews
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

revision = "0018_comments"
down_revision = "0017_reviews"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "post_comments",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column(
            "post_id", UUID(as_uuid=True), sa.ForeignKey("posts.posts.id", ondelete="CASCADE"), nullable=False
        ),
        # The thread's first comment; null for that first comment itself.
        sa.Column("thread_id", UUID(as_uuid=True)),
        sa.Column("author_id", UUID(as_uuid=True)),
        sa.Column("author_kind", sa.Text, nullable=False, server_default="member"),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("mentions", ARRAY(UUID(as_uuid=True)), nullable=False, server_default="{}"),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True)),
        sa.Column("resolved_by", UUID(as_uuid=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema="posts",
    )
    op.create_index("ix_post_comments_post", "post_comments", ["post_id", "created_at"], schema="posts")


def downgrade() -> None:
    op.drop_table("post_comments", schema="posts")
