"""/api/v1/reports: a range's analytics for a set of accounts as a PDF or CSV, and the
schedules that mail one weekly or monthly."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from pydantic import Field

from protos import posts_pb2
from services.gateway import csv_files, requests
from services.gateway.calendar.routes import DATE_PATTERN, Zone
from services.gateway.deps import PostsDep, Reads, Writes
from services.gateway.proto_json import model, to_json
from services.gateway.requests import RequestBody

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])
ScheduleId = Annotated[str, Path(max_length=requests.MAX_TEXT)]
Day = Annotated[str, Query(pattern=DATE_PATTERN, max_length=10, description="A local day, e.g. 2027-03-01")]


class ReportScheduleIn(RequestBody):
    name: str = Field(max_length=100, description="Shown in the mail's subject, e.g. Harbour Bakery, monthly")
    frequency: Literal["weekly", "monthly"] = Field(
        description="weekly: the last Monday-to-Sunday week, mailed Mondays at 08:00; monthly: the last "
        "month, mailed on the 1st at 08:00 (in `timezone`)"
    )
    recipients: Annotated[list[str], Field(min_length=1, max_length=10)] = Field(
        description="Email addresses (a client's too: no account needed)"
    )
    account_ids: Annotated[list[str], Field(max_length=50)] = Field(
        default_factory=list, description="The accounts reported on; empty: all of them"
    )
    timezone: str = Field("", max_length=requests.MAX_TEXT, description="IANA zone; absent: the workspace's")


@router.get(
    "/analytics",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}, "text/csv": {}}, "description": "The report file"}},
)
async def analytics_report(
    workspace: Reads,
    posts: PostsDep,
    start_date: Day,
    end_date: Day,
    timezone: Zone = "",
    account_id: Annotated[
        list[str],
        Query(max_length=50, description="The accounts reported on (repeat for several); none: all"),
    ] = [],  # noqa: B006
    format: Annotated[Literal["pdf", "csv"], Query(description="pdf (with charts) or csv")] = "pdf",  # noqa: A002
    title: Annotated[str, Query(max_length=200, description="The PDF's title")] = "",
):
    """The analytics screen's figures for a range of local days (at most a year) and a set of
    accounts, against the period before: a two-page PDF with its charts (engagement by
    weekday and by hour, posts by type, the best and worst posts), or the same figures as CSV."""
    made = await posts.RenderReport(
        posts_pb2.ReportRequest(
            user_id=workspace.id,
            start_date=start_date,
            end_date=end_date,
            timezone=timezone,
            account_ids=account_id,
            format=format,
            title=title,
        )
    )
    return csv_files.download(made.content, made.filename, made.content_type)


@router.get("/schedules", response_model=model(posts_pb2.ReportScheduleList))
async def list_schedules(workspace: Reads, posts: PostsDep):
    return to_json(await posts.ListReportSchedules(posts_pb2.ReportScheduleRef(user_id=workspace.id)))


@router.post("/schedules", status_code=201, response_model=model(posts_pb2.ReportSchedule))
async def create_schedule(body: ReportScheduleIn, workspace: Writes, posts: PostsDep):
    """A report mailed weekly or monthly, with its PDF and CSV attached, to up to 10 addresses."""
    made = await posts.CreateReportSchedule(
        posts_pb2.ReportScheduleRequest(
            user_id=workspace.id,
            actor_id=workspace.user_id,
            name=body.name,
            frequency=body.frequency,
            recipients=body.recipients,
            account_ids=body.account_ids,
            timezone=body.timezone,
        )
    )
    return to_json(made)


@router.post("/schedules/{schedule_id}/send", response_model=model(posts_pb2.ReportSchedule))
async def send_now(schedule_id: ScheduleId, workspace: Writes, posts: PostsDep):
    """Mail it now (within a minute: the next round), then on its schedule as before."""
    ref = posts_pb2.ReportScheduleRef(user_id=workspace.id, schedule_id=schedule_id)
    return to_json(await posts.SendReportNow(ref))


@router.delete("/schedules/{schedule_id}", status_code=204)
async def delete_schedule(schedule_id: ScheduleId, workspace: Writes, posts: PostsDep):
    await posts.DeleteReportSchedule(
        posts_pb2.ReportScheduleRef(user_id=workspace.id, schedule_id=schedule_id)
    )
    return Response(status_code=204)
