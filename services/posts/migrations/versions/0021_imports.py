"""imports: a CSV of posts, checked row by row, imported once by a durable workflow

Revision ID: 0021_imports
Revises: 0020_hashtag_groups
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0021_imports"
down_revision = "0020_hashtag_groups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("created_by", UUID(as_uuid=True), nullable=False),
        # The same file, zone and choice twice is the same import (started twice: once).
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("filename", sa.Text, nullable=False, server_default=""),
        sa.Column("timezone", sa.Text, nullable=False),
        sa.Column("schedule", sa.Boolean, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="pending"),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        schema="posts",
    )
    op.create_index("uq_imports_content", "imports", ["user_id", "content_hash"], unique=True, schema="posts")
    op.create_table(
        "import_rows",
        sa.Column(
            "import_id",
            UUID(as_uuid=True),
            sa.ForeignKey("posts.imports.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        # The row's line in the file (the header is line 1).
        sa.Column("row", sa.Integer, primary_key=True),
        sa.Column("data", JSONB, nullable=False),
        sa.Column("problems", JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
        # pending, created (scheduling next), planned, draft, scheduled, failed, skipped.
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False, server_default=""),
        sa.Column("post_id", UUID(as_uuid=True)),
        schema="posts",
    )


def downgrade() -> None:
    op.drop_table("import_rows", schema="posts")
    op.drop_table("imports", schema="posts")
