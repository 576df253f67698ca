"""Video work in the background: an upload (or a video edit) is recorded as `processing`
and answered at once; here its original is converted to the Instagram-ready MP4 and a
thumbnail, with the percent done written to the item as ffmpeg reports it, and the item
ends `ready` or `failed` with the reason.

Several media services share the work through a lease on each video
(`processing_lease_until`, renewed while converting): one converts it, the others leave it
alone; a video whose service stopped (its lease ran out, or it let go on the way out) is
taken up by the next scan of any media service, and at every start."""

import asyncio
import contextlib
import logging
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select, update

from lib.common import metrics
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import ServiceError
from lib.common.events import MediaProcessing
from lib.common.outbox import Outbox
from services.media import video
from services.media.models import MediaFile
from services.media.probe import probe
from services.media.storage import LocalStorage, S3Storage

log = logging.getLogger(__name__)


class VideoProcessor:
    def __init__(
        self, *, db: Database, storage: S3Storage | LocalStorage, settings: Settings, events: Outbox
    ) -> None:
        self._db = db
        self._events = events
        self._storage = storage
        self._settings = settings
        self._slots = asyncio.Semaphore(settings.video_workers)
        self._lease = timedelta(seconds=settings.video_lease_seconds)
        # By media id: queued or converting in this process (what the queue gauge shows).
        self._jobs: dict[uuid.UUID, asyncio.Task] = {}
        metrics.MEDIA_QUEUE.labels("video").set_function(lambda: len(self._jobs))
        self._watcher: asyncio.Task | None = None

    def start(self, media_id: uuid.UUID) -> None:
        if media_id in self._jobs:
            return
        task = asyncio.create_task(self._run(media_id), name=f"video-{media_id}")
        self._jobs[media_id] = task
        task.add_done_callback(lambda _: self._jobs.pop(media_id, None))

    async def resume(self) -> int:
        """Start the videos no media service holds (left by one that stopped), now and then
        at every half lease: another service may stop while this one runs on."""
        count = await self._take_up_unheld()
        if self._watcher is None:
            self._watcher = asyncio.create_task(self._watch(), name="video-watcher")
        return count

    async def _take_up_unheld(self) -> int:
        async with self._db.reading() as session:
            ids = list(
                await session.scalars(
                    select(MediaFile.id)
                    .where(
                        MediaFile.status == "processing",
                        or_(
                            MediaFile.processing_lease_until.is_(None),
                            MediaFile.processing_lease_until < func.now(),
                        ),
                    )
                    .order_by(MediaFile.created_at)
                )
            )
        for media_id in ids:
            self.start(media_id)
        return len(ids)

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(self._lease.total_seconds() / 2)
            try:
                await self._take_up_unheld()
            except Exception:  # noqa: BLE001 - the database is away: the next scan retries
                log.warning("could not look for videos to take up", exc_info=True)

    async def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
        jobs = list(self._jobs.values())
        for task in jobs:
            task.cancel()
        await asyncio.gather(*jobs, *([self._watcher] if self._watcher else []), return_exceptions=True)

    async def _claim(self, media_id: uuid.UUID) -> bool:
        """Hold the video for a lease, unless another media service does (the database's
        clock decides, the same for every service)."""
        async with self._db.autocommit() as connection:
            claimed = await connection.scalar(
                update(MediaFile)
                .where(
                    MediaFile.id == media_id,
                    MediaFile.status == "processing",
                    or_(
                        MediaFile.processing_lease_until.is_(None),
                        MediaFile.processing_lease_until < func.now(),
                    ),
                )
                .values(processing_lease_until=func.now() + self._lease)
                .returning(MediaFile.id)
            )
        return claimed is not None

    async def _hold(self, media_id: uuid.UUID, until) -> None:
        async with self._db.autocommit() as connection:
            await connection.execute(
                update(MediaFile).where(MediaFile.id == media_id).values(processing_lease_until=until)
            )

    async def _renew(self, media_id: uuid.UUID) -> None:
        while True:
            await asyncio.sleep(self._lease.total_seconds() / 3)
            with contextlib.suppress(Exception):  # a missed renewal: the next one may land
                await self._hold(media_id, func.now() + self._lease)

    async def _set(self, media_id: uuid.UUID, **values) -> None:
        """The item's new state, and its event in the same transaction (the outbox)."""
        async with self._db.transaction() as session:
            row = await session.scalar(
                update(MediaFile)
                .where(MediaFile.id == media_id, MediaFile.status == "processing")
                .values(**values, updated_at=datetime.now(UTC))
                .returning(MediaFile)
            )
            if row is not None:
                event = MediaProcessing(
                    user_id=str(row.user_id),
                    media_id=str(row.id),
                    status=row.status,
                    progress=row.progress,
                    failure_reason=row.failure_reason,
                )
                await self._events.queue(session, [event])
        if row is not None:
            self._events.sent()

    async def _run(self, media_id: uuid.UUID) -> None:
        async with self._slots:
            try:
                claimed = await self._claim(media_id)
            except Exception:  # noqa: BLE001 - the database is away: the next scan retries
                log.warning("video %s: could not claim it", media_id, exc_info=True)
                return
            if not claimed:
                return  # another media service converts it
            log.info("video %s: converting", media_id)
            renewing = asyncio.create_task(self._renew(media_id))
            try:
                with metrics.processing("video"):
                    await self._convert(media_id)
            except asyncio.CancelledError:
                # The service is stopping: the item stays processing; let go of it so that
                # another media service takes it at its next scan, not when the lease ends.
                with contextlib.suppress(Exception):
                    await self._hold(media_id, None)
                raise
            except (video.VideoFailed, ServiceError) as err:
                reason = err.message if isinstance(err, ServiceError) else str(err)
                await self._set(media_id, status="failed", failure_reason=reason, progress=100)
            except Exception:
                log.exception("video %s could not be processed", media_id)
                await self._set(
                    media_id, status="failed", failure_reason="processing failed unexpectedly", progress=100
                )
            finally:
                renewing.cancel()

    async def _convert(self, media_id: uuid.UUID) -> None:
        async with self._db.reading() as session:
            row = await session.get(MediaFile, media_id)
        if row is None or row.status != "processing":
            return
        is_gif = row.original_format == "gif"
        with tempfile.TemporaryDirectory(prefix="postflow-video-") as scratch:
            folder = Path(scratch)
            original, ready, thumbnail = (
                folder / "original",
                folder / "instagram.mp4",
                folder / "thumbnail.jpg",
            )
            await asyncio.to_thread(self._storage.fetch, row.original_key, original)
            source = await probe(original, self._settings.video_probe_timeout_seconds)
            cut = video.cut_of(row.edits or [])
            if problem := video.problems(source, cut, is_gif):
                raise video.VideoFailed(f"The video {problem}")
            last = -5

            async def progress(percent: int) -> None:
                nonlocal last
                # Every 5 %: enough to watch, few enough events to send to every tab.
                if percent >= last + 5:
                    last = percent
                    # After a restart the work starts over; what users saw never goes back.
                    await self._set(media_id, progress=func.greatest(MediaFile.progress, percent))

            await video.run(
                video.transcode_args(original, ready, source, cut, is_gif),
                limit_seconds=self._settings.video_process_timeout_seconds,
                duration=video.length(source, cut, is_gif),
                on_progress=progress,
            )
            result = await probe(ready, self._settings.video_probe_timeout_seconds)
            at = min(row.thumbnail_at if row.thumbnail_at is not None else 1.0, result.duration / 2)
            await video.run(video.thumbnail_args(ready, thumbnail, at), limit_seconds=60)
            prefix = f"{row.user_id}/{row.id}"
            keys = {"processed_key": f"{prefix}/instagram.mp4", "thumbnail_key": f"{prefix}/thumbnail.jpg"}

            def store() -> None:
                self._storage.put(keys["processed_key"], ready, "video/mp4")
                self._storage.put(keys["thumbnail_key"], thumbnail, "image/jpeg")

            await asyncio.to_thread(store)
            await self._set(
                media_id,
                **keys,
                status="ready",
                progress=100,
                width=result.width,
                height=result.height,
                duration_seconds=round(result.duration, 3),
                frame_rate=round(result.frame_rate, 3),
                video_codec=result.video_codec,
                audio_codec=result.audio_codec or None,
                size_bytes=ready.stat().st_size,
            )
