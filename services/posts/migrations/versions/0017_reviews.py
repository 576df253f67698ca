"""approvals bound to a version: a post's review state and the hash of what was approved,
the workspace's approval rule, and the trail of every review action

Revision ID: 0017_reviews
Revises: 0016_first_comment
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

revision = "0017_reviews"
down_revision = "0016_first_comment"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Constant defaults or none: PostgreSQL adds the columns without rewriting the table.
    op.add_column(
        "posts", sa.Column("review_status", sa.Text, nullable=False, server_default=""), schema="posts"
    )
    op.add_column("posts", sa.Column("approved_hash", sa.Text), schema="posts")
    op.add_column("posts", sa.Column("approved_version", sa.Integer), schema="posts")
    op.add_column("posts", sa.Column("approved_by", UUID(as_uuid=True)), schema="posts")
    op.add_column("posts", sa.Column("approved_at", sa.DateTime(timezone=True)), schema="posts")
    op.create_table(
        "approval_rules",
        sa.Column("user_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("required", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("account_ids", ARRAY(UUID(as_uuid=True)), nullable=False, server_default="{}"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema="posts",
    )
    op.create_table(
        "review_trail",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("post_id", UUID(as_uuid=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("actor_id", UUID(as_uuid=True)),
        sa.Column("actor_kind", sa.Text, nullable=False, server_default="member"),
        sa.Column("comment", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint(
            "action IN ('submitted', 'approved', 'changes_requested', 'voided', 'held')",
            name="ck_review_action",
        ),
        schema="posts",
    )
    op.create_index("ix_review_trail_user_time", "review_trail", ["user_id", "created_at"], schema="posts")
    op.create_index("ix_review_trail_post", "review_trail", ["post_id", "id"], schema="posts")
    # The review queue: posts waiting for a reviewer, per workspace.
    op.create_index(
        "ix_posts_in_review",
        "posts",
        ["user_id", "updated_at"],
        schema="posts",
        postgresql_where=sa.text(
            "review_status IN ('in_review', 'edited_since_approval') AND deleted_at IS NULL"
        ),
    )


def downgrade() -> None:
    op.drop_index("ix_posts_in_review", table_name="posts", schema="posts")
    op.drop_table("review_trail", schema="posts")
    op.drop_table("approval_rules", schema="posts")
    for column in ("approved_at", "approved_by", "approved_version", "approved_hash", "review_status"):
        op.drop_column("posts", column, schema="posts")
