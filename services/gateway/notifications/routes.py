"""/api/v1/notifications: the user's notifications and their preferences."""

from typing import Annotated

from fastapi import APIRouter, Query

from protos import realtime_pb2
from services.gateway import requests
from services.gateway.deps import ManagesAccounts, Reads, RealtimeDep
from services.gateway.notifications import schemas
from services.gateway.proto_json import model, to_json

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"])


@router.get("", response_model=model(realtime_pb2.NotificationList))
async def list_notifications(
    workspace: Reads,
    realtime: RealtimeDep,
    unread: Annotated[bool, Query(description="Only those not read yet")] = False,
    cursor: Annotated[str, Query(max_length=requests.MAX_TEXT)] = "",
    limit: requests.PageSize = 20,
):
    page = await realtime.ListNotifications(
        realtime_pb2.ListNotificationsRequest(
            user_id=workspace.id, unread_only=unread, cursor=cursor, limit=limit
        )
    )
    return to_json(page)


@router.post("/read-all", response_model=model(realtime_pb2.MarkAllReadResult))
async def read_all(workspace: Reads, realtime: RealtimeDep):
    return to_json(await realtime.MarkAllRead(realtime_pb2.UserRef(user_id=workspace.id)))


@router.get("/preferences", response_model=model(realtime_pb2.NotificationPreferences))
async def get_preferences(workspace: Reads, realtime: RealtimeDep):
    return to_json(await realtime.GetPreferences(realtime_pb2.UserRef(user_id=workspace.id)))


@router.post("/preferences", response_model=model(realtime_pb2.NotificationPreferences))
async def set_preferences(
    body: schemas.NotificationPreferencesIn, workspace: ManagesAccounts, realtime: RealtimeDep
):
    """Replaces the preferences: per type, which channels (websocket: on unless said;
    email and webhook: off unless said), the email address and webhook URL, and quiet
    hours in your time zone (stored, sent nowhere)."""
    return to_json(await realtime.SetPreferences(body.message(workspace.id)))


@router.get("/email/confirm", response_model=model(realtime_pb2.ConfirmEmailResult))
async def confirm_email(
    realtime: RealtimeDep,
    token: Annotated[str, Query(max_length=requests.MAX_TEXT, description="From the confirmation email")],
):
    """The link mailed to a new notification address (no sign-in needed: the token is the proof)."""
    result = await realtime.ConfirmEmail(realtime_pb2.ConfirmEmailRequest(token=token))
    return to_json(result)


@router.post("/{notification_id}/read", response_model=model(realtime_pb2.Notification))
async def read_one(notification_id: str, workspace: Reads, realtime: RealtimeDep):
    return to_json(
        await realtime.MarkRead(
            realtime_pb2.NotificationRef(user_id=workspace.id, notification_id=notification_id)
        )
    )
