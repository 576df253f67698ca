"""Deleted media's stored files, removed a grace period after the deletion (until then a
deleted item could still be needed: a post publishing from it, a user's second thoughts).

An edited item shares its original with the item it came from, so an original goes only
with the last item that uses it. The item's row stays (marked purged) for the record."""

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update

from services.common.db import Database
from services.media.models import MediaFile
from services.media.storage import LocalStorage, S3Storage

log = logging.getLogger(__name__)


async def purge_deleted(
    db: Database, storage: S3Storage | LocalStorage, *, grace: timedelta, batch: int = 100
) -> tuple[int, int]:
    """(items purged, files removed) for up to `batch` items deleted before now - grace."""
    cutoff = datetime.now(UTC) - grace
    async with db.reading() as session:
        rows = list(
            await session.scalars(
                select(MediaFile)
                .where(MediaFile.deleted_at < cutoff, MediaFile.purged_at.is_(None))
                .order_by(MediaFile.deleted_at)
                .limit(max(1, min(batch, 1000)))
            )
        )
    purged = removed = 0
    for row in rows:
        keys = [k for k in (row.processed_key, row.thumbnail_key) if k]
        async with db.reading() as session:
            sharing = await session.scalar(
                select(func.count())
                .select_from(MediaFile)
                .where(
                    MediaFile.original_key == row.original_key,
                    MediaFile.id != row.id,
                    MediaFile.purged_at.is_(None),
                )
            )
        if row.original_key and not sharing:
            keys.append(row.original_key)
        try:
            await asyncio.to_thread(_remove, storage, keys)
        except Exception:  # noqa: BLE001 - storage away: the item waits for the next round
            log.warning("purge of media %s: files not removed", row.id, exc_info=True)
            continue
        async with db.transaction() as session:
            await session.execute(
                update(MediaFile).where(MediaFile.id == row.id).values(purged_at=datetime.now(UTC))
            )
        purged, removed = purged + 1, removed + len(keys)
    return purged, removed


def _remove(storage: S3Storage | LocalStorage, keys: list[str]) -> None:
    for key in keys:
        storage.delete(key)  # idempotent: S3 and the local folder accept a missing key


async def used_bytes(db: Database, user_id) -> int:
    """Storage the user's media takes: originals (each once) and Instagram-ready files, of
    every item whose files are still stored (deleted ones count until they are purged)."""
    async with db.reading() as session:
        ready = await session.scalar(
            select(func.coalesce(func.sum(MediaFile.size_bytes), 0)).where(
                MediaFile.user_id == user_id, MediaFile.purged_at.is_(None)
            )
        )
        originals = await session.scalar(
            select(func.coalesce(func.sum(MediaFile.original_size_bytes), 0)).where(
                MediaFile.user_id == user_id, MediaFile.purged_at.is_(None), MediaFile.parent_id.is_(None)
            )
        )
    return int(ready) + int(originals)
