"""The realtime service's gRPC side: notifications and their preferences (translation only)."""

from protos import realtime_pb2, realtime_pb2_grpc
from services.common.config import Settings
from services.common.db import Database
from services.common.grpc_errors import rpc_handlers
from services.common.ids import parse_id
from services.common.proto_time import to_timestamp
from services.realtime import email_confirmation, notifications
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


@rpc_handlers
class RealtimeServicer(realtime_pb2_grpc.RealtimeServicer):
    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings

    async def ListNotifications(self, request, context):
        rows, cursor, unread = await notifications.page(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            unread_only=request.unread_only,
            cursor=request.cursor,
            limit=request.limit if request.HasField("limit") else self._settings.list_default_limit,
            max_limit=self._settings.list_max_limit,
        )
        return realtime_pb2.NotificationList(
            items=[notification_message(r) for r in rows], next_cursor=cursor, unread_count=unread
        )

    async def MarkRead(self, request, context):
        row = await notifications.mark_read(
            self._db, user_id=parse_id(request.user_id, "User"), notification_id=request.notification_id
        )
        return notification_message(row)

    async def MarkAllRead(self, request, context):
        marked = await notifications.mark_all_read(self._db, user_id=parse_id(request.user_id, "User"))
        return realtime_pb2.MarkAllReadResult(marked=marked)

    async def GetPreferences(self, request, context):
        return preferences_message(
            await notifications.get_preferences(self._db, parse_id(request.user_id, "User"))
        )

    async def SetPreferences(self, request, context):
        row = await notifications.set_preferences(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            channels={
                choice.type: {"websocket": choice.websocket, "email": choice.email, "webhook": choice.webhook}
                for choice in request.channels
            },
            quiet_hours_start=request.quiet_hours_start,
            quiet_hours_end=request.quiet_hours_end,
            timezone=request.timezone,
            email_address=request.email_address,
            webhook_url=request.webhook_url,
            settings=self._settings,
            like_milestones=list(request.like_milestones),
            reach_multiple=request.reach_multiple,
        )
        return preferences_message(row)

    async def ConfirmEmail(self, request, context):
        address = await email_confirmation.confirm(self._db, request.token)
        return realtime_pb2.ConfirmEmailResult(email_address=address)
