"""One upload: stream the bytes to a temporary file (never whole in memory), decide the
type from the content; an image is made Instagram-ready within the request, a video (or an
animated GIF) is checked, stored and handed to the background processor."""

import asyncio
import tempfile
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import ServiceError, Violation, invalid_field
from lib.common.ids import parse_id
from protos import media_pb2
from services.media import branding, image_items, images, quota, video, video_share
from services.media.models import MediaFile
from services.media.probe import probe
from services.media.processing import VideoProcessor
from services.media.sniff import HEAD_BYTES, sniff
from services.media.storage import LocalStorage, S3Storage

MAX_FILENAME = 255


def _too_large(limit: int, kind: str) -> ServiceError:
    message = f"The {kind} is larger than {limit} bytes"
    return ServiceError("too_large", "file_too_large", message, [Violation("file", f"at most {limit} bytes")])


async def _spool(
    chunks: AsyncIterator[media_pb2.UploadChunk], target: Path, limit: int, over_limit: ServiceError
) -> int:
    """Write the data chunks to target; refuse beyond `limit` bytes as they arrive."""
    size = 0
    with target.open("wb") as out:
        async for chunk in chunks:
            if chunk.WhichOneof("part") != "data":
                raise invalid_field("file", "one header, then data chunks")
            size += len(chunk.data)
            if size > limit:
                raise over_limit
            out.write(chunk.data)
    return size


class Uploads:
    def __init__(
        self,
        *,
        db: Database,
        storage: S3Storage | LocalStorage,
        settings: Settings,
        videos: VideoProcessor,
    ) -> None:
        self._db = db
        self._storage = storage
        self._settings = settings
        self._videos = videos

    async def receive(self, chunks: AsyncIterator[media_pb2.UploadChunk]) -> MediaFile:
        first = await anext(chunks, None)
        if first is None or first.WhichOneof("part") != "header":
            raise invalid_field("file", "the upload must start with its header")
        header = first.header
        user_id = parse_id(header.user_id, "User")
        fit = header.fit or "pad"
        if fit not in images.FITS:
            raise invalid_field("fit", f"must be one of {', '.join(images.FITS)}")
        thumbnail_at = header.thumbnail_at if header.HasField("thumbnail_at") else None
        if thumbnail_at is not None and not 0 <= thumbnail_at <= video.MAX_SECONDS:
            raise invalid_field("thumbnail_at", f"must be between 0 and {video.MAX_SECONDS:g} seconds")
        # NUL cannot be stored in PostgreSQL text; a file name is not worth refusing over it.
        filename = (header.filename.replace("\x00", "") or "upload")[:MAX_FILENAME]
        limit = max(self._settings.media_max_image_bytes, self._settings.media_max_video_bytes)
        over_limit = _too_large(limit, "upload")
        if allowed := self._settings.media_quota_bytes:
            # The original alone must fit in what is left (its Instagram-ready copy is
            # smaller); the upload is cut off as soon as it would not.
            used = await quota.used_bytes(self._db, user_id)
            if used >= allowed:
                raise quota.over_quota(used, allowed)
            if allowed - used < limit:
                limit, over_limit = allowed - used, quota.over_quota(used, allowed)
        with tempfile.TemporaryDirectory(prefix="postflow-upload-") as scratch:
            folder = Path(scratch)
            original = folder / "original"
            size = await _spool(chunks, original, limit, over_limit)
            if size == 0:
                raise invalid_field("file", "is empty")
            with original.open("rb") as file:
                sniffed = sniff(file.read(HEAD_BYTES))
            if sniffed is None:
                raise invalid_field(
                    "file",
                    "is not an image or video Postflow accepts (JPEG, PNG, GIF, WebP, HEIC, MP4, MOV)",
                )
            row = MediaFile(
                id=uuid.uuid4(),
                user_id=user_id,
                filename=filename,
                original_format=sniffed.format,
                original_size_bytes=size,
                original_key="",
                fit=fit,
                tags=[],
                description="",
                alt_text="",
                warnings=[],
                edits=[],
            )
            row.original_key = f"{user_id}/{row.id}/original.{sniffed.format}"
            animated = sniffed.format == "gif" and await asyncio.to_thread(images.is_animated, original)
            if sniffed.kind == "video" or animated:
                await self._video(row, original, size, thumbnail_at)
            else:
                await self._image(row, folder, size)
        async with self._db.transaction() as session:
            session.add(row)
        if row.status == "processing":
            self._videos.start(row.id)
        return row

    async def _image(self, row: MediaFile, folder: Path, size: int) -> None:
        if size > self._settings.media_max_image_bytes:
            raise _too_large(self._settings.media_max_image_bytes, "image")
        logo = await branding.logo(
            self._db,
            self._storage,
            row.user_id,
            settings=self._settings,
            only_enabled=True,
        )
        # The user's branding is on: the logo goes on, recorded as an edit like any other.
        row.edits = [{"op": "watermark"}] if logo else []
        await image_items.make_ready(
            row, folder, logo=logo, storage=self._storage, settings=self._settings, store_original=True
        )

    async def _video(self, row: MediaFile, original: Path, size: int, thumbnail_at: float | None) -> None:
        """Checked now (a file that can never be an Instagram video is refused at once);
        converted in the background."""
        if size > self._settings.media_max_video_bytes:
            raise _too_large(self._settings.media_max_video_bytes, "video")
        await video_share.require_room(self._db, self._settings, row.user_id)
        facts = await probe(original, self._settings.video_probe_timeout_seconds)
        is_gif = row.original_format == "gif"
        if problem := video.problems(facts, video.Cut(), is_gif):
            raise invalid_field("file", problem)
        await asyncio.to_thread(
            self._storage.put, row.original_key, original, video.content_type(row.original_format)
        )
        row.kind, row.status, row.progress, row.thumbnail_at = "video", "processing", 0, thumbnail_at
        row.width, row.height = facts.width, facts.height
        row.duration_seconds = round(video.length(facts, video.Cut(), is_gif), 3)
        if facts.frame_rate and not video.MIN_FPS <= facts.frame_rate <= video.MAX_FPS:
            row.warnings = [
                ["frame_rate_changed", f"{facts.frame_rate:g} fps becomes {video.output_fps(facts):g} fps"]
            ]
        if facts.width > video.MAX_WIDTH:
            row.warnings.append(["scaled_down", f"{facts.width} px wide becomes {video.MAX_WIDTH} px"])
