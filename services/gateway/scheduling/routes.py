"""/api/v1/posts/{id}/schedule, /status and /preflight: schedule, reschedule, unschedule,
follow, check before it goes out."""

from typing import Annotated

from fastapi import APIRouter, Body

from protos import posts_pb2, scheduler_pb2
from services.gateway.deps import Reads, SchedulerDep, Schedules, Writes
from services.gateway.proto_json import model, to_json
from services.gateway.scheduling import schemas

router = APIRouter(prefix="/api/v1/posts/{post_id}", tags=["scheduling"])


def _request(post_id: str, user_id: str, body: schemas.ScheduleIn) -> scheduler_pb2.SchedulePostRequest:
    return scheduler_pb2.SchedulePostRequest(
        user_id=user_id,
        post_id=post_id,
        account_id=body.account_id,
        local_time=body.scheduled_time,
        timezone=body.timezone,
        prefer=body.prefer,
    )


ScheduleBody = Annotated[schemas.ScheduleIn, Body(openapi_examples=schemas.SCHEDULE_EXAMPLES)]


@router.post("/schedule", response_model=model(scheduler_pb2.ScheduleResult))
async def schedule(post_id: str, body: ScheduleBody, workspace: Schedules, scheduler: SchedulerDep):
    """Schedule the post (200, as the brief has it); a time due now publishes it at once."""
    return to_json(
        await scheduler.SchedulePost(_request(post_id, workspace.id, body), metadata=workspace.metadata)
    )


@router.put("/schedule", response_model=model(scheduler_pb2.ScheduleResult))
async def reschedule(post_id: str, body: ScheduleBody, workspace: Schedules, scheduler: SchedulerDep):
    return to_json(
        await scheduler.ReschedulePost(_request(post_id, workspace.id, body), metadata=workspace.metadata)
    )


@router.delete("/schedule", response_model=model(scheduler_pb2.UnscheduleResult))
async def unschedule(post_id: str, workspace: Schedules, scheduler: SchedulerDep):
    result = await scheduler.UnschedulePost(
        scheduler_pb2.PostRef(user_id=workspace.id, post_id=post_id), metadata=workspace.metadata
    )
    return to_json(result)


@router.get("/status", response_model=model(scheduler_pb2.PublishingStatus))
async def status(post_id: str, workspace: Reads, scheduler: SchedulerDep):
    result = await scheduler.GetPublishingStatus(scheduler_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    return to_json(result)


@router.post("/first-comment/retry", status_code=202, response_model=model(scheduler_pb2.FirstCommentRetry))
async def retry_first_comment(post_id: str, workspace: Schedules, scheduler: SchedulerDep):
    """Post a published post's failed first comment again (202: its step started; follow
    the post's first_comment, or the first_comment events). 409 unless it failed."""
    result = await scheduler.RetryFirstComment(scheduler_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    return to_json(result)


@router.post("/preflight", response_model=model(posts_pb2.Preflight))
async def check_now(post_id: str, workspace: Writes, scheduler: SchedulerDep):
    """Pre-flight now: what can be known to fail before this scheduled post goes out (the
    account's token and permissions, the publishing limit in its 24 hours, each media file
    fetched as Instagram fetches it, a video's length and codec for its type, the caption's
    limits, a missing approval). Kept on the post (its `preflight`) as the day-before check
    is; 409 unless the post is scheduled."""
    found = await scheduler.CheckPostNow(scheduler_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    return to_json(found)
