"""Protobuf messages <-> REST bodies. Field names only; no rules live here."""

import json
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

from lib.post_status import PostStatus
from protos import media_pb2, posts_pb2, realtime_pb2, scheduler_pb2, users_pb2
from services.gateway import schemas


def _time(message, field: str):
    if not message.HasField(field):
        return None
    value: Timestamp = getattr(message, field)
    return value.ToJsonString()


def _media(items) -> list[dict[str, str]]:
    return [{k: v for k, v in (("media_id", m.media_id), ("url", m.url)) if v} for m in items]


def content_message(body: schemas.PostContentIn | schemas.PostChanges) -> posts_pb2.PostContent:
    """The content fields the body carries; fields it leaves out (None) stay unset."""
    message = posts_pb2.PostContent(caption=body.caption or "", post_type=body.post_type or "")
    message.hashtags.extend(body.hashtags or [])
    message.tags.extend(body.tags or [])
    message.media.extend(
        posts_pb2.MediaRef(media_id=m.media_id or "", url=m.url or "") for m in body.media or []
    )
    message.metadata_json = json.dumps(body.metadata if body.metadata is not None else {})
    return message


def changes_message(body: schemas.PostChanges) -> tuple[posts_pb2.PostContent, list[str]]:
    """The changed content and the names of the content fields the client sent."""
    # REST field -> PostContent field, the names an update mask speaks.
    names = {"caption": "caption", "hashtags": "hashtags", "media": "media", "post_type": "post_type",
             "tags": "tags", "metadata": "metadata_json"}  # fmt: skip
    sent = [proto for rest, proto in names.items() if rest in body.model_fields_set]
    return content_message(body), sent


def _content_dict(content: posts_pb2.PostContent) -> dict[str, Any]:
    return {
        "caption": content.caption,
        "hashtags": list(content.hashtags),
        "media": _media(content.media),
        "post_type": content.post_type,
        "tags": list(content.tags),
        "metadata": json.loads(content.metadata_json or "{}"),
    }


def post_dict(post: posts_pb2.Post) -> dict[str, Any]:
    return {
        "id": post.id,
        **_content_dict(post.content),
        "status": PostStatus.from_proto(post.status),
        "version": post.version,
        "template_name": post.template_name or None,
        "scheduled_for": _time(post, "scheduled_for"),
        "scheduled_local": post.scheduled_local or None,
        "timezone": post.timezone or None,
        "optimal_time_score": post.optimal_time_score if post.HasField("optimal_time_score") else None,
        "created_at": _time(post, "created_at"),
        "updated_at": _time(post, "updated_at"),
        "deleted_at": _time(post, "deleted_at"),
        "autosaved_at": _time(post, "autosaved_at"),
        "account_id": post.account_id or None,
        "instagram_media_id": post.instagram_media_id or None,
        "permalink": post.permalink or None,
        "published_at": _time(post, "published_at"),
        "last_error": post.last_error or None,
        "series_id": post.series_id or None,
        "metrics": metrics_dict(post.latest_metrics) if post.HasField("latest_metrics") else None,
    }


def warnings_list(warnings) -> list[dict[str, str]]:
    return [{"field": w.field, "code": w.code, "message": w.message} for w in warnings]


def saved_dict(result: posts_pb2.PostResult) -> dict[str, Any]:
    return {**post_dict(result.post), "warnings": warnings_list(result.warnings)}


def version_dict(version: posts_pb2.PostVersion) -> dict[str, Any]:
    return {
        "version": version.version,
        **_content_dict(version.content),
        "changed_by": version.changed_by,
        "change_reason": version.change_reason,
        "created_at": _time(version, "created_at"),
    }


def diff_dict(diff: posts_pb2.VersionDiff) -> dict[str, Any]:
    def loads(text: str):
        return json.loads(text) if text else None

    return {
        "from_version": diff.from_version,
        "to_version": diff.to_version,
        "changes": [
            {
                "field": c.field,
                "before": loads(c.from_json),
                "after": loads(c.to_json),
                "added": loads(c.added_json),
                "removed": loads(c.removed_json),
                "text_diff": c.text_diff or None,
            }
            for c in diff.changes
        ],
    }


def autosave_dict(draft: posts_pb2.Autosave) -> dict[str, Any]:
    return {
        "post_id": draft.post_id,
        **_content_dict(draft.content),
        "base_version": draft.base_version,
        "saved_at": _time(draft, "saved_at"),
    }


def _item_error(item) -> dict[str, str] | None:
    return None if item.ok else {"code": item.error_code, "message": item.error_message}


def bulk_dict(result: posts_pb2.BulkActionResult) -> dict[str, Any]:
    return {
        "succeeded": result.succeeded,
        "failed": result.failed,
        "results": [
            {
                "post_id": r.post_id,
                "ok": r.ok,
                "error": _item_error(r),
                "post": post_dict(r.post) if r.HasField("post") else None,
            }
            for r in result.results
        ],
    }


def user_dict(user: users_pb2.User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "timezone": user.timezone,
        "created_at": _time(user, "created_at"),
    }


def token_dict(result: users_pb2.AuthResult) -> dict[str, Any]:
    return {
        "user": user_dict(result.user),
        "access_token": result.access_token,
        "token_type": "bearer",
        "expires_in": result.expires_in_seconds,
        "refresh_token": result.refresh_token,
        "refresh_expires_in": result.refresh_expires_in_seconds,
    }


def audit_dict(event: users_pb2.AuditEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "ip": event.ip,
        "user_agent": event.user_agent,
        "detail": json.loads(event.detail_json or "{}"),
        "created_at": _time(event, "created_at"),
    }


