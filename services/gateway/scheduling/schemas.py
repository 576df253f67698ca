"""Request bodies of scheduling, recurring series and Instagram accounts."""

from typing import Literal

from pydantic import Field

from services.gateway.requests import LOCAL_TIME_PATTERN, SCHEDULE_TIME_PATTERN, RequestBody, documented


class AccountConnectIn(RequestBody):
    ig_user_id: documented(pattern="^[0-9]{1,30}$") = Field(
        description="The Instagram professional account's numeric id"
    )
    access_token: documented(minLength=1, pattern="^\\s*[!-~]+\\s*$") = Field(
        description="A token allowed to publish for it; stored encrypted, never shown"
    )
    login_type: Literal["instagram", "facebook"] | None = Field(
        None,
        description="How the token was made: instagram (Instagram Login, works on graph.instagram.com) or "
        "facebook (Facebook Login or a system user, graph.facebook.com). Absent: tokens starting IG are "
        "Instagram Login's",
    )


class LoginStartIn(RequestBody):
    login_type: Literal["instagram", "facebook"] = Field(
        description="instagram: Connect with Instagram (Instagram Login); facebook: Connect with Facebook "
        "(Facebook Login for Business, the Pages' Instagram accounts)"
    )


class LoginCompleteIn(RequestBody):
    """What Meta appended to the redirect URI, as the browser received it."""

    state: documented(minLength=1, maxLength=2048)
    code: documented(maxLength=2048) = ""
    error: documented(maxLength=200) = ""
    error_description: documented(maxLength=1000) = ""
    # Also appended by Meta on a refusal; the description says it for a person.
    error_reason: documented(maxLength=200) = ""
    error_code: documented(maxLength=20) = ""


class LoginChooseIn(RequestBody):
    ig_user_ids: list[documented(pattern="^[0-9]{1,30}$")] = Field(
        min_length=1, max_length=50, description="The accounts to connect, among the login's choices"
    )


class AccountUpdateIn(RequestBody):
    min_gap_minutes: float | None = Field(
        None,
        description="Minutes required between two posts on this account (0 to 1440)",
        # Stated for clients; the scheduler checks it and names the field.
        json_schema_extra={"minimum": 0, "maximum": 1440},
    )
    is_default: bool | None = Field(
        None, description="true: schedules that name no account go here (the previous default stops being it)"
    )


SCHEDULE_EXAMPLES = {
    "brief": {
        "summary": "The brief's form: a time, your default account and your own zone",
        "value": {"scheduled_time": "2027-02-15T14:00:00", "timezone": "America/New_York"},
    },
    "instant": {
        "summary": "An instant (with an offset or Z); a time up to 5 minutes ago means now",
        "value": {"scheduled_time": "2027-02-15T19:00:00Z"},
    },
    "full": {
        "summary": "Local time, zone, account, and which of a time that happens twice",
        "value": {
            "scheduled_time": "2027-10-31T02:30",
            "timezone": "Europe/Paris",
            "account_id": "6f1d2c3b-0000-4000-8000-000000000001",
            "prefer": "later",
        },
    },
}


class ScheduleIn(RequestBody):
    scheduled_time: documented(pattern=SCHEDULE_TIME_PATTERN) = Field(
        description="Local date and time in `timezone` (e.g. 2027-03-28T09:30), or an instant with an "
        "offset or Z (e.g. 2027-03-28T07:30:00Z). Up to 5 minutes in the past means publish now"
    )
    timezone: str = Field("", description="IANA time zone, e.g. Europe/Paris; absent: your own zone")
    account_id: str = Field(
        "",
        description="One of your connected Instagram accounts; absent: your default account (or your "
        "only one)",
    )
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
