"""posts, post_versions, autosaves

Revision ID: 0001_posts
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR, UUID

revision = "0001_posts"
down_revision = None
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("caption", sa.Text, nullable=False, server_default=""),
        sa.Column("hashtags", ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("media", JSONB, nullable=False, server_default="[]"),
        sa.Column("post_type", sa.Text, nullable=False),
        sa.Column("tags", ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("metadata", JSONB, nullable=False, server_default="{}"),
        sa.Column("status", sa.Text, nullable=False, server_default="draft"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("template_name", sa.Text),
        sa.Column("scheduled_for", sa.DateTime(timezone=True)),
        sa.Column("timezone", sa.Text),
        sa.Column("optimal_time_score", sa.Float),
        sa.Column("search_text", sa.Text, nullable=False, server_default=""),
        sa.Column(
            "search_vector",
            TSVECTOR,
            sa.Computed("to_tsvector('english', search_text)", persisted=True),
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("deleted_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint(
            "post_type IN ('photo','video','carousel','reel','story')", name="ck_posts_post_type"
        ),
        sa.CheckConstraint(
            "status IN ('draft','scheduled','publishing','published','failed','cancelled')",
            name="ck_posts_status",
        ),
        schema=S,
    )
    # Listing is always per user, newest first by one of three clocks; id breaks ties.
    op.create_index("ix_posts_user_created", "posts", ["user_id", "created_at", "id"], schema=S)
    op.create_index("ix_posts_user_updated", "posts", ["user_id", "updated_at", "id"], schema=S)
    op.create_index("ix_posts_user_scheduled", "posts", ["user_id", "scheduled_for", "id"], schema=S)
    op.create_index("ix_posts_search", "posts", ["search_vector"], postgresql_using="gin", schema=S)
    op.create_index("ix_posts_tags", "posts", ["tags"], postgresql_using="gin", schema=S)
    op.create_index(
        "uq_posts_template_name",
        "posts",
        ["user_id", "template_name"],
        unique=True,
        postgresql_where=sa.text("template_name IS NOT NULL AND deleted_at IS NULL"),
        schema=S,
    )

    op.create_table(
        "post_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "post_id", UUID(as_uuid=True), sa.ForeignKey(f"{S}.posts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("caption", sa.Text, nullable=False),
        sa.Column("hashtags", ARRAY(sa.Text), nullable=False),
        sa.Column("media", JSONB, nullable=False),
        sa.Column("post_type", sa.Text, nullable=False),
        sa.Column("tags", ARRAY(sa.Text), nullable=False),
        sa.Column("metadata", JSONB, nullable=False),
        sa.Column("changed_by", UUID(as_uuid=True), nullable=False),
        sa.Column("change_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.UniqueConstraint("post_id", "version", name="uq_post_versions_post_version"),
        schema=S,
    )

    op.create_table(
        "autosaves",
        sa.Column(
            "post_id",
            UUID(as_uuid=True),
            sa.ForeignKey(f"{S}.posts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("content", JSONB, nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("autosaves", schema=S)
    op.drop_table("post_versions", schema=S)
    op.drop_table("posts", schema=S)
