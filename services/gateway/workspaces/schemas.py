"""Request bodies of /api/v1/workspaces and /api/v1/invitations."""

from typing import Literal

from pydantic import Field

from services.gateway.requests import RequestBody

Role = Literal["owner", "admin", "editor", "contributor", "viewer"]


class WorkspaceIn(RequestBody):
    name: str = Field(max_length=100)
    timezone: str = Field("", max_length=64, description="IANA time zone; empty: yours")


class WorkspaceChangeIn(RequestBody):
    name: str = Field(None, max_length=100)
    timezone: str = Field(None, max_length=64, description="IANA time zone (a team workspace's only)")


class InvitationIn(RequestBody):
    email: str = Field(max_length=320)
    role: Role = Field(description="What the invited person may do: see the README's Teams section")


class MemberChangeIn(RequestBody):
    role: Role | None = None
    account_ids: list[str] | None = Field(
        None,
        max_length=200,
        description="The Instagram accounts they may act on (schedule, move, approve); empty: every one",
    )


class AcceptIn(RequestBody):
    token: str = Field(max_length=200, description="The token of the invitation's link")
