"""One user's share of the video converter: at most a few of their videos wait for it or
are being converted at once. The converter is shared (POSTFLOW_VIDEO_WORKERS per media
service, oldest first): without a share, one user's 500 edits would hold it for hours for
every other user."""

import uuid

from sqlalchemy import func, select

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import rate_limited
from services.media.models import MediaFile

# When to try again: a short video takes about this long to convert here.
RETRY_AFTER_SECONDS = 30


async def require_room(db: Database, settings: Settings, user_id: uuid.UUID) -> None:
    """A 429 while the user already has their share of videos waiting or converting."""
    most = settings.media_max_processing_videos_per_user
    async with db.reading() as session:
        waiting = await session.scalar(
            select(func.count()).where(
                MediaFile.user_id == user_id, MediaFile.status == "processing", MediaFile.purged_at.is_(None)
            )
        )
    if waiting >= most:
        raise rate_limited(
            f"{waiting} of your videos are being made ready (at most {most} at once); "
            "add more once one is ready",
            RETRY_AFTER_SECONDS,
        )
