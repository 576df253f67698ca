"""FastAPI dependencies as Annotated aliases, so routes stay short."""

from typing import Annotated

from fastapi import Depends, Request

from lib.common.auth_tokens import TokenClaims
from lib.common.errors import unauthenticated
from protos import media_pb2_grpc, posts_pb2_grpc, realtime_pb2_grpc, scheduler_pb2_grpc, users_pb2_grpc
from services.gateway.workspaces.access import WorkspaceAccess, named


async def get_posts(request: Request) -> posts_pb2_grpc.PostsStub:
    return request.app.state.clients.posts


async def get_users(request: Request) -> users_pb2_grpc.UsersStub:
    return request.app.state.clients.users


async def get_scheduler(request: Request) -> scheduler_pb2_grpc.SchedulerStub:
    return request.app.state.clients.scheduler


async def get_media(request: Request) -> media_pb2_grpc.MediaStub:
    return request.app.state.clients.media


async def get_realtime(request: Request) -> realtime_pb2_grpc.RealtimeStub:
    return request.app.state.clients.realtime


async def current_session(request: Request) -> TokenClaims:
    """Who sent the request, by their bearer token: verified, of a live session, and not
    over the user's request limit."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthenticated("Send an access token: Authorization: Bearer <token>")
    state = request.app.state
    claims = state.verified_tokens.verify(token.strip())
    state.limits.api_request(claims.user_id)
    await state.live_sessions.require(state.clients.users, claims)
    return claims


async def current_user_id(claims: Annotated[TokenClaims, Depends(current_session)]) -> str:
    """The id of the user whose bearer token came with the request."""
    return claims.user_id


def _in_workspace(right: str, doing: str):
    async def access(
        request: Request, claims: Annotated[TokenClaims, Depends(current_session)]
    ) -> WorkspaceAccess:
        state = request.app.state
        workspace_id = named(request.headers) or claims.user_id
        found = await state.workspace_accesses.of(state.clients.users, claims.user_id, workspace_id)
        found.require(right, doing)
        return found

    return access


PostsDep = Annotated[posts_pb2_grpc.PostsStub, Depends(get_posts)]
UsersDep = Annotated[users_pb2_grpc.UsersStub, Depends(get_users)]
SchedulerDep = Annotated[scheduler_pb2_grpc.SchedulerStub, Depends(get_scheduler)]
RealtimeDep = Annotated[realtime_pb2_grpc.RealtimeStub, Depends(get_realtime)]
MediaDep = Annotated[media_pb2_grpc.MediaStub, Depends(get_media)]
CurrentUser = Annotated[str, Depends(current_user_id)]
CurrentSession = Annotated[TokenClaims, Depends(current_session)]
# The workspace a request acts in (X-Postflow-Workspace, else the sender's personal one),
# once its sender is known to hold the right the route needs there. Not a member: 404.
Reads = Annotated[WorkspaceAccess, Depends(_in_workspace("read", "see this"))]
Writes = Annotated[WorkspaceAccess, Depends(_in_workspace("write", "write posts or media"))]
Schedules = Annotated[WorkspaceAccess, Depends(_in_workspace("schedule", "schedule or publish"))]
ManagesAccounts = Annotated[
    WorkspaceAccess, Depends(_in_workspace("accounts", "connect accounts or change settings"))
]
