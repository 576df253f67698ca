"""/api/v1/notifications: the user's notifications and their preferences."""

from typing import Annotated

from fastapi import APIRouter, Query

from protos import realtime_pb2
from services.gateway import convert, schemas
from services.gateway.deps import CurrentUser, RealtimeDep

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"])


@router.get("", response_model=schemas.NotificationPage)
async def list_notifications(
    user_id: CurrentUser,
    realtime: RealtimeDep,
    unread: Annotated[bool, Query(description="Only those not read yet")] = False,
    cursor: Annotated[str, Query(max_length=schemas.MAX_TEXT)] = "",
    limit: Annotated[int, Query(description="1 to 100", ge=0, le=schemas.INT32_MAX)] = 20,
):
    page = await realtime.ListNotifications(
        realtime_pb2.ListNotificationsRequest(user_id=user_id, unread_only=unread, cursor=cursor, limit=limit)
    )
    return convert.notification_page(page)


@router.post("/read-all", response_model=schemas.MarkedOut)
async def read_all(user_id: CurrentUser, realtime: RealtimeDep):
    return {"marked": (await realtime.MarkAllRead(realtime_pb2.UserRef(user_id=user_id))).marked}


@router.get("/preferences", response_model=schemas.NotificationPreferencesOut)
async def get_preferences(user_id: CurrentUser, realtime: RealtimeDep):
    return convert.preferences_dict(await realtime.GetPreferences(realtime_pb2.UserRef(user_id=user_id)))


@router.post("/preferences", response_model=schemas.NotificationPreferencesOut)
async def set_preferences(
    body: schemas.NotificationPreferencesIn, user_id: CurrentUser, realtime: RealtimeDep
):
    """Replaces the preferences: per type, which channels (websocket: on unless said;
    email and webhook: off unless said), the email address and webhook URL, and quiet
    hours in your time zone (stored, sent nowhere)."""
    request = realtime_pb2.NotificationPreferences(
        user_id=user_id,
        channels=[
            realtime_pb2.ChannelChoice(
                type=kind, websocket=choice.websocket, email=choice.email, webhook=choice.webhook
            )
            for kind, choice in body.channels.items()
        ],
        quiet_hours_start=body.quiet_hours.start if body.quiet_hours else "",
        quiet_hours_end=body.quiet_hours.end if body.quiet_hours else "",
        timezone=body.timezone,
        email_address=body.email_address,
        webhook_url=body.webhook_url,
        like_milestones=body.milestones.likes if body.milestones else [],
        reach_multiple=body.milestones.reach_multiple if body.milestones else 0.0,
    )
    return convert.preferences_dict(await realtime.SetPreferences(request))


@router.get("/email/confirm", response_model=schemas.EmailConfirmedOut)
async def confirm_email(
    realtime: RealtimeDep,
    token: Annotated[str, Query(max_length=schemas.MAX_TEXT, description="From the confirmation email")],
):
    """The link mailed to a new notification address (no sign-in needed: the token is the proof)."""
    result = await realtime.ConfirmEmail(realtime_pb2.ConfirmEmailRequest(token=token))
    return {"email_address": result.email_address}


@router.post("/{notification_id}/read", response_model=schemas.NotificationOut)
async def read_one(notification_id: str, user_id: CurrentUser, realtime: RealtimeDep):
    return convert.notification_dict(
        await realtime.MarkRead(
            realtime_pb2.NotificationRef(user_id=user_id, notification_id=notification_id)
        )
    )
