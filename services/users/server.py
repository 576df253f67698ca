"""gRPC face of the users service: translates requests to the users modules."""

import json

from protos import users_pb2, users_pb2_grpc
from services.common.config import Settings, get_settings
from services.common.db import Database
from services.common.grpc_errors import rpc_handlers
from services.common.grpc_server import run_service, serve
from services.common.ids import parse_id
from services.common.proto_time import to_timestamp
from services.users import accounts, audit, password_changes, sessions
from services.users.models import AuditEntry, User


def _user_message(user: User) -> users_pb2.User:
    return users_pb2.User(
        id=str(user.id),
        email=user.email,
        name=user.name,
        timezone=user.timezone,
        created_at=to_timestamp(user.created_at),
    )


def _origin(request) -> audit.Origin:
    return audit.Origin(ip=request.origin.ip, user_agent=request.origin.user_agent)


def _audit_message(entry: AuditEntry) -> users_pb2.AuditEvent:
    return users_pb2.AuditEvent(
        user_id=str(entry.user_id),
        kind=entry.kind,
        ip=entry.ip,
        user_agent=entry.user_agent,
        detail_json=json.dumps(entry.detail or {}),
        created_at=to_timestamp(entry.created_at),
    )


def _auth_result(user: User, tokens: sessions.Tokens) -> users_pb2.AuthResult:
    return users_pb2.AuthResult(
        user=_user_message(user),
        access_token=tokens.access_token,
        expires_in_seconds=tokens.access_ttl,
        refresh_token=tokens.refresh_token,
        refresh_expires_in_seconds=tokens.refresh_ttl,
    )


@rpc_handlers
class UsersServicer(users_pb2_grpc.UsersServicer):
    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings

    async def _signed_in(self, user: User, kind: str, request) -> users_pb2.AuthResult:
        signed_in = audit.entry(user_id=user.id, kind=kind, origin=_origin(request))
        tokens = await sessions.open_session(self._db, self._settings, user.id, signed_in)
        return _auth_result(user, tokens)

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
        return _user_message(user)

    async def Refresh(self, request, context):
        user_id, tokens = await sessions.refresh(
            self._db, self._settings, request.refresh_token, _origin(request)
        )
        return _auth_result(await sessions.owner(self._db, user_id), tokens)

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
        return _auth_result(await sessions.owner(self._db, parse_id(request.user_id, "User")), tokens)

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
        return users_pb2.AuditList(events=[_audit_message(e) for e in entries])

    async def RecordAudit(self, request, context):
        detail = json.loads(request.detail_json or "{}")
        await audit.record(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            kind=request.kind,
            origin=audit.Origin(request.ip, request.user_agent),
            **{str(k): str(v) for k, v in detail.items()},
        )
        return users_pb2.Done()


async def main(port: int) -> None:
    settings = get_settings()
    db = Database(settings)
    await serve(
        name="postflow.users.v1.Users",
        identity="users",
        port=port,
        register=lambda server: users_pb2_grpc.add_UsersServicer_to_server(
            UsersServicer(db, settings), server
        ),
        on_stop=db.dispose,
    )


if __name__ == "__main__":
    run_service(main, port=get_settings().users_grpc_port)
