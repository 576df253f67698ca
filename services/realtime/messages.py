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
        post_id=row.post_id or "",
        media_id=row.media_id or "",
        delivered=row.delivered,
        created_at=to_timestamp(row.created_at),
        read_at=to_timestamp(row.read_at),
    )


def preferences_message(row: Preferences) -> realtime_pb2.NotificationPreferences:
    return realtime_pb2.NotificationPreferences(
        user_id=str(row.user_id),
        channels=[
            realtime_pb2.ChannelChoice(
                type=kind, websocket=(row.channels or {}).get(kind, {}).get("websocket", True)
            )
            for kind in notifications.TYPES
        ],
        quiet_hours_start=row.quiet_hours_start.strftime("%H:%M") if row.quiet_hours_start else "",
        quiet_hours_end=row.quiet_hours_end.strftime("%H:%M") if row.quiet_hours_end else "",
        timezone=row.timezone or "UTC",
        email_address=row.email_address or "",
        email_confirmed=bool(row.email_address and row.email_confirmed_at),
        webhook_url=row.webhook_url or "",
        webhook_secret=row.webhook_secret or "",
        like_milestones=notifications.milestones_of(row)["likes"],
        reach_multiple=notifications.milestones_of(row)["reach_multiple"],
    )
