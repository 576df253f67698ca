"""media_files.processing_lease_until: the media service converting a video holds it
until then (renewed while it works), so that several media services share the videos
without converting one twice, and take over one whose service stopped

Revision ID: 0003_video_lease
Revises: 0002_video_and_edits
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_video_lease"
down_revision = "0002_video_and_edits"
branch_labels = None
depends_on = None

S = "media"


def upgrade() -> None:
    op.add_column("media_files", sa.Column("processing_lease_until", sa.DateTime(timezone=True)), schema=S)


def downgrade() -> None:
    op.drop_column("media_files", "processing_lease_until", schema=S)
