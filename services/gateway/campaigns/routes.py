"""/api/v1/campaigns: a name, dates, a colour and a goal; posts join one with campaign_id."""

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field

from protos import posts_pb2
from services.gateway import requests
from services.gateway.deps import PostsDep, Reads, Writes
from services.gateway.proto_json import model, to_json
from services.gateway.requests import RequestBody, documented

router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"])
Day = documented(pattern=r"^\d{4}-\d{2}-\d{2}$", maxLength=10)


class CampaignIn(RequestBody):
    name: str = Field(max_length=requests.MAX_TEXT, description="1 to 100 characters, unique among yours")
    start_date: Day = Field(description="First day, e.g. 2027-03-01")
    end_date: Day = Field(description="Last day (included)")
    colour: documented(pattern="^#[0-9a-fA-F]{6}$") = Field(description="#rrggbb, for the calendar")
    goal: str = Field("", max_length=requests.MAX_TEXT, description="What it is for (up to 1,000 characters)")

    def message(self, user_id: str, campaign_id: str = "") -> posts_pb2.CampaignRequest:
        return posts_pb2.CampaignRequest(user_id=user_id, campaign_id=campaign_id, **self.model_dump())


@router.post("", status_code=201, response_model=model(posts_pb2.Campaign))
async def create_campaign(body: CampaignIn, workspace: Writes, posts: PostsDep):
    return to_json(await posts.CreateCampaign(body.message(workspace.id)))


@router.get("", response_model=model(posts_pb2.CampaignList))
async def list_campaigns(workspace: Reads, posts: PostsDep):
    """Your campaigns, the latest start first."""
    return to_json(await posts.ListCampaigns(posts_pb2.CampaignRef(user_id=workspace.id)))


@router.get("/{campaign_id}", response_model=model(posts_pb2.Campaign))
async def get_campaign(campaign_id: str, workspace: Reads, posts: PostsDep):
    return to_json(
        await posts.GetCampaign(posts_pb2.CampaignRef(user_id=workspace.id, campaign_id=campaign_id))
    )


@router.put("/{campaign_id}", response_model=model(posts_pb2.Campaign))
async def replace_campaign(campaign_id: str, body: CampaignIn, workspace: Writes, posts: PostsDep):
    return to_json(await posts.UpdateCampaign(body.message(workspace.id, campaign_id)))


@router.delete("/{campaign_id}", response_model=model(posts_pb2.Campaign))
async def delete_campaign(campaign_id: str, workspace: Writes, posts: PostsDep):
    """Delete the campaign; its posts stay, in no campaign."""
    return to_json(
        await posts.DeleteCampaign(posts_pb2.CampaignRef(user_id=workspace.id, campaign_id=campaign_id))
    )


@router.get("/{campaign_id}/timeline", response_model=model(posts_pb2.CampaignTimeline))
async def campaign_timeline(
    campaign_id: str,
    workspace: Reads,
    posts: PostsDep,
    timezone: Annotated[
        str, Query(max_length=requests.MAX_TEXT, description="IANA zone of the times; absent: your own")
    ] = "",
):
    """The campaign's posts as one timeline (by their published, scheduled or planned time;
    those without a time last), each with its latest reach and engagement once published,
    and the totals."""
    found = await posts.GetCampaignTimeline(
        posts_pb2.CampaignRef(user_id=workspace.id, campaign_id=campaign_id, timezone=timezone)
    )
    return to_json(found)
