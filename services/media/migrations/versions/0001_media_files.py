"""media_files: uploads, their Instagram-ready files and thumbnails

Revision ID: 0001_media_files
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision = "0001_media_files"
down_revision = None
branch_labels = None
depends_on = None

S = "media"


def upgrade() -> None:
    op.create_table(
        "media_files",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("original_format", sa.Text, nullable=False),
        sa.Column("width", sa.Integer),
        sa.Column("height", sa.Integer),
        sa.Column("size_bytes", sa.BigInteger),
        sa.Column("original_size_bytes", sa.BigInteger, nullable=False),
        sa.Column("original_key", sa.Text, nullable=False),
        sa.Column("processed_key", sa.Text),
        sa.Column("thumbnail_key", sa.Text),
        sa.Column("tags", ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("alt_text", sa.Text, nullable=False, server_default=""),
        sa.Column("warnings", JSONB, nullable=False, server_default="[]"),
        sa.Column("failure_reason", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("deleted_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("kind IN ('image','video')", name="ck_media_kind"),
        sa.CheckConstraint("status IN ('processing','ready','failed')", name="ck_media_status"),
        schema=S,
    )
    op.create_index(
        "ix_media_user_created",
        "media_files",
        ["user_id", sa.text("created_at DESC"), sa.text("id DESC")],
        schema=S,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_table("media_files", schema=S)
