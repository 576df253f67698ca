"""/api/v1/calendar: a range of local days with their posts, gaps, mix and predictions."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import JSONResponse
from pydantic import Field

from lib.post_status import PostStatus
from protos import posts_pb2, scheduler_pb2
from services.gateway import csv_files, requests
from services.gateway.deps import ManagesAccounts, PostsDep, Reads, SchedulerDep, Schedules
from services.gateway.posts.schemas import PostType
from services.gateway.proto_json import model, to_json, to_message
from services.gateway.requests import SCHEDULE_TIME_PATTERN, RequestBody, documented

router = APIRouter(prefix="/api/v1/calendar", tags=["calendar"])
# A local day; the posts service reads it (a pattern-valid 2027-02-30 is its 422).
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
StartDate = Annotated[
    str, Query(pattern=DATE_PATTERN, max_length=10, description="First local day, e.g. 2027-03-01")
]
EndDate = Annotated[
    str,
    Query(
        pattern=DATE_PATTERN, max_length=10, description="Last local day (included); at most 366 days in all"
    ),
]
AccountFilter = Annotated[str, Query(max_length=requests.MAX_TEXT, description="Only this account's posts")]
CampaignFilter = Annotated[str, Query(max_length=requests.MAX_TEXT, description="Only this campaign's posts")]
Zone = Annotated[
    str, Query(max_length=requests.MAX_TEXT, description="IANA zone of the days; absent: your own")
]


class PlanningSettingsIn(RequestBody):
    posts_per_day: requests.BoundedInt(1, 50) | None = Field(
        description="Posts a day the gaps are measured against; null: learned from your last 28 days"
    )


class MoveIn(RequestBody):
    post_id: str
    scheduled_time: documented(pattern=SCHEDULE_TIME_PATTERN) = Field(
        description="The new time: local in `timezone` (e.g. 2027-03-28T09:30), or with an offset or Z"
    )
    timezone: str = Field("", description="IANA zone; absent: your own")


class RescheduleIn(RequestBody):
    moves: Annotated[list[MoveIn], Field(min_length=1, max_length=50)]
    prefer: Literal["earlier", "later"] = Field(
        "earlier", description="For a local time that happens twice (clocks going back)"
    )
    dry_run: bool = Field(
        False, description="Check only (a drag before its drop): the same answer or refusal; nothing moves"
    )


@router.post("/reschedule", response_model=model(scheduler_pb2.MovePostsResult))
async def reschedule(body: RescheduleIn, workspace: Schedules, scheduler: SchedulerDep):
    """Drag and drop: move up to 50 scheduled posts and planned drafts to new times, all or
    nothing. A refusal (409 `moves_refused`) names in `fields` each move that cannot be made
    and why (the minimum gap, the publishing limit, a time the clocks skip, the past, a
    post that is not scheduled or planned); then nothing has moved."""
    result = await scheduler.MovePosts(
        to_message(body.model_dump(), scheduler_pb2.MovePostsRequest, user_id=workspace.id),
        metadata=workspace.metadata,
    )
    return to_json(result)


@router.get("/gaps", response_model=model(posts_pb2.ContentGaps))
async def gaps(
    workspace: Reads,
    posts: PostsDep,
    start_date: StartDate,
    end_date: EndDate,
    timezone: Zone = "",
    account_id: AccountFilter = "",
):
    """The days from today on below your posting frequency (your setting, else the last 28
    days' rate), each with the day's best free times and an urgency score."""
    found = await posts.GetContentGaps(
        posts_pb2.CalendarRequest(
            user_id=workspace.id,
            start_date=start_date,
            end_date=end_date,
            timezone=timezone,
            account_id=account_id,
        )
    )
    return to_json(found)


@router.get("/analytics", response_model=model(posts_pb2.CalendarAnalytics))
async def analytics(
    workspace: Reads,
    posts: PostsDep,
    start_date: StartDate,
    end_date: EndDate,
    timezone: Zone = "",
    account_id: AccountFilter = "",
    post_type: Annotated[list[PostType], Query(max_length=requests.MAX_ITEMS)] = [],  # noqa: B006
    tag: Annotated[list[str], Query(max_length=requests.MAX_ITEMS, description="Any of these tags")] = [],  # noqa: B006
    campaign_id: CampaignFilter = "",
):
    """How the range went, by its local days: posting frequency; posts by local hour and
    weekday, with the engagement and reach they had; by type (with engagement) and by
    status; the best and worst published posts; and the same figures for the period of the
    same length just before, with the percent change."""
    found = await posts.GetCalendarAnalytics(
        posts_pb2.CalendarRequest(
            user_id=workspace.id,
            start_date=start_date,
            end_date=end_date,
            timezone=timezone,
            account_id=account_id,
            post_types=post_type,
            tags=tag,
            campaign_id=campaign_id,
        )
    )
    return to_json(found)


@router.get(
    "/analytics/export",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "One row per published post"}},
)
async def export_analytics(
    workspace: Reads,
    posts: PostsDep,
    start_date: StartDate,
    end_date: EndDate,
    timezone: Zone = "",
    account_id: AccountFilter = "",
):
    """The posts published in the range (local days, both included; at most a year) as CSV,
    oldest first, each with its latest reach, likes, comments, shares, saves, views and
    engagement."""
    found = await posts.ExportAnalytics(
        posts_pb2.AnalyticsExportRequest(
            user_id=workspace.id,
            start_date=start_date,
            end_date=end_date,
            timezone=timezone,
            account_id=account_id,
        ),
        timeout=60,
    )
    return csv_files.attachment(found.csv, "analytics.csv", truncated=found.truncated)


@router.post("/feed", status_code=201, response_model=model(posts_pb2.CalendarFeed))
async def issue_feed(workspace: ManagesAccounts, posts: PostsDep):
    """A secret URL of your calendar as an iCalendar (.ics) feed, for Google Calendar,
    Outlook or Apple Calendar ("subscribe by URL"). Shown once; asking again replaces it
    (the old URL stops working). It holds the last 30 days and the next year."""
    return to_json(await posts.IssueCalendarFeed(posts_pb2.CalendarFeedRequest(user_id=workspace.id)))


@router.get("/feed", response_model=model(posts_pb2.CalendarFeed))
async def feed_state(workspace: Reads, posts: PostsDep):
    """Whether you have a feed URL, and since when (the URL itself is never shown again)."""
    return to_json(await posts.GetCalendarFeed(posts_pb2.CalendarFeedRequest(user_id=workspace.id)))


@router.delete("/feed", response_model=model(posts_pb2.CalendarFeed))
async def revoke_feed(workspace: ManagesAccounts, posts: PostsDep):
    """Revoke the feed URL: it answers 404 from now on."""
    return to_json(await posts.RevokeCalendarFeed(posts_pb2.CalendarFeedRequest(user_id=workspace.id)))


@router.get(
    "/feed/{token}.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "The calendar, RFC 5545"}},
)
async def feed_document(token: Annotated[str, Path(max_length=64)], posts: PostsDep):
    """The feed itself. No sign-in: the secret in the URL is the credential."""
    found = await posts.RenderCalendarFeed(posts_pb2.CalendarFeedRequest(token=token))
    return Response(
        found.ics,
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, max-age=300"},
    )


@router.get("/settings", response_model=model(posts_pb2.PlanningSettings))
async def get_settings(workspace: Reads, posts: PostsDep):
    return to_json(await posts.GetPlanningSettings(posts_pb2.PlanningSettings(user_id=workspace.id)))


@router.put("/settings", response_model=model(posts_pb2.PlanningSettings))
async def put_settings(body: PlanningSettingsIn, workspace: ManagesAccounts, posts: PostsDep):
    """Replace your planning settings."""
    saved = await posts.PutPlanningSettings(
        posts_pb2.PlanningSettings(user_id=workspace.id, posts_per_day=body.posts_per_day)
    )
    return to_json(saved)


@router.get("", response_model=model(posts_pb2.Calendar))
async def calendar(
    workspace: Reads,
    posts: PostsDep,
    start_date: StartDate,
    end_date: EndDate,
    view_type: Literal["month", "week", "day"] = "month",
    timezone: Zone = "",
    account_id: AccountFilter = "",
    status: Annotated[
        list[PostStatus], Query(max_length=requests.MAX_ITEMS, description="Repeat for several")
    ] = [],  # noqa: B006
    post_type: Annotated[list[PostType], Query(max_length=requests.MAX_ITEMS)] = [],  # noqa: B006
    tag: Annotated[list[str], Query(max_length=requests.MAX_ITEMS, description="Any of these tags")] = [],  # noqa: B006
    campaign_id: CampaignFilter = "",
):
    """Posts with a time in the range (planned drafts, scheduled, publishing, published,
    failed), grouped by local day, and by hour in the week and day views; with the range's
    content gaps, content mix, performance predictions and total."""
    view = await posts.GetCalendar(
        posts_pb2.CalendarRequest(
            user_id=workspace.id,
            start_date=start_date,
            end_date=end_date,
            view_type=view_type,
            timezone=timezone,
            account_id=account_id,
            statuses=[s.to_proto() for s in status],
            post_types=post_type,
            tags=tag,
            campaign_id=campaign_id,
        )
    )
    # Sent as made: to_json makes exactly the response model's fields, and validating a
    # view of hundreds of cells against it again cost a tenth of the answer's time.
    return JSONResponse(to_json(view))
