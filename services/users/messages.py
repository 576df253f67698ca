"""Rows and domain objects of the users service as protobuf messages."""

from lib.common import proto_struct
from lib.common.proto_time import to_timestamp
from protos import users_pb2
from services.users import sessions, workspaces
from services.users.models import AuditEntry, Invitation, User
from services.users.roles import rights_of


def user_message(user: User) -> users_pb2.User:
    return users_pb2.User(
        id=str(user.id),
        email=user.email,
        name=user.name,
        timezone=user.timezone,
        created_at=to_timestamp(user.created_at),
    )


def audit_message(entry: AuditEntry) -> users_pb2.AuditEvent:
    return users_pb2.AuditEvent(
        user_id=str(entry.user_id),
        kind=entry.kind,
        ip=entry.ip,
        user_agent=entry.user_agent,
        detail=proto_struct.struct(entry.detail or {}),
        created_at=to_timestamp(entry.created_at),
    )


def auth_result(user: User, tokens: sessions.Tokens) -> users_pb2.AuthResult:
    return users_pb2.AuthResult(
        user=user_message(user),
        access_token=tokens.access_token,
        token_type="bearer",
        expires_in=tokens.access_ttl,
        refresh_token=tokens.refresh_token,
        refresh_expires_in=tokens.refresh_ttl,
    )


def workspace_message(access: workspaces.Access) -> users_pb2.Workspace:
    workspace = access.workspace
    return users_pb2.Workspace(
        id=str(workspace.id),
        name=workspace.name,
        personal=workspace.personal,
        timezone=access.timezone,
        role=access.role,
        rights=rights_of(access.role),
        created_at=to_timestamp(workspace.created_at),
        account_ids=[str(a) for a in access.account_ids],
    )


def member_message(row: workspaces.MemberRow) -> users_pb2.Member:
    return users_pb2.Member(
        user_id=str(row.user.id),
        email=row.user.email,
        name=row.user.name,
        role=row.membership.role,
        joined_at=to_timestamp(row.membership.created_at),
        account_ids=[str(a) for a in row.membership.account_ids or []],
    )


def invitation_message(invitation: Invitation) -> users_pb2.Invitation:
    return users_pb2.Invitation(
        id=str(invitation.id),
        email=invitation.email,
        role=invitation.role,
        invited_by=str(invitation.invited_by),
        created_at=to_timestamp(invitation.created_at),
        expires_at=to_timestamp(invitation.expires_at),
    )
