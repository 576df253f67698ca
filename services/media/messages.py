"""MediaItem messages from rows; file URLs are made fresh (they expire) for every answer."""

import time
from datetime import UTC, datetime

from protos import media_pb2
from services.common.proto_time import to_timestamp
from services.media.models import MediaFile
from services.media.storage import LocalStorage, S3Storage


def media_message(
    row: MediaFile, storage: S3Storage | LocalStorage, expiry_seconds: int
) -> media_pb2.MediaItem:
    ready = row.status == "ready"
    return media_pb2.MediaItem(
        id=str(row.id),
        user_id=str(row.user_id),
        kind=row.kind,
        status=row.status,
        filename=row.filename,
        original_format=row.original_format,
        width=row.width or 0,
        height=row.height or 0,
        size_bytes=row.size_bytes or 0,
        original_size_bytes=row.original_size_bytes,
        cdn_url=storage.url(row.processed_key) if ready and row.processed_key else "",
        thumbnail_url=storage.url(row.thumbnail_key) if ready and row.thumbnail_key else "",
        tags=list(row.tags or []),
        description=row.description or "",
        alt_text=row.alt_text or "",
        warnings=[media_pb2.MediaWarning(code=code, message=message) for code, message in row.warnings or []],
        failure_reason=row.failure_reason or "",
        created_at=to_timestamp(row.created_at),
        updated_at=to_timestamp(row.updated_at),
        urls_expire_at=to_timestamp(datetime.fromtimestamp(time.time() + expiry_seconds, UTC))
        if ready
        else None,
    )
