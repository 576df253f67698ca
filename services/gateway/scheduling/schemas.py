"""Request bodies of scheduling, recurring series and Instagram accounts."""

from typing import Literal

from pydantic import Field

from services.gateway.requests import LOCAL_TIME_PATTERN, RequestBody, documented


class AccountConnectIn(RequestBody):
    ig_user_id: documented(pattern="^[0-9]{1,30}$") = Field(
        description="The Instagram professional account's numeric id"
    )
    access_token: documented(minLength=1, pattern="^\\s*[!-~]+\\s*$") = Field(
        description="A token allowed to publish for it; stored encrypted, never shown"
    )


class AccountUpdateIn(RequestBody):
    min_gap_minutes: float | None = Field(
        None,
        description="Minutes required between two posts on this account (0 to 1440)",
        # Stated for clients; the scheduler checks it and names the field.
        json_schema_extra={"minimum": 0, "maximum": 1440},
    )


class ScheduleIn(RequestBody):
    scheduled_time: documented(pattern=LOCAL_TIME_PATTERN) = Field(
        description="Local date and time in `timezone`, without offset, e.g. 2027-03-28T09:30"
    )
    timezone: str = Field(description="IANA time zone, e.g. Europe/Paris")
    account_id: str = Field(description="One of your connected Instagram accounts")
    prefer: Literal["earlier", "later"] = Field(
        "earlier",
        description="For a local time that happens twice (clocks going back): earlier or later",
    )


class RecurrenceIn(RequestBody):
    rrule: str = Field(
        description="RFC 5545 RRULE on the local clock, e.g. FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30"
    )
    start_time: documented(pattern=LOCAL_TIME_PATTERN) = Field(
        description="First occurrence (unless the rule says otherwise), local, e.g. 2027-01-04T09:30"
    )
    timezone: str = Field(description="IANA time zone, e.g. Europe/Paris")
    account_id: str = Field(description="One of your connected Instagram accounts")
