"""/api/v1/schedule-templates: named weekly slots in a zone, applied to a list of posts."""

from typing import Annotated

from fastapi import APIRouter
from pydantic import Field

from protos import scheduler_pb2
from services.gateway import requests
from services.gateway.deps import Reads, SchedulerDep, Schedules, Writes
from services.gateway.proto_json import model, to_json
from services.gateway.requests import RequestBody, documented

router = APIRouter(prefix="/api/v1/schedule-templates", tags=["scheduling"])


class SlotIn(RequestBody):
    weekday: documented(enum=["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
    time: documented(pattern="^([01][0-9]|2[0-3]):[0-5][0-9]$") = Field(description="Local time, e.g. 09:30")


class ScheduleTemplateIn(RequestBody):
    name: str = Field(max_length=requests.MAX_TEXT, description="1 to 100 characters, unique among yours")
    timezone: str = Field(max_length=requests.MAX_TEXT, description="IANA zone of the slots' times")
    slots: Annotated[list[SlotIn], Field(min_length=1, max_length=50)]

    def message(self, user_id: str, template_id: str = "") -> scheduler_pb2.ScheduleTemplateRequest:
        return scheduler_pb2.ScheduleTemplateRequest(
            user_id=user_id,
            template_id=template_id,
            name=self.name,
            timezone=self.timezone,
            slots=[scheduler_pb2.TemplateSlot(weekday=s.weekday, time=s.time) for s in self.slots],
        )


class ApplyIn(RequestBody):
    post_ids: requests.Items(str) = Field(description="Up to 50 posts, filled into slots in this order")
    account_id: str = Field("", max_length=requests.MAX_TEXT, description="Absent: your default account")
    start_date: documented(pattern=r"^\d{4}-\d{2}-\d{2}$", maxLength=10) = Field(
        "", description="First local day to fill; absent: today"
    )


def _ref(user_id: str, template_id: str = "") -> scheduler_pb2.ScheduleTemplateRef:
    return scheduler_pb2.ScheduleTemplateRef(user_id=user_id, template_id=template_id)


@router.post("", status_code=201, response_model=model(scheduler_pb2.ScheduleTemplate))
async def create_template(body: ScheduleTemplateIn, workspace: Writes, scheduler: SchedulerDep):
    return to_json(await scheduler.CreateScheduleTemplate(body.message(workspace.id)))


@router.get("", response_model=model(scheduler_pb2.ScheduleTemplateList))
async def list_templates(workspace: Reads, scheduler: SchedulerDep):
    return to_json(await scheduler.ListScheduleTemplates(_ref(workspace.id)))


@router.get("/{template_id}", response_model=model(scheduler_pb2.ScheduleTemplate))
async def get_template(template_id: str, workspace: Reads, scheduler: SchedulerDep):
    return to_json(await scheduler.GetScheduleTemplate(_ref(workspace.id, template_id)))


@router.put("/{template_id}", response_model=model(scheduler_pb2.ScheduleTemplate))
async def replace_template(
    template_id: str, body: ScheduleTemplateIn, workspace: Writes, scheduler: SchedulerDep
):
    return to_json(await scheduler.UpdateScheduleTemplate(body.message(workspace.id, template_id)))


@router.delete("/{template_id}", response_model=model(scheduler_pb2.ScheduleTemplate))
async def delete_template(template_id: str, workspace: Writes, scheduler: SchedulerDep):
    return to_json(await scheduler.DeleteScheduleTemplate(_ref(workspace.id, template_id)))


@router.post("/{template_id}/apply", response_model=model(scheduler_pb2.BulkScheduleResult))
async def apply_template(template_id: str, body: ApplyIn, workspace: Schedules, scheduler: SchedulerDep):
    """Schedule each post, in the order given, into the template's next free slot from
    `start_date`: ahead, existing that day (a time the clocks skip is passed over), at
    least the account's minimum gap from its scheduled posts, and within its publishing
    limit. Each post has its own result; one that cannot be scheduled takes no slot."""
    result = await scheduler.ApplyScheduleTemplate(
        scheduler_pb2.ApplyScheduleTemplateRequest(
            user_id=workspace.id,
            template_id=template_id,
            post_ids=body.post_ids,
            account_id=body.account_id,
            start_date=body.start_date,
        ),
        metadata=workspace.metadata,
    )
    return to_json(result)
