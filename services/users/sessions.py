"""Sessions: one per sign-in, with short access tokens and rotating refresh tokens.

A refresh token is used once: it is exchanged for a new access token and a new refresh
token of the same session. An old refresh token presented again means it was copied
(stolen, or replayed): the whole session is revoked, so the thief and the owner both have
to sign in again (RFC 6819 and the OAuth 2.0 security BCP's refresh token rotation)."""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from lib.common import auth_tokens
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import unauthenticated
from services.users import audit
from services.users.models import AuditEntry, RefreshToken, Session, User


@dataclass(frozen=True)
class Tokens:
    session_id: uuid.UUID
    access_token: str
    access_ttl: int
    refresh_token: str
    refresh_ttl: int


def digest(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def _tokens(settings: Settings, user_id: uuid.UUID, session_id: uuid.UUID, refresh: str) -> Tokens:
    issued = auth_tokens.issue(settings=settings, user_id=str(user_id), session_id=str(session_id))
    access, ttl = issued.token, issued.expires_in_seconds
    return Tokens(session_id, access, ttl, refresh, settings.refresh_ttl_seconds)


def _new_refresh(settings: Settings, session_id: uuid.UUID) -> tuple[str, RefreshToken]:
    token = secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + timedelta(seconds=settings.refresh_ttl_seconds)
    return token, RefreshToken(token_hash=digest(token), session_id=session_id, expires_at=expires)


async def open_session(
    db: Database, settings: Settings, user_id: uuid.UUID, recorded: AuditEntry | None = None
) -> Tokens:
    """A new session and its tokens; `recorded` (the sign-in) is kept in the same transaction."""
    session_id = uuid.uuid4()
    refresh, row = _new_refresh(settings, session_id)
    async with db.transaction() as session:
        session.add_all([Session(id=session_id, user_id=user_id), row, *([recorded] if recorded else [])])
    return _tokens(settings, user_id, session_id, refresh)


@dataclass
class Refreshed:
    user_id: uuid.UUID
    tokens: Tokens


async def refresh(db: Database, settings: Settings, token: str, origin: audit.Origin) -> Refreshed:
    """(user id, new tokens) for a refresh token used for the first time, before it expires,
    of a live session."""
    now = datetime.now(UTC)
    reused_by: uuid.UUID | None = None
    async with db.transaction() as session:
        row = (
            await session.execute(
                select(RefreshToken, Session)
                .join(Session, Session.id == RefreshToken.session_id)
                .where(RefreshToken.token_hash == digest(token))
                .with_for_update(of=RefreshToken)
            )
        ).first()
        if row is None:
            raise unauthenticated("The refresh token is not valid; log in again")
        stored, owner = row
        if stored.used_at is not None:
            if owner.revoked_at is None:
                owner.revoked_at, owner.revoked_reason = now, "refresh token used twice"
                reused_by = owner.user_id
        elif owner.revoked_at is None and stored.expires_at > now:
            stored.used_at = now
            fresh, new_row = _new_refresh(settings, owner.id)
            session.add(new_row)
            return Refreshed(owner.user_id, _tokens(settings, owner.user_id, owner.id, fresh))
    if reused_by is not None:
        await audit.record(
            db, user_id=reused_by, kind="session_revoked", origin=origin, reason="refresh reused"
        )
        raise unauthenticated("This refresh token was already used; the session is ended. Log in again")
    raise unauthenticated("The session has ended; log in again")


async def is_live(db: Database, *, user_id: uuid.UUID, session_id: uuid.UUID) -> bool:
    async with db.reading() as session:
        revoked = (
            await session.execute(
                select(Session.revoked_at).where(Session.id == session_id, Session.user_id == user_id)
            )
        ).first()
    return revoked is not None and revoked.revoked_at is None


async def end(db: Database, *, user_id: uuid.UUID, session_id: uuid.UUID, reason: str) -> None:
    async with db.transaction() as session:
        await session.execute(
            update(Session)
            .where(Session.id == session_id, Session.user_id == user_id, Session.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC), revoked_reason=reason)
        )


async def end_all(db: Database, *, user_id: uuid.UUID, reason: str) -> None:
    async with db.transaction() as session:
        await session.execute(
            update(Session)
            .where(Session.user_id == user_id, Session.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC), revoked_reason=reason)
        )


async def owner(db: Database, user_id: uuid.UUID) -> User:
    async with db.reading() as session:
        user = await session.get(User, user_id)
    if user is None:
        raise unauthenticated("The account no longer exists")
    return user
