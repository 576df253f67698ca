"""gRPC face of the media service: translates requests into calls on the domain modules."""

import asyncio
import uuid
from datetime import timedelta
from pathlib import Path

from lib.common import proto_struct
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import not_found
from lib.common.grpc_errors import rpc_handlers
from lib.common.ids import parse_id
from lib.common.proto_time import from_timestamp
from protos import media_pb2, media_pb2_grpc, posts_pb2_grpc
from services.media import branding, library, purge, quota, suggestions, usage
from services.media.editing import Editor
from services.media.messages import branding_message, media_message
from services.media.processing import VideoProcessor
from services.media.storage import LocalStorage, S3Storage
from services.media.uploads import Uploads

CONTENT_TYPES = {".jpg": "image/jpeg", ".mp4": "video/mp4", ".png": "image/png", ".gif": "image/gif"}


@rpc_handlers
class MediaServicer(media_pb2_grpc.MediaServicer):
    def __init__(
        self,
        db: Database,
        storage: S3Storage | LocalStorage,
        settings: Settings,
        posts: posts_pb2_grpc.PostsStub,
        videos: VideoProcessor,
    ) -> None:
        self._db = db
        self._storage = storage
        self._settings = settings
        self._posts = posts
        self._uploads = Uploads(db=db, storage=storage, settings=settings, videos=videos)
        self._editor = Editor(db=db, storage=storage, settings=settings, videos=videos)

    def _message(self, row, use=None) -> media_pb2.MediaItem:
        return media_message(row, self._storage, self._settings.media_url_expiry_seconds, use)

    async def _with_use(self, row) -> media_pb2.MediaItem:
        uses = await usage.of(self._posts, row.user_id, [str(row.id)])
        return self._message(row, uses.get(str(row.id)))

    def _user(self, request) -> uuid.UUID:
        return parse_id(request.user_id, "User")

    async def Upload(self, request_iterator, context):
        return self._message(await self._uploads.receive(request_iterator))

    async def GetMedia(self, request, context):
        return await self._with_use(
            await library.get(self._db, user_id=self._user(request), media_id=request.media_id)
        )

    async def ListMedia(self, request, context):
        page = await library.page(
            self._db,
            user_id=self._user(request),
            kind=request.kind,
            tag=request.tag,
            text=request.query,
            cursor=request.cursor,
            limit=request.limit if request.HasField("limit") else self._settings.list_default_limit,
            max_limit=self._settings.list_max_limit,
            created_from=from_timestamp(request, "created_from"),
            created_to=from_timestamp(request, "created_to"),
        )
        uses = await usage.of(self._posts, self._user(request), [str(r.id) for r in page.items])
        return media_pb2.MediaList(
            items=[self._message(r, uses.get(str(r.id))) for r in page.items], next_cursor=page.next_cursor
        )

    async def UpdateMedia(self, request, context):
        row = await library.change(
            self._db,
            user_id=self._user(request),
            media_id=request.media_id,
            description=request.description if request.HasField("description") else None,
            alt_text=request.alt_text if request.HasField("alt_text") else None,
            tags=list(request.tags) if request.replace_tags else None,
        )
        return await self._with_use(row)

    async def DeleteMedia(self, request, context):
        user_id = self._user(request)
        current = await library.get(self._db, user_id=user_id, media_id=request.media_id)
        uses = await usage.of(self._posts, user_id, [str(current.id)], required=not request.force)
        use = uses.get(str(current.id))
        if not request.force:
            usage.refuse_if_scheduled(use)
        return self._message(await library.remove(self._db, user_id=user_id, media_id=request.media_id), use)

    async def EditMedia(self, request, context):
        row = await self._editor.edit(
            user_id=self._user(request), media_id=request.media_id, operations_json=request.operations_json
        )
        return self._message(row)

    async def SuggestEdits(self, request, context):
        row = await library.get(self._db, user_id=self._user(request), media_id=request.media_id)
        found = await suggestions.for_item(row, self._storage)
        return media_pb2.Suggestions(
            items=[
                media_pb2.Suggestion(
                    code=s.code,
                    message=s.message,
                    operation=proto_struct.struct(s.operation) if s.operation else None,
                )
                for s in found
            ]
        )

    async def GetBranding(self, request, context):
        return branding_message(await branding.get(self._db, self._user(request)))

    async def SetBranding(self, request, context):
        row = await branding.put(
            self._db,
            user_id=self._user(request),
            logo_media_id=request.logo_media_id,
            position=request.position,
            scale_percent=request.scale_percent,
            opacity_percent=request.opacity_percent,
            enabled=request.enabled,
        )
        return branding_message(row)

    async def PurgeDeleted(self, request, context):
        purged = await purge.purge_deleted(
            self._db,
            self._storage,
            grace=timedelta(seconds=self._settings.media_delete_grace_seconds),
            batch=request.batch or 100,
        )
        return media_pb2.PurgeResult(purged=purged.items, files_removed=purged.files_removed)

    async def GetUsage(self, request, context):
        used = await quota.used_bytes(self._db, self._user(request))
        return media_pb2.StorageUsage(used_bytes=used, quota_bytes=self._settings.media_quota_bytes or None)

    async def ResolveMedia(self, request, context):
        user_id = self._user(request)
        asked = list(request.media_ids)
        found = await library.several(self._db, user_id=user_id, media_ids=asked)
        if request.by_filename:
            named = await library.by_filename(
                self._db, user_id=user_id, filenames=[value for value in asked if value not in found]
            )
            found |= {name: row for name, row in named.items() if name not in found}
        items = []
        for media_id in asked:
            row = found.get(media_id)
            if row is None:
                items.append(media_pb2.ResolvedItem(media_id=media_id, found=False))
                continue
            ready = row.status == "ready"
            url = self._storage.url(row.processed_key) if ready and row.processed_key else ""
            thumbnail = self._storage.url(row.thumbnail_key) if ready and row.thumbnail_key else ""
            items.append(
                media_pb2.ResolvedItem(
                    media_id=media_id,
                    found=True,
                    status=row.status,
                    kind=row.kind,
                    cdn_url=url,
                    id=str(row.id),
                    thumbnail_url=thumbnail,
                    alt_text=row.alt_text or "",
                )
            )
        return media_pb2.ResolvedMedia(items=items)

    async def ReadFile(self, request, context):
        chunks = None
        if isinstance(self._storage, LocalStorage):
            chunks = self._storage.read(request.key, request.expires, request.signature)
        if chunks is None:
            raise not_found("File")
        content_type = CONTENT_TYPES.get(Path(request.key).suffix, "application/octet-stream")
        first = True
        # Disk reads off the event loop: a slow disk must not stall every other call.
        while (data := await asyncio.to_thread(next, chunks, None)) is not None:
            yield media_pb2.FileChunk(content_type=content_type if first else "", data=data)
            first = False