def account_dict(account: scheduler_pb2.InstagramAccount) -> dict[str, Any]:
    return {
        "id": account.id,
        "ig_user_id": account.ig_user_id,
        "username": account.username,
        "connected_at": _time(account, "connected_at"),
        "min_gap_minutes": account.min_gap_minutes,
    }


def schedule_dict(result: scheduler_pb2.ScheduleResult) -> dict[str, Any]:
    return {
        "post_id": result.post_id,
        "scheduled_for": _time(result, "scheduled_for"),
        "local_time": result.local_time,
        "timezone": result.timezone,
        "ambiguity": result.ambiguity or None,
        "optimal_score": result.optimal_score,
    }


def status_dict(status: scheduler_pb2.PublishingStatus) -> dict[str, Any]:
    return {
        "post_id": status.post_id,
        "status": PostStatus.from_proto(status.status),
        "scheduled_for": _time(status, "scheduled_for"),
        "timezone": status.timezone or None,
        "step": status.step,
        "attempts": status.attempts,
        "last_error": status.last_error or None,
        "next_retry": _time(status, "next_retry"),
        "instagram_media_id": status.instagram_media_id or None,
        "permalink": status.permalink or None,
        "published_at": _time(status, "published_at"),
    }


def bulk_schedule_dict(result: scheduler_pb2.BulkScheduleResult) -> dict[str, Any]:
    return {
        "succeeded": result.succeeded,
        "failed": result.failed,
        "results": [
            {
                "post_id": r.post_id,
                "ok": r.ok,
                "error": _item_error(r),
                "scheduled_for": _time(r, "scheduled_for"),
                "local_time": r.local_time or None,
            }
            for r in result.results
        ],
    }


def series_dict(series: scheduler_pb2.Series) -> dict[str, Any]:
    return {
        "post_id": series.post_id,
        "account_id": series.account_id,
        "rrule": series.rrule,
        "start_time": series.start_time,
        "timezone": series.timezone,
        "status": series.status,
        "upcoming": list(series.upcoming),
        "created_at": _time(series, "created_at"),
        "stopped_at": _time(series, "stopped_at"),
    }


def media_dict(item: media_pb2.MediaItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "status": item.status,
        "filename": item.filename,
        "original_format": item.original_format,
        "width": item.width,
        "height": item.height,
        "size_bytes": item.size_bytes,
        "original_size_bytes": item.original_size_bytes,
        "cdn_url": item.cdn_url or None,
        "thumbnail_url": item.thumbnail_url or None,
        "urls_expire_at": _time(item, "urls_expire_at"),
        "tags": list(item.tags),
        "description": item.description,
        "alt_text": item.alt_text,
        "warnings": [{"code": w.code, "message": w.message} for w in item.warnings],
        "failure_reason": item.failure_reason or None,
        "progress": item.progress,
        "duration_seconds": item.duration_seconds or None,
        "frame_rate": item.frame_rate or None,
        "video_codec": item.video_codec or None,
        "audio_codec": item.audio_codec or None,
        "parent_id": item.parent_id or None,
        "edits": json.loads(item.edits_json or "[]"),
        "use_count": item.use_count,
        "last_used_at": _time(item, "last_used_at"),
        "scheduled_post_ids": list(item.scheduled_post_ids),
        "created_at": _time(item, "created_at"),
        "updated_at": _time(item, "updated_at"),
    }


def suggestions_dict(reply: media_pb2.Suggestions) -> dict[str, Any]:
    return {
        "items": [
            {
                "code": s.code,
                "message": s.message,
                "operation": json.loads(s.operation_json) if s.operation_json else None,
            }
            for s in reply.items
        ]
    }


def branding_dict(reply: media_pb2.Branding) -> dict[str, Any]:
    return {
        "logo_media_id": reply.logo_media_id,
        "position": reply.position,
        "scale_percent": reply.scale_percent,
        "opacity_percent": reply.opacity_percent,
        "enabled": reply.enabled,
    }


def notification_dict(item: realtime_pb2.Notification) -> dict[str, Any]:
    return {
        "id": item.id,
        "type": item.type,
        "title": item.title,
        "message": item.message,
        "post_id": item.post_id or None,
        "media_id": item.media_id or None,
        "delivered": item.delivered,
        "created_at": _time(item, "created_at"),
        "read_at": _time(item, "read_at"),
    }


def notification_page(page: realtime_pb2.NotificationList) -> dict[str, Any]:
    return {
        "items": [notification_dict(n) for n in page.items],
        "next_cursor": page.next_cursor or None,
        "unread_count": page.unread_count,
    }


def preferences_dict(reply: realtime_pb2.NotificationPreferences) -> dict[str, Any]:
    quiet = None
    if reply.quiet_hours_start:
        quiet = {"start": reply.quiet_hours_start, "end": reply.quiet_hours_end}
    return {
        "channels": {
            c.type: {"websocket": c.websocket, "email": c.email, "webhook": c.webhook} for c in reply.channels
        },
        "quiet_hours": quiet,
        "timezone": reply.timezone,
        "email_address": reply.email_address or None,
        "email_confirmed": reply.email_confirmed,
        "webhook_url": reply.webhook_url or None,
        "webhook_secret": reply.webhook_secret or None,
        "milestones": {"likes": list(reply.like_milestones), "reach_multiple": reply.reach_multiple},
    }


def metrics_dict(sample: posts_pb2.MetricsSample) -> dict[str, Any]:
    return {
        "collected_at": _time(sample, "collected_at"),
        "age_seconds": sample.age_seconds,
        "likes": sample.likes,
        "comments": sample.comments,
        "shares": sample.shares,
        "saves": sample.saves,
        "reach": sample.reach,
        "views": sample.views,
        "percentile_rank": sample.percentile_rank if sample.HasField("percentile_rank") else None,
    }
