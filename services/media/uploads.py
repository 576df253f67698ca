"""One upload: stream the bytes to a temporary file (never whole in memory), decide the
type from the content, make the image Instagram-ready, store the three files, record it."""

import asyncio
import tempfile
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

from protos import media_pb2
from services.common.config import Settings
from services.common.db import Database
from services.common.errors import ServiceError, Violation, invalid_field
from services.common.ids import parse_id
from services.media import images
from services.media.models import MediaFile
from services.media.sniff import HEAD_BYTES, sniff
from services.media.storage import LocalStorage, S3Storage

MAX_FILENAME = 255


def _too_large(limit: int, kind: str) -> ServiceError:
    message = f"The {kind} is larger than {limit} bytes"
    return ServiceError("too_large", "file_too_large", message, [Violation("file", f"at most {limit} bytes")])


async def _spool(chunks: AsyncIterator[media_pb2.UploadChunk], target: Path, limit: int) -> int:
    """Write the data chunks to target; refuse beyond `limit` bytes as they arrive."""
    size = 0
    with target.open("wb") as out:
        async for chunk in chunks:
            if chunk.WhichOneof("part") != "data":
                raise invalid_field("file", "one header, then data chunks")
            size += len(chunk.data)
            if size > limit:
                raise _too_large(limit, "upload")
            out.write(chunk.data)
    return size


class Uploads:
    def __init__(self, *, db: Database, storage: S3Storage | LocalStorage, settings: Settings) -> None:
        self._db = db
        self._storage = storage
        self._settings = settings

    async def receive(self, chunks: AsyncIterator[media_pb2.UploadChunk]) -> MediaFile:
        first = await anext(chunks, None)
        if first is None or first.WhichOneof("part") != "header":
            raise invalid_field("file", "the upload must start with its header")
        header = first.header
        user_id = parse_id(header.user_id, "User")
        fit = header.fit or "pad"
        if fit not in images.FITS:
            raise invalid_field("fit", f"must be one of {', '.join(images.FITS)}")
        # NUL cannot be stored in PostgreSQL text; a file name is not worth refusing over it.
        filename = (header.filename.replace("\x00", "") or "upload")[:MAX_FILENAME]
        limit = max(self._settings.media_max_image_bytes, self._settings.media_max_video_bytes)
        with tempfile.TemporaryDirectory(prefix="postflow-upload-") as scratch:
            folder = Path(scratch)
            original = folder / "original"
            size = await _spool(chunks, original, limit)
            if size == 0:
                raise invalid_field("file", "is empty")
            with original.open("rb") as file:
                sniffed = sniff(file.read(HEAD_BYTES))
            if sniffed is None:
                raise invalid_field(
                    "file", "is not an image or video Postflow accepts (JPEG, PNG, GIF, WebP, MP4, MOV)"
                )
            if sniffed.kind == "video" or sniffed.format == "heic":
                raise invalid_field("file", f"{sniffed.format.upper()} uploads are not supported yet")
            if size > self._settings.media_max_image_bytes:
                raise _too_large(self._settings.media_max_image_bytes, "image")
            ready = await asyncio.to_thread(
                images.prepare,
                original,
                sniffed.format,
                fit=fit,
                out=folder / "ready.jpg",
                thumbnail=folder / "thumb.jpg",
                max_width=self._settings.image_max_width,
                min_width=self._settings.image_min_width,
                max_pixels=self._settings.image_max_pixels,
            )
            media_id = uuid.uuid4()
            prefix = f"{user_id}/{media_id}"
            keys = {
                "original_key": f"{prefix}/original.{sniffed.format}",
                "processed_key": f"{prefix}/instagram.jpg",
                "thumbnail_key": f"{prefix}/thumbnail.jpg",
            }
            await asyncio.to_thread(self._store, folder, keys, sniffed.format)
        row = MediaFile(
            id=media_id,
            user_id=user_id,
            kind="image",
            status="ready",
            filename=filename,
            original_format=sniffed.format,
            width=ready.width,
            height=ready.height,
            size_bytes=ready.size_bytes,
            original_size_bytes=size,
            tags=[],
            description="",
            alt_text="",
            warnings=[list(w) for w in ready.warnings],
            **keys,
        )
        async with self._db.transaction() as session:
            session.add(row)
        return row

    def _store(self, folder: Path, keys: dict[str, str], original_format: str) -> None:
        self._storage.put(keys["original_key"], folder / "original", f"image/{original_format}")
        self._storage.put(keys["processed_key"], folder / "ready.jpg", "image/jpeg")
        self._storage.put(keys["thumbnail_key"], folder / "thumb.jpg", "image/jpeg")
