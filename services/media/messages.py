"""MediaItem messages from rows; file URLs are made fresh (they expire) for every answer."""

import time
from datetime import UTC, datetime

from lib.common import proto_struct
from lib.common.proto_time import to_timestamp
from protos import media_pb2, posts_pb2
from services.media.models import Branding, MediaFile
from services.media.storage import LocalStorage, S3Storage


def media_message(
    row: MediaFile,
    storage: S3Storage | LocalStorage,
    expiry_seconds: int,
    use: posts_pb2.MediaUse | None = None,
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
        cdn_url=storage.url(row.processed_key) if ready and row.processed_key else None,
        thumbnail_url=storage.url(row.thumbnail_key) if ready and row.thumbnail_key else None,
        tags=list(row.tags or []),
        description=row.description or "",
        alt_text=row.alt_text or "",
        warnings=[media_pb2.MediaWarning(code=code, message=message) for code, message in row.warnings or []],
        failure_reason=row.failure_reason or None,
        created_at=to_timestamp(row.created_at),
        updated_at=to_timestamp(row.updated_at),
        urls_expire_at=to_timestamp(datetime.fromtimestamp(time.time() + expiry_seconds, UTC))
        if ready
        else None,
        progress=row.progress if row.progress is not None else 100,
        duration_seconds=row.duration_seconds or None,
        frame_rate=row.frame_rate or None,
        video_codec=row.video_codec or None,
        audio_codec=row.audio_codec or None,
        parent_id=str(row.parent_id) if row.parent_id else None,
        edits=[proto_struct.struct(op) for op in row.edits or []],
        use_count=use.use_count if use else 0,
        last_used_at=use.last_used_at if use and use.HasField("last_used_at") else None,
        scheduled_post_ids=list(use.scheduled_post_ids) if use else [],
    )


def branding_message(row: Branding) -> media_pb2.Branding:
    return media_pb2.Branding(
        user_id=str(row.user_id),
        logo_media_id=str(row.logo_media_id),
        position=row.position,
        scale_percent=row.scale_percent,
        opacity_percent=row.opacity_percent,
        enabled=row.enabled,
    )
