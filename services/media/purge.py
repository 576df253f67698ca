"""Deleted media's stored files, removed a grace period after the deletion (until then a
deleted item could still be needed: a post publishing from it, a user's second thoughts).

An edited item shares its original with the item it came from, so an original goes only
with the last item that uses it. The item's row stays (marked purged) for the record."""

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import aliased

from lib.common.db import Database
from services.media.models import MediaFile
from services.media.storage import LocalStorage, S3Storage

log = logging.getLogger(__name__)


@dataclass
class Purged:
    items: int
    files_removed: int


async def purge_deleted(
    db: Database, storage: S3Storage | LocalStorage, *, grace: timedelta, batch: int = 100
) -> Purged:
    """Purge up to `batch` items deleted before now - grace."""
    cutoff = datetime.now(UTC) - grace
    sharer = aliased(MediaFile)
    original_shared = (
        select(sharer.id)
        .where(
            sharer.original_key == MediaFile.original_key,
            sharer.id != MediaFile.id,
            sharer.purged_at.is_(None),
        )
        .exists()
    )
    async with db.reading() as session:
        rows = (
            await session.execute(
                select(MediaFile.id, MediaFile.processed_key, MediaFile.thumbnail_key, MediaFile.original_key)
                .add_columns(original_shared)
                .where(MediaFile.deleted_at < cutoff, MediaFile.purged_at.is_(None))
                .order_by(MediaFile.deleted_at)
                .limit(max(1, min(batch, 1000)))
            )
        ).all()
    purged = removed = 0
    for media_id, processed_key, thumbnail_key, original_key, shared in rows:
        keys = [k for k in (processed_key, thumbnail_key) if k]
        if original_key and not shared:
            keys.append(original_key)
        try:
            await asyncio.to_thread(_remove, storage, keys)
        except Exception:  # noqa: BLE001 - storage away: the item waits for the next round
            log.warning("purge of media %s: files not removed", media_id, exc_info=True)
            continue
        async with db.autocommit() as connection:
            await connection.execute(
                update(MediaFile).where(MediaFile.id == media_id).values(purged_at=datetime.now(UTC))
            )
        purged, removed = purged + 1, removed + len(keys)
    return Purged(purged, removed)


def _remove(storage: S3Storage | LocalStorage, keys: list[str]) -> None:
    for key in keys:
        storage.delete(key)  # idempotent: S3 and the local folder accept a missing key
