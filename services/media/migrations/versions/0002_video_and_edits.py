"""media_files gains video facts, background progress, edits (derived items) and the
time of the video thumbnail; branding: a user's logo applied to their images

Revision ID: 0002_video_and_edits
Revises: 0001_media_files
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0002_video_and_edits"
down_revision = "0001_media_files"
branch_labels = None
depends_on = None

S = "media"


def upgrade() -> None:
    for column in (
        sa.Column("duration_seconds", sa.Float),
        sa.Column("frame_rate", sa.Float),
        sa.Column("video_codec", sa.Text),
        sa.Column("audio_codec", sa.Text),
        sa.Column("progress", sa.Integer, nullable=False, server_default="100"),
        sa.Column("thumbnail_at", sa.Float),
        sa.Column("fit", sa.Text, nullable=False, server_default="pad"),
        # The item this one was edited from, and the operations applied to the original.
        sa.Column("parent_id", UUID(as_uuid=True)),
        sa.Column("edits", JSONB, nullable=False, server_default="[]"),
    ):
        op.add_column("media_files", column, schema=S)
    # The media service picks up unfinished background work when it starts.
    op.create_index(
        "ix_media_files_processing",
        "media_files",
        ["created_at"],
        schema=S,
        postgresql_where=sa.text("status = 'processing'"),
    )
    op.create_table(
        "branding",
        sa.Column("user_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("logo_media_id", UUID(as_uuid=True), nullable=False),
        sa.Column("position", sa.Text, nullable=False),
        sa.Column("scale_percent", sa.Integer, nullable=False),
        sa.Column("opacity_percent", sa.Integer, nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("branding", schema=S)
    op.drop_index("ix_media_files_processing", "media_files", schema=S)
    for name in (
        "edits",
        "parent_id",
        "fit",
        "thumbnail_at",
        "progress",
        "audio_codec",
        "video_codec",
        "frame_rate",
        "duration_seconds",
    ):
        op.drop_column("media_files", name, schema=S)
