"""/api/v1/workspaces: the workspaces a person belongs to, making one, its members, roles
and invitations; /api/v1/invitations/accept. The users service decides who may do what;
this translates, and forgets at once a changed member's cached access here."""

from fastapi import APIRouter, Request, Response

from protos import users_pb2
from services.gateway.deps import CurrentUser, UsersDep
from services.gateway.proto_json import model, to_json
from services.gateway.workspaces import schemas

router = APIRouter(prefix="/api/v1", tags=["workspaces"])


def _origin(request: Request) -> users_pb2.Origin:
    return users_pb2.Origin(
        ip=request.app.state.limits.client_ip(request),
        user_agent=request.headers.get("user-agent", "")[:300],
    )


def _ref(user_id: str, workspace_id: str) -> users_pb2.WorkspaceRef:
    return users_pb2.WorkspaceRef(user_id=user_id, workspace_id=workspace_id)


@router.get("/workspaces", response_model=model(users_pb2.WorkspaceList))
async def list_workspaces(user_id: CurrentUser, users: UsersDep):
    """The workspaces you belong to, your personal one first, with your role in each. Send a
    workspace's id in the X-Postflow-Workspace header to act in it; without the header a
    request acts in your personal workspace."""
    return to_json(await users.ListWorkspaces(users_pb2.ListWorkspacesRequest(user_id=user_id)))


@router.post("/workspaces", status_code=201, response_model=model(users_pb2.Workspace))
async def create_workspace(body: schemas.WorkspaceIn, user_id: CurrentUser, users: UsersDep):
    """A team workspace, with you as its owner."""
    made = await users.CreateWorkspace(
        users_pb2.CreateWorkspaceRequest(user_id=user_id, name=body.name, timezone=body.timezone)
    )
    return to_json(made)


@router.get("/workspaces/{workspace_id}", response_model=model(users_pb2.Workspace))
async def get_workspace(workspace_id: str, user_id: CurrentUser, users: UsersDep):
    return to_json(await users.GetAccess(_ref(user_id, workspace_id)))


@router.patch("/workspaces/{workspace_id}", response_model=model(users_pb2.Workspace))
async def change_workspace(
    workspace_id: str, body: schemas.WorkspaceChangeIn, user_id: CurrentUser, users: UsersDep
):
    """Its name, and a team workspace's time zone (owners and admins)."""
    changed = await users.UpdateWorkspace(
        users_pb2.UpdateWorkspaceRequest(
            user_id=user_id, workspace_id=workspace_id, **body.model_dump(exclude_unset=True)
        )
    )
    return to_json(changed)


@router.get("/workspaces/{workspace_id}/members", response_model=model(users_pb2.MemberList))
async def list_members(workspace_id: str, user_id: CurrentUser, users: UsersDep):
    return to_json(await users.ListMembers(_ref(user_id, workspace_id)))


@router.patch("/workspaces/{workspace_id}/members/{member_id}", response_model=model(users_pb2.Member))
async def change_role(
    workspace_id: str,
    member_id: str,
    body: schemas.MemberChangeIn,
    user_id: CurrentUser,
    users: UsersDep,
    request: Request,
):
    """A member's role, and the Instagram accounts they may act on (owners and admins; only
    an owner makes or unmakes owners, and a workspace keeps one). Only the fields sent change."""
    limit = users_pb2.AccountLimit(account_ids=body.account_ids) if body.account_ids is not None else None
    changed = await users.ChangeRole(
        users_pb2.ChangeRoleRequest(
            user_id=user_id,
            workspace_id=workspace_id,
            member_id=member_id,
            role=body.role or "",
            origin=_origin(request),
            accounts=limit,
        )
    )
    request.app.state.workspace_accesses.forget(member_id, workspace_id)
    return to_json(changed)


@router.delete("/workspaces/{workspace_id}/members/{member_id}", status_code=204)
async def remove_member(
    workspace_id: str, member_id: str, user_id: CurrentUser, users: UsersDep, request: Request
):
    """Removes a member (owners and admins), or, with your own id, leaves. Their requests in
    the workspace and their open sockets to it end at once."""
    await users.RemoveMember(
        users_pb2.RemoveMemberRequest(
            user_id=user_id, workspace_id=workspace_id, member_id=member_id, origin=_origin(request)
        )
    )
    request.app.state.workspace_accesses.forget(member_id, workspace_id)
    return Response(status_code=204)


@router.post(
    "/workspaces/{workspace_id}/invitations",
    status_code=201,
    response_model=model(users_pb2.InvitationIssued),
)
async def invite(
    workspace_id: str, body: schemas.InvitationIn, user_id: CurrentUser, users: UsersDep, request: Request
):
    """Mails a single-use link to the address (owners and admins). The answer holds the link
    too, to pass on another way: it works only for a person signed in with that address."""
    issued = await users.InviteMember(
        users_pb2.InviteMemberRequest(
            user_id=user_id,
            workspace_id=workspace_id,
            email=body.email,
            role=body.role,
            origin=_origin(request),
        )
    )
    return to_json(issued)


@router.get("/workspaces/{workspace_id}/invitations", response_model=model(users_pb2.InvitationList))
async def list_invitations(workspace_id: str, user_id: CurrentUser, users: UsersDep):
    """Pending invitations (owners and admins)."""
    return to_json(await users.ListInvitations(_ref(user_id, workspace_id)))


@router.delete("/workspaces/{workspace_id}/invitations/{invitation_id}", status_code=204)
async def revoke_invitation(workspace_id: str, invitation_id: str, user_id: CurrentUser, users: UsersDep):
    await users.RevokeInvitation(
        users_pb2.RevokeInvitationRequest(
            user_id=user_id, workspace_id=workspace_id, invitation_id=invitation_id
        )
    )
    return Response(status_code=204)


@router.post("/invitations/accept", response_model=model(users_pb2.Workspace))
async def accept_invitation(body: schemas.AcceptIn, user_id: CurrentUser, users: UsersDep, request: Request):
    """Joins the invitation's workspace, signed in with the address it was sent to."""
    joined = await users.AcceptInvitation(
        users_pb2.AcceptInvitationRequest(user_id=user_id, token=body.token, origin=_origin(request))
    )
    request.app.state.workspace_accesses.forget(user_id, joined.id)
    return to_json(joined)
