"""The audit log: sign-ins, sessions ended, password changes and resets, Instagram accounts
connected and disconnected. Each user reads their own (newest first)."""

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from lib.common.db import Database
from services.users.models import AuditEntry

KINDS = (
    "registered",
    "signed_in",
    "sign_in_failed",
    "signed_out",
    "session_revoked",
    "password_changed",
    "password_reset_requested",
    "password_reset",
    "account_connected",
    "account_disconnected",
    "member_invited",
    "workspace_joined",
    "role_changed",
    "member_removed",
)
MAX_LIST = 200


@dataclass(frozen=True)
class Origin:
    ip: str = ""
    user_agent: str = ""


def entry(*, user_id: uuid.UUID, kind: str, origin: Origin = Origin(), **detail: str) -> AuditEntry:
    """An entry to add in the transaction of the change it records."""
    return AuditEntry(
        user_id=user_id, kind=kind, ip=origin.ip[:100], user_agent=origin.user_agent[:300], detail=detail
    )


async def record(
    db: Database, *, user_id: uuid.UUID, kind: str, origin: Origin = Origin(), **detail: str
) -> None:
    async with db.transaction() as session:
        session.add(entry(user_id=user_id, kind=kind, origin=origin, **detail))


async def listed(db: Database, *, user_id: uuid.UUID, limit: int) -> list[AuditEntry]:
    async with db.reading() as session:
        rows = await session.scalars(
            select(AuditEntry)
            .where(AuditEntry.user_id == user_id)
            .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
            .limit(max(1, min(limit or 50, MAX_LIST)))
        )
    return list(rows)
