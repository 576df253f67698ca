"""/api/v1/posts/schedule/optimal: the best times to post, from the account's audience model."""

from fastapi import APIRouter
from pydantic import Field

from protos import scheduler_pb2
from services.gateway import requests
from services.gateway.deps import Reads, SchedulerDep
from services.gateway.posts.schemas import PostTypeField
from services.gateway.proto_json import model, to_json
from services.gateway.requests import RequestBody, documented

router = APIRouter(prefix="/api/v1/posts/schedule", tags=["scheduling"])
# Local days; the scheduler reads them (a pattern-valid 2027-02-30 is its 422).
Day = documented(pattern=r"^\d{4}-\d{2}-\d{2}$", maxLength=10)


class OptimalTimesIn(RequestBody):
    start_date: Day = Field("", description="First local day, e.g. 2027-03-01; absent: today")
    end_date: Day = Field(
        "", description="Last local day (included); at most 92 days in all; absent: a week from start_date"
    )
    count: requests.BoundedInt(1, 200) = Field(5, description="How many times to suggest")
    account_id: str = Field(
        "", max_length=requests.MAX_TEXT, description="Absent: your default account (or your only one)"
    )
    timezone: str = Field("", max_length=requests.MAX_TEXT, description="IANA zone; absent: your own")
    post_type: PostTypeField | None = Field(None, description="The kind of post the time is for")


@router.post("/optimal", response_model=model(scheduler_pb2.SuggestedTimes))
async def optimal(body: OptimalTimesIn, workspace: Reads, scheduler: SchedulerDep):
    """The `count` best whole hours in the range, best first, each with a score from 0 to 1
    (1: the account's best hour of the week) and what it is made of: the general curve,
    and how the account's own posts did near that hour and on that weekday. Times that
    would come closer than the account's minimum gap to a scheduled post (or to a better
    suggested time), or exceed its publishing limit in some 24 hours, are left out. The
    same model scores every schedule's `optimal_score`."""
    found = await scheduler.SuggestTimes(
        scheduler_pb2.SuggestTimesRequest(
            user_id=workspace.id,
            account_id=body.account_id,
            timezone=body.timezone,
            start_date=body.start_date,
            end_date=body.end_date,
            count=body.count,
            post_type=body.post_type or "",
        )
    )
    return to_json(found)
