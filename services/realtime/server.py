"""The realtime service's gRPC side: notifications and their preferences (translation only)."""

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.grpc_errors import rpc_handlers
from lib.common.ids import parse_id
from protos import realtime_pb2, realtime_pb2_grpc
from services.realtime import email_confirmation, notifications, report_mail
from services.realtime.messages import notification_message, preferences_message


@rpc_handlers
class RealtimeServicer(realtime_pb2_grpc.RealtimeServicer):
    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings

    async def ListNotifications(self, request, context):
        listed = await notifications.page(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            unread_only=request.unread_only,
            cursor=request.cursor,
            limit=request.limit if request.HasField("limit") else self._settings.list_default_limit,
            max_limit=self._settings.list_max_limit,
        )
        return realtime_pb2.NotificationList(
            items=[notification_message(r) for r in listed.page.items],
            next_cursor=listed.page.next_cursor,
            unread_count=listed.unread,
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
                kind: {"websocket": choice.websocket, "email": choice.email, "webhook": choice.webhook}
                for kind, choice in request.channels.items()
            },
            quiet_hours_start=request.quiet_hours.start,
            quiet_hours_end=request.quiet_hours.end,
            timezone=request.timezone,
            email_address=request.email_address,
            webhook_url=request.webhook_url,
            settings=self._settings,
            like_milestones=list(request.milestones.likes),
            reach_multiple=request.milestones.reach_multiple,
        )
        return preferences_message(row)

    async def SendReportEmail(self, request, context):
        sent = await report_mail.send(
            self._settings,
            recipients=list(request.recipients),
            subject=request.subject,
            body=request.body,
            attachments=[(a.filename, a.content_type, a.content) for a in request.attachments],
        )
        return realtime_pb2.ReportEmailResult(sent=sent)

    async def ConfirmEmail(self, request, context):
        address = await email_confirmation.confirm(self._db, request.token)
        return realtime_pb2.ConfirmEmailResult(email_address=address, confirmed=True)
