"""/api/v1/calendar: a range of local days with their posts, gaps, mix and predictions."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from lib.post_status import PostStatus
from protos import posts_pb2
from services.gateway import requests
from services.gateway.deps import CurrentUser, PostsDep
from services.gateway.posts.schemas import PostType
from services.gateway.proto_json import model, to_json

router = APIRouter(prefix="/api/v1/calendar", tags=["calendar"])
# A local day; the posts service reads it (a pattern-valid 2027-02-30 is its 422).
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


@router.get("", response_model=model(posts_pb2.Calendar))
async def calendar(
    user_id: CurrentUser,
    posts: PostsDep,
    start_date: Annotated[str, Query(pattern=DATE_PATTERN, description="First local day, e.g. 2027-03-01")],
    end_date: Annotated[
        str, Query(pattern=DATE_PATTERN, description="Last local day (included); at most 366 days in all")
    ],
    view_type: Literal["month", "week", "day"] = "month",
    timezone: Annotated[
        str, Query(max_length=requests.MAX_TEXT, description="IANA zone of the days; absent: your own")
    ] = "",
    account_id: Annotated[str, Query(max_length=requests.MAX_TEXT)] = "",
    status: Annotated[
        list[PostStatus], Query(max_length=requests.MAX_ITEMS, description="Repeat for several")
    ] = [],  # noqa: B006
    post_type: Annotated[list[PostType], Query(max_length=requests.MAX_ITEMS)] = [],  # noqa: B006
    tag: Annotated[list[str], Query(max_length=requests.MAX_ITEMS, description="Any of these tags")] = [],  # noqa: B006
):
    """Posts with a time in the range (planned drafts, scheduled, publishing, published,
    failed), grouped by local day, and by hour in the week and day views; with the range's
    content gaps, content mix, performance predictions and total."""
    view = await posts.GetCalendar(
        posts_pb2.CalendarRequest(
            user_id=user_id,
            start_date=start_date,
            end_date=end_date,
            view_type=view_type,
            timezone=timezone,
            account_id=account_id,
            statuses=[s.to_proto() for s in status],
            post_types=post_type,
            tags=tag,
        )
    )
    return to_json(view)
