"""deleted media's files removed after a grace period; storage used per user

Revision ID: 0004_purge
Revises: 0003_video_lease
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_purge"
down_revision = "0003_video_lease"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("media_files", sa.Column("purged_at", sa.DateTime(timezone=True)), schema="media")
    op.create_index(
        "ix_media_files_waiting_purge",
        "media_files",
        ["deleted_at"],
        schema="media",
        postgresql_where=sa.text("deleted_at IS NOT NULL AND purged_at IS NULL"),
    )
    op.create_index("ix_media_files_original_key", "media_files", ["original_key"], schema="media")


def downgrade() -> None:
    op.drop_index("ix_media_files_original_key", table_name="media_files", schema="media")
    op.drop_index("ix_media_files_waiting_purge", table_name="media_files", schema="media")
    op.drop_column("media_files", "purged_at", schema="media")
