"""/api/v1/posts/{id}/recurrence: repeat a post by an RRULE; each occurrence publishes a copy."""

from fastapi import APIRouter

from protos import scheduler_pb2
from services.gateway.deps import Reads, SchedulerDep, Schedules
from services.gateway.proto_json import model, to_json, to_message
from services.gateway.scheduling import schemas

router = APIRouter(prefix="/api/v1/posts/{post_id}/recurrence", tags=["recurrence"])


def _request(post_id: str, user_id: str, body: schemas.RecurrenceIn) -> scheduler_pb2.SeriesRequest:
    return to_message(body.model_dump(), scheduler_pb2.SeriesRequest, user_id=user_id, post_id=post_id)


@router.post("", status_code=201, response_model=model(scheduler_pb2.Series))
async def start(post_id: str, body: schemas.RecurrenceIn, workspace: Schedules, scheduler: SchedulerDep):
    return to_json(
        await scheduler.StartSeries(_request(post_id, workspace.id, body), metadata=workspace.metadata)
    )


@router.put("", response_model=model(scheduler_pb2.Series))
async def change(post_id: str, body: schemas.RecurrenceIn, workspace: Schedules, scheduler: SchedulerDep):
    return to_json(
        await scheduler.ChangeSeries(_request(post_id, workspace.id, body), metadata=workspace.metadata)
    )


@router.get("", response_model=model(scheduler_pb2.Series))
async def read(post_id: str, workspace: Reads, scheduler: SchedulerDep):
    return to_json(await scheduler.GetSeries(scheduler_pb2.PostRef(user_id=workspace.id, post_id=post_id)))


@router.delete("", response_model=model(scheduler_pb2.Series))
async def stop(post_id: str, workspace: Schedules, scheduler: SchedulerDep):
    return to_json(await scheduler.StopSeries(scheduler_pb2.PostRef(user_id=workspace.id, post_id=post_id)))
