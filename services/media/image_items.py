"""An image item made ready: its original (in `folder`) with its edits applied, made
Instagram-ready, the file and thumbnail stored, and the item's fields filled in. The same
for an upload and for an edit."""

import asyncio
from pathlib import Path

from lib.common.config import Settings
from services.media import image_jobs, images
from services.media.edits import Logo
from services.media.models import MediaFile
from services.media.storage import LocalStorage, S3Storage


async def make_ready(
    row: MediaFile,
    folder: Path,
    *,
    logo: Logo | None,
    storage: S3Storage | LocalStorage,
    settings: Settings,
    store_original: bool,
) -> None:
    ready = await image_jobs.run(
        settings,
        images.prepare,
        folder / "original",
        row.original_format,
        operations=row.edits,
        logo=logo,
        fit=row.fit,
        out=folder / "ready.jpg",
        thumbnail=folder / "thumb.jpg",
        max_width=settings.image_max_width,
        min_width=settings.image_min_width,
        max_pixels=settings.image_max_pixels,
    )
    prefix = f"{row.user_id}/{row.id}"
    row.processed_key, row.thumbnail_key = f"{prefix}/instagram.jpg", f"{prefix}/thumbnail.jpg"

    def store() -> None:
        if store_original:
            storage.put(row.original_key, folder / "original", f"image/{row.original_format}")
        storage.put(row.processed_key, folder / "ready.jpg", "image/jpeg")
        storage.put(row.thumbnail_key, folder / "thumb.jpg", "image/jpeg")

    await asyncio.to_thread(store)
    row.kind, row.status, row.progress = "image", "ready", 100
    row.width, row.height, row.size_bytes = ready.width, ready.height, ready.size_bytes
    row.warnings = [list(w) for w in ready.warnings]
