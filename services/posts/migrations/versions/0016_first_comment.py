"""a published post's first comment has its own step: status, comment id, error, attempts

Revision ID: 0016_first_comment
Revises: 0015_publish_options
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_first_comment"
down_revision = "0015_publish_options"
branch_labels = None
depends_on = None

COLUMNS = (
    "first_comment_status",
    "first_comment_id",
    "first_comment_error",
    "first_comment_attempts",
    "first_comment_at",
)


def upgrade() -> None:
    # Constant defaults: PostgreSQL adds the columns without rewriting the table.
    op.add_column(
        "posts", sa.Column("first_comment_status", sa.Text, nullable=False, server_default=""), schema="posts"
    )
    op.add_column("posts", sa.Column("first_comment_id", sa.Text), schema="posts")
    op.add_column("posts", sa.Column("first_comment_error", sa.Text), schema="posts")
    op.add_column(
        "posts",
        sa.Column("first_comment_attempts", sa.Integer, nullable=False, server_default="0"),
        schema="posts",
    )
    op.add_column("posts", sa.Column("first_comment_at", sa.DateTime(timezone=True)), schema="posts")


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_column("posts", column, schema="posts")
