"""A user's branding: their logo (an image of their library), where it goes, how big and
how opaque; when enabled, every image they upload afterwards gets it (the `watermark`
edit operation puts it on any image, enabled or not)."""

import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import Violation, invalid, not_found
from services.media import image_jobs, images, library
from services.media.edits import POSITIONS, Logo
from services.media.models import Branding
from services.media.storage import LocalStorage, S3Storage


async def get(db: Database, user_id: uuid.UUID) -> Branding:
    async with db.reading() as session:
        row = await session.get(Branding, user_id)
    if row is None:
        raise not_found("Branding")
    return row


async def put(
    db: Database,
    *,
    user_id: uuid.UUID,
    logo_media_id: str,
    position: str,
    scale_percent: int,
    opacity_percent: int,
    enabled: bool,
) -> Branding:
    problems = []
    if position not in POSITIONS:
        problems.append(Violation("position", f"must be one of {', '.join(POSITIONS)}"))
    if not 2 <= scale_percent <= 50:
        problems.append(Violation("scale_percent", "must be between 2 and 50"))
    if not 5 <= opacity_percent <= 100:
        problems.append(Violation("opacity_percent", "must be between 5 and 100"))
    logo = (await library.several(db, user_id=user_id, media_ids=[logo_media_id])).get(logo_media_id)
    if logo is None:
        problems.append(Violation("logo_media_id", "is not in your media library"))
    elif logo.kind != "image" or logo.status != "ready":
        problems.append(Violation("logo_media_id", "must be a ready image"))
    if problems:
        raise invalid(problems)
    values = {
        "logo_media_id": logo.id,
        "position": position,
        "scale_percent": scale_percent,
        "opacity_percent": opacity_percent,
        "enabled": enabled,
        "updated_at": datetime.now(UTC),
    }
    async with db.transaction() as session:
        return await session.scalar(
            insert(Branding)
            .values(user_id=user_id, **values)
            .on_conflict_do_update(index_elements=[Branding.user_id], set_=values)
            .returning(Branding)
        )


async def logo(
    db: Database,
    storage: S3Storage | LocalStorage,
    user_id: uuid.UUID,
    *,
    settings: Settings,
    only_enabled: bool,
) -> Logo | None:
    """The user's logo, decoded from its original (which keeps its transparency)."""
    async with db.reading() as session:
        branding = await session.scalar(select(Branding).where(Branding.user_id == user_id))
    if branding is None or (only_enabled and not branding.enabled):
        return None
    found = await library.several(db, user_id=user_id, media_ids=[str(branding.logo_media_id)])
    item = found.get(str(branding.logo_media_id))
    if item is None:
        return None

    def load():
        with tempfile.TemporaryDirectory(prefix="postflow-logo-") as scratch:
            path = Path(scratch) / "logo"
            storage.fetch(item.original_key, path)
            return images.decode_keeping_alpha(
                path, item.original_format, max_pixels=settings.image_max_pixels
            )

    image = await image_jobs.run(settings, load)
    return Logo(image, branding.position, branding.scale_percent, branding.opacity_percent)
