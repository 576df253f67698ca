"""Conversions between the posts service's domain objects and its protobuf messages."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lib.common.errors import invalid_field
from lib.common.proto_time import to_timestamp
from lib.post_status import PostStatus
from protos import posts_pb2
from services.posts.content import Content
from services.posts.models import Post, PostMetric, PostVersion
from services.posts.rules import Warning
from services.posts.store import content_of


def content_message(content: Content) -> posts_pb2.PostContent:
    return posts_pb2.PostContent(
        caption=content.caption,
        hashtags=content.hashtags,
        media=[posts_pb2.MediaRef(**item) for item in content.media],
        post_type=content.post_type,
        tags=content.tags,
        metadata_json=json.dumps(content.metadata),
    )


def content_from(message: posts_pb2.PostContent) -> Content:
    try:
        metadata = (
            json.loads(message.metadata_json, parse_constant=_refuse_constant)
            if message.metadata_json
            else {}
        )
    except ValueError as exc:
        raise invalid_field("metadata", "is not valid JSON (numbers must be finite)") from exc
    if not isinstance(metadata, dict):
        raise invalid_field("metadata", "must be a JSON object")
    if _has_nul(metadata):
        raise invalid_field("metadata", "must not contain NUL characters")
    return Content(
        caption=message.caption,
        hashtags=list(message.hashtags),
        media=[{k: v for k, v in (("media_id", m.media_id), ("url", m.url)) if v} for m in message.media],
        post_type=message.post_type,
        tags=list(message.tags),
        metadata=metadata,
    )


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _local(moment: datetime | None, zone: str | None) -> str:
    if moment is None or not zone:
        return ""
    try:
        return moment.astimezone(ZoneInfo(zone)).isoformat()
    except (ZoneInfoNotFoundError, ValueError):
        return ""


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def post_message(post: Post, autosaved_at: datetime | None = None) -> posts_pb2.Post:
    return posts_pb2.Post(
        id=str(post.id),
        user_id=str(post.user_id),
        content=content_message(content_of(post)),
        status=PostStatus(post.status).to_proto(),
        version=post.version,
        template_name=post.template_name or "",
        scheduled_for=to_timestamp(post.scheduled_for),
        timezone=post.timezone or "",
        optimal_time_score=post.optimal_time_score,
        created_at=to_timestamp(post.created_at),
        updated_at=to_timestamp(post.updated_at),
        deleted_at=to_timestamp(post.deleted_at),
        autosaved_at=to_timestamp(autosaved_at),
        account_id=str(post.account_id) if post.account_id else "",
        instagram_media_id=post.instagram_media_id or "",
        permalink=post.permalink or "",
        published_at=to_timestamp(post.published_at),
        last_error=post.last_error or "",
        scheduled_local=_local(post.scheduled_for, post.timezone),
        series_id=str(post.series_id) if post.series_id else "",
    )


def warning_messages(warnings: list[Warning]) -> list[posts_pb2.Warning]:
    return [posts_pb2.Warning(field=w.field, code=w.code, message=w.message) for w in warnings]


def version_message(row: PostVersion) -> posts_pb2.PostVersion:
    return posts_pb2.PostVersion(
        post_id=str(row.post_id),
        version=row.version,
        content=content_message(content_of(row)),
        changed_by=str(row.changed_by),
        change_reason=row.change_reason,
        created_at=to_timestamp(row.created_at),
    )


def metrics_sample(row: PostMetric) -> posts_pb2.MetricsSample:
    return posts_pb2.MetricsSample(
        collected_at=to_timestamp(row.collected_at),
        age_seconds=row.age_seconds,
        likes=row.likes,
        comments=row.comments,
        shares=row.shares,
        saves=row.saves,
        reach=row.reach,
        views=row.views,
        percentile_rank=row.percentile_rank,
    )
