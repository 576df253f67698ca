"""Changing a password (knowing the current one) and resetting a forgotten one by email.
Either way every session of the account ends: whoever had signed in with the old password
is signed out."""

import asyncio
import logging
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy import func, select, update

from lib.common import mail
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import invalid_field, unauthenticated
from services.users import audit, lockout, sessions
from services.users.accounts import password_problem
from services.users.models import PasswordReset, User
from services.users.passwords import hash_password, verify_password

log = logging.getLogger(__name__)


async def _set_password(db: Database, user_id: uuid.UUID, password: str) -> None:
    password_hash = await hash_password(password)
    async with db.transaction() as session:
        await session.execute(update(User).where(User.id == user_id).values(password_hash=password_hash))


async def change(
    *,
    db: Database,
    settings: Settings,
    user_id: uuid.UUID,
    current_password: str,
    new_password: str,
    origin: audit.Origin,
) -> sessions.Tokens:
    """The new password, every session ended, and a new session for the one who changed it."""
    user = await sessions.owner(db, user_id)
    if problem := password_problem(settings, new_password):
        raise invalid_field("new_password", problem)
    await lockout.refuse_if_locked(db=db, email=user.email)
    if not await verify_password(user.password_hash, current_password):
        await lockout.record_failure(db=db, settings=settings, email=user.email)
        raise unauthenticated("The current password is incorrect")
    await _set_password(db, user.id, new_password)
    await sessions.end_all(db, user_id=user.id, reason="password changed")
    await audit.record(db, user_id=user.id, kind="password_changed", origin=origin)
    return await sessions.open_session(db, settings, user.id)


async def request_reset(*, db: Database, settings: Settings, email: str, origin: audit.Origin) -> None:
    """Mail a single-use reset link if the address has an account. The answer is the same
    whether it has or not (it must not tell who has an account)."""
    async with db.reading() as session:
        user = await session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        return
    if not settings.smtp_host:
        log.warning("password reset for %s not mailed: no SMTP server configured", user.id)
        return
    token = secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + timedelta(seconds=settings.password_reset_ttl_seconds)
    async with db.transaction() as session:
        session.add(PasswordReset(token_hash=sessions.digest(token), user_id=user.id, expires_at=expires))
    # The web app's own page for it (a route of its single page: #/reset-password).
    link = f"{settings.public_base_url.rstrip('/')}/#/reset-password?{urlencode({'token': token})}"
    minutes = settings.password_reset_ttl_seconds // 60
    body = (
        f"Someone asked to reset the password of your Postflow account.\n\n"
        f"To choose a new one, open this link within {minutes} minutes (it works once):\n{link}\n\n"
        "Or send the token below to POST /api/v1/auth/password-reset/confirm:\n"
        f"{token}\n\nIf it was not you, ignore this email: your password stays as it is."
    )
    await asyncio.to_thread(
        mail.send, settings, to=user.email, subject="Reset your Postflow password", body=body
    )
    await audit.record(db, user_id=user.id, kind="password_reset_requested", origin=origin)


async def reset(
    *, db: Database, settings: Settings, token: str, new_password: str, origin: audit.Origin
) -> None:
    if problem := password_problem(settings, new_password):
        raise invalid_field("new_password", problem)
    now = datetime.now(UTC)
    async with db.transaction() as session:
        used = await session.scalar(
            update(PasswordReset)
            .where(
                PasswordReset.token_hash == sessions.digest(token),
                PasswordReset.used_at.is_(None),
                PasswordReset.expires_at > now,
            )
            .values(used_at=now)
            .returning(PasswordReset.user_id)
        )
    if used is None:
        raise invalid_field("token", "is not valid: it was used already, has expired or was never sent")
    user = await sessions.owner(db, used)
    await _set_password(db, user.id, new_password)
    await sessions.end_all(db, user_id=user.id, reason="password reset")
    await lockout.clear(db=db, email=user.email)
    await audit.record(db, user_id=user.id, kind="password_reset", origin=origin)
