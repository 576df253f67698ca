"""The media gRPC service: python -m services.media.server"""

import uuid

from protos import media_pb2, media_pb2_grpc
from services.common.config import Settings, get_settings
from services.common.db import Database
from services.common.errors import not_found
from services.common.grpc_errors import rpc_handlers
from services.common.grpc_server import run_service, serve
from services.common.ids import parse_id
from services.media import library
from services.media.messages import media_message
from services.media.storage import LocalStorage, S3Storage, open_storage
from services.media.uploads import Uploads


@rpc_handlers
class MediaServicer(media_pb2_grpc.MediaServicer):
    def __init__(self, db: Database, storage: S3Storage | LocalStorage, settings: Settings) -> None:
        self._db = db
        self._storage = storage
        self._settings = settings
        self._uploads = Uploads(db=db, storage=storage, settings=settings)

    def _message(self, row) -> media_pb2.MediaItem:
        return media_message(row, self._storage, self._settings.media_url_expiry_seconds)

    def _user(self, request) -> uuid.UUID:
        return parse_id(request.user_id, "User")

    async def Upload(self, request_iterator, context):
        return self._message(await self._uploads.receive(request_iterator))

    async def GetMedia(self, request, context):
        return self._message(
            await library.get(self._db, user_id=self._user(request), media_id=request.media_id)
        )

    async def ListMedia(self, request, context):
        rows, cursor = await library.page(
            self._db,
            user_id=self._user(request),
            kind=request.kind,
            tag=request.tag,
            text=request.query,
            cursor=request.cursor,
            limit=request.limit if request.HasField("limit") else self._settings.list_default_limit,
            max_limit=self._settings.list_max_limit,
        )
        return media_pb2.MediaList(items=[self._message(r) for r in rows], next_cursor=cursor)

    async def UpdateMedia(self, request, context):
        row = await library.change(
            self._db,
            user_id=self._user(request),
            media_id=request.media_id,
            description=request.description if request.HasField("description") else None,
            alt_text=request.alt_text if request.HasField("alt_text") else None,
            tags=list(request.tags) if request.replace_tags else None,
        )
        return self._message(row)

    async def DeleteMedia(self, request, context):
        return self._message(
            await library.remove(self._db, user_id=self._user(request), media_id=request.media_id)
        )

    async def ResolveMedia(self, request, context):
        found = await library.several(
            self._db, user_id=self._user(request), media_ids=list(request.media_ids)
        )
        items = []
        for media_id in request.media_ids:
            row = found.get(media_id)
            if row is None:
                items.append(media_pb2.ResolvedItem(media_id=media_id, found=False))
                continue
            url = self._storage.url(row.processed_key) if row.status == "ready" and row.processed_key else ""
            items.append(
                media_pb2.ResolvedItem(
                    media_id=media_id, found=True, status=row.status, kind=row.kind, cdn_url=url
                )
            )
        return media_pb2.ResolvedMedia(items=items)

    async def ReadFile(self, request, context):
        chunks = None
        if isinstance(self._storage, LocalStorage):
            chunks = self._storage.read(request.key, request.expires, request.signature)
        if chunks is None:
            raise not_found("File")
        content_type = "image/jpeg" if request.key.endswith(".jpg") else "application/octet-stream"
        first = True
        for data in chunks:
            yield media_pb2.FileChunk(content_type=content_type if first else "", data=data)
            first = False


async def main(port: int) -> None:
    settings = get_settings()
    db = Database(settings)
    storage = open_storage(settings)

    async def stop() -> None:
        await db.dispose()

    await serve(
        name="postflow.media.v1.Media",
        port=port,
        register=lambda server: media_pb2_grpc.add_MediaServicer_to_server(
            MediaServicer(db, storage, settings), server
        ),
        on_stop=stop,
    )


if __name__ == "__main__":
    run_service(main, port=get_settings().media_grpc_port)
