"""gRPC face of the users service: translates requests to the users modules."""

from lib.common import proto_struct
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.grpc_errors import rpc_handlers
from lib.common.ids import parse_id
from protos import users_pb2, users_pb2_grpc
from services.users import accounts, audit, password_changes, sessions, workspaces
from services.users.messages import (
    audit_message,
    auth_result,
    invitation_message,
    member_message,
    user_message,
    workspace_message,
)
from services.users.models import User


def _origin(request) -> audit.Origin:
    return audit.Origin(ip=request.origin.ip, user_agent=request.origin.user_agent)


@rpc_handlers
class UsersServicer(users_pb2_grpc.UsersServicer):
    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings

    async def _signed_in(self, user: User, kind: str, request) -> users_pb2.AuthResult:
        signed_in = audit.entry(user_id=user.id, kind=kind, origin=_origin(request))
        tokens = await sessions.open_session(self._db, self._settings, user.id, signed_in)
        return auth_result(user, tokens)

    async def Register(self, request, context):
        user = await accounts.register(
            db=self._db,
            settings=self._settings,
            email=request.email,
            password=request.password,
            name=request.name,
            timezone=request.timezone,
        )
        return await self._signed_in(user, "registered", request)

    async def Login(self, request, context):
        user = await accounts.authenticate(
            db=self._db,
            settings=self._settings,
            email=request.email,
            password=request.password,
            origin=_origin(request),
        )
        return await self._signed_in(user, "signed_in", request)

    async def GetUser(self, request, context):
        user = await accounts.get(db=self._db, user_id=parse_id(request.user_id, "User"))
        return user_message(user)

    async def UpdateProfile(self, request, context):
        user = await accounts.update_profile(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            name=request.name if request.HasField("name") else None,
            timezone=request.timezone if request.HasField("timezone") else None,
        )
        return user_message(user)

    async def Refresh(self, request, context):
        refreshed = await sessions.refresh(self._db, self._settings, request.refresh_token, _origin(request))
        return auth_result(await sessions.owner(self._db, refreshed.user_id), refreshed.tokens)

    async def Logout(self, request, context):
        user_id = parse_id(request.user_id, "User")
        await sessions.end(
            self._db, user_id=user_id, session_id=parse_id(request.session_id, "Session"), reason="logged out"
        )
        await audit.record(self._db, user_id=user_id, kind="signed_out", origin=_origin(request))
        return users_pb2.Done()

    async def CheckSession(self, request, context):
        live = await sessions.is_live(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            session_id=parse_id(request.session_id, "Session"),
        )
        return users_pb2.SessionState(live=live)

    async def ChangePassword(self, request, context):
        tokens = await password_changes.change(
            db=self._db,
            settings=self._settings,
            user_id=parse_id(request.user_id, "User"),
            current_password=request.current_password,
            new_password=request.new_password,
            origin=_origin(request),
        )
        return auth_result(await sessions.owner(self._db, parse_id(request.user_id, "User")), tokens)

    async def RequestPasswordReset(self, request, context):
        await password_changes.request_reset(
            db=self._db, settings=self._settings, email=request.email, origin=_origin(request)
        )
        return users_pb2.Done()

    async def ResetPassword(self, request, context):
        await password_changes.reset(
            db=self._db,
            settings=self._settings,
            token=request.token,
            new_password=request.new_password,
            origin=_origin(request),
        )
        return users_pb2.Done()

    async def ListAudit(self, request, context):
        entries = await audit.listed(self._db, user_id=parse_id(request.user_id, "User"), limit=request.limit)
        return users_pb2.AuditList(items=[audit_message(e) for e in entries])

    async def RecordAudit(self, request, context):
        detail = proto_struct.to_python(request.detail)
        await audit.record(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            kind=request.kind,
            origin=audit.Origin(request.ip, request.user_agent),
            **{str(k): str(v) for k, v in detail.items()},
        )
        return users_pb2.Done()

    # -- workspaces ---------------------------------------------------------------------

    async def ListWorkspaces(self, request, context):
        found = await workspaces.of_user(self._db, user_id=parse_id(request.user_id, "User"))
        return users_pb2.WorkspaceList(items=[workspace_message(a) for a in found])

    async def CreateWorkspace(self, request, context):
        made = await workspaces.create(
            self._db, user_id=parse_id(request.user_id, "User"), name=request.name, timezone=request.timezone
        )
        return workspace_message(made)

    async def UpdateWorkspace(self, request, context):
        changed = await workspaces.rename(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            workspace_id=parse_id(request.workspace_id, "Workspace"),
            name=request.name if request.HasField("name") else None,
            timezone=request.timezone if request.HasField("timezone") else None,
        )
        return workspace_message(changed)

    async def GetAccess(self, request, context):
        found = await workspaces.access(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            workspace_id=parse_id(request.workspace_id, "Workspace"),
        )
        return workspace_message(found)

    async def GetWorkspaceZone(self, request, context):
        zone = await workspaces.zone_of(self._db, parse_id(request.workspace_id, "Workspace"))
        return users_pb2.WorkspaceZone(timezone=zone)

    async def ListMembers(self, request, context):
        rows = await workspaces.members(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            workspace_id=parse_id(request.workspace_id, "Workspace"),
        )
        return users_pb2.MemberList(items=[member_message(r) for r in rows])

    async def ChangeRole(self, request, context):
        row = await workspaces.change_role(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            workspace_id=parse_id(request.workspace_id, "Workspace"),
            member_id=parse_id(request.member_id, "Member"),
            role=request.role,
            origin=_origin(request),
            account_ids=list(request.accounts.account_ids) if request.HasField("accounts") else None,
        )
        return member_message(row)

    async def RemoveMember(self, request, context):
        await workspaces.remove(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            workspace_id=parse_id(request.workspace_id, "Workspace"),
            member_id=parse_id(request.member_id, "Member"),
            origin=_origin(request),
        )
        return users_pb2.Done()

    async def InviteMember(self, request, context):
        issued = await workspaces.invite(
            self._db,
            self._settings,
            user_id=parse_id(request.user_id, "User"),
            workspace_id=parse_id(request.workspace_id, "Workspace"),
            email=request.email,
            role=request.role,
            origin=_origin(request),
        )
        return users_pb2.InvitationIssued(
            invitation=invitation_message(issued.invitation), link=issued.link, mailed=issued.mailed
        )

    async def ListInvitations(self, request, context):
        found = await workspaces.invitations(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            workspace_id=parse_id(request.workspace_id, "Workspace"),
        )
        return users_pb2.InvitationList(items=[invitation_message(i) for i in found])

    async def RevokeInvitation(self, request, context):
        await workspaces.revoke(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            workspace_id=parse_id(request.workspace_id, "Workspace"),
            invitation_id=parse_id(request.invitation_id, "Invitation"),
        )
        return users_pb2.Done()

    async def AcceptInvitation(self, request, context):
        joined = await workspaces.accept(
            self._db, user_id=parse_id(request.user_id, "User"), token=request.token, origin=_origin(request)
        )
        return workspace_message(joined)
