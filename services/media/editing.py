"""Edits make new items: the parent's original with the parent's operations and the new
ones applied. An image is rendered within the request; a video is checked at once and
converted in the background like an upload."""

import asyncio
import json
import tempfile
import uuid
from pathlib import Path

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import ServiceError, invalid_field
from services.media import branding, edits, image_items, library, quota, video, video_share
from services.media.models import MediaFile
from services.media.probe import probe
from services.media.processing import VideoProcessor
from services.media.storage import LocalStorage, S3Storage


def _operations(operations_json: str) -> object:
    try:
        return json.loads(operations_json or "null")
    except ValueError as exc:
        raise invalid_field("operations", "must be a JSON list of operations") from exc


class Editor:
    def __init__(
        self, *, db: Database, storage: S3Storage | LocalStorage, settings: Settings, videos: VideoProcessor
    ) -> None:
        self._db = db
        self._storage = storage
        self._settings = settings
        self._videos = videos

    async def edit(self, *, user_id: uuid.UUID, media_id: str, operations_json: str) -> MediaFile:
        parent = await library.get(self._db, user_id=user_id, media_id=media_id)
        operations = edits.check(_operations(operations_json), parent.kind)
        if parent.status != "ready":
            raise ServiceError(
                "conflict", "media_not_ready", f"The item is {parent.status}; edit it once it is ready"
            )
        # An edit makes a new item: counted against the quota like an upload (its size is
        # about its parent's), and a video's against the user's share of the converter.
        if allowed := self._settings.media_quota_bytes:
            used = await quota.used_bytes(self._db, user_id)
            if used + (parent.size_bytes or 0) > allowed:
                raise quota.over_quota(used, allowed)
        if parent.kind == "video":
            await video_share.require_room(self._db, self._settings, user_id)
        child = MediaFile(
            id=uuid.uuid4(),
            user_id=user_id,
            kind=parent.kind,
            filename=parent.filename,
            original_format=parent.original_format,
            original_size_bytes=parent.original_size_bytes,
            # Shared with the parent: files are never deleted while an item refers to them.
            original_key=parent.original_key,
            fit=parent.fit,
            thumbnail_at=parent.thumbnail_at,
            parent_id=parent.id,
            edits=[*(parent.edits or []), *operations],
            tags=list(parent.tags or []),
            description=parent.description,
            alt_text=parent.alt_text,
            warnings=[],
        )
        with tempfile.TemporaryDirectory(prefix="postflow-edit-") as scratch:
            folder = Path(scratch)
            await asyncio.to_thread(self._storage.fetch, parent.original_key, folder / "original")
            if parent.kind == "image":
                await self._image(child, folder)
            else:
                await self._video(child, folder / "original")
        async with self._db.transaction() as session:
            session.add(child)
        if child.status == "processing":
            self._videos.start(child.id)
        return child

    async def _image(self, child: MediaFile, folder: Path) -> None:
        uses_logo = any(op["op"] == "watermark" for op in child.edits)
        logo = None
        if uses_logo:
            logo = await branding.logo(
                self._db,
                self._storage,
                child.user_id,
                settings=self._settings,
                only_enabled=False,
            )
            if logo is None:
                raise invalid_field(
                    "operations", "watermark needs your branding logo (PUT /api/v1/media/branding)"
                )
        # The original is the parent's, already stored.
        await image_items.make_ready(
            child, folder, logo=logo, storage=self._storage, settings=self._settings, store_original=False
        )

    async def _video(self, child: MediaFile, original: Path) -> None:
        facts = await probe(original, self._settings.video_probe_timeout_seconds)
        is_gif = child.original_format == "gif"
        cut = video.cut_of(child.edits)
        if problem := video.problems(facts, cut, is_gif):
            raise invalid_field("operations", f"the edited video {problem}")
        child.status, child.progress = "processing", 0
        child.width, child.height = video.output_size(facts, cut)
        child.duration_seconds = round(video.length(facts, cut, is_gif), 3)
