"""Request bodies of /api/v1/notifications."""

from typing import Annotated

from pydantic import Field

from protos import realtime_pb2
from services.gateway.proto_json import to_message
from services.gateway.requests import INT32_MAX, MAX_ITEMS, Items, RequestBody


class ChannelsIn(RequestBody):
    websocket: bool = True
    email: bool = False
    webhook: bool = False


class QuietHoursIn(RequestBody):
    start: str = Field(description="HH:MM, in timezone")
    end: str = Field(description="HH:MM, in timezone; may be before start (over midnight)")


class MilestonesIn(RequestBody):
    likes: Items(Annotated[int, Field(ge=1, le=INT32_MAX)], 20) = Field(
        default_factory=list, description="Like counts worth a notification"
    )
    reach_multiple: float = Field(
        0.0,
        description="Reach as a multiple of the account's median reach: 0 (the default, 2x) or 1.1 to 100",
    )


class NotificationPreferencesIn(RequestBody):
    channels: dict[str, ChannelsIn] = Field(default_factory=dict, max_length=MAX_ITEMS)
    quiet_hours: QuietHoursIn | None = None
    timezone: str = "UTC"
    email_address: str = ""
    webhook_url: str = ""
    milestones: MilestonesIn | None = None

    def message(self, user_id: str) -> realtime_pb2.NotificationPreferences:
        return to_message(
            self.model_dump(exclude_none=True), realtime_pb2.NotificationPreferences, user_id=user_id
        )
