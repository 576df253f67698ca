"""Rows and domain objects of the realtime service as protobuf messages."""

from lib.common.proto_time import to_timestamp
from protos import realtime_pb2
from services.realtime import notifications
from services.realtime.models import Notification, Preferences


def notification_message(row: Notification) -> realtime_pb2.Notification:
    return realtime_pb2.Notification(
        id=str(row.id),
        type=row.type,
        title=row.title,
        message=row.message,
        post_id=row.post_id or None,
        media_id=row.media_id or None,
        delivered=row.delivered,
        created_at=to_timestamp(row.created_at),
        read_at=to_timestamp(row.read_at),
    )


def preferences_message(row: Preferences) -> realtime_pb2.NotificationPreferences:
    return realtime_pb2.NotificationPreferences(
        user_id=str(row.user_id),
        channels={kind: _channels((row.channels or {}).get(kind, {})) for kind in notifications.TYPES},
        quiet_hours=realtime_pb2.QuietHours(
            start=row.quiet_hours_start.strftime("%H:%M"), end=row.quiet_hours_end.strftime("%H:%M")
        )
        if row.quiet_hours_start and row.quiet_hours_end
        else None,
        timezone=row.timezone or "UTC",
        email_address=row.email_address or None,
        email_confirmed=bool(row.email_address and row.email_confirmed_at),
        webhook_url=row.webhook_url or None,
        webhook_secret=row.webhook_secret or None,
        milestones=realtime_pb2.Milestones(
            likes=notifications.milestones_of(row)["likes"],
            reach_multiple=notifications.milestones_of(row)["reach_multiple"],
        ),
    )


def _channels(chosen: dict) -> realtime_pb2.Channels:
    return realtime_pb2.Channels(
        websocket=chosen.get("websocket", True),
        email=chosen.get("email", False),
        webhook=chosen.get("webhook", False),
    )
