"""Growing lockout after repeated failed logins of one email address.

The first few failures are free; each one after them locks the address for twice as long
as the last (30 s, 60 s, 120 s, ... up to an hour by default). A locked address is refused
before its password is checked, so guessing costs no argon2 hash either. A success clears it,
and so does quiet: a failure long after the last one (login_failures_forgotten_after_seconds)
counts as the first again.
"""

from datetime import UTC, datetime, timedelta

from sqlalchemy import case, delete, select
from sqlalchemy.dialects.postgresql import insert

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import rate_limited
from services.users.models import LoginFailure


def key_of(email: str) -> str:
    return email.strip().lower()


async def refuse_if_locked(*, db: Database, email: str) -> bool:
    """A 429 while the address is locked; else whether it has failures to clear on success."""
    async with db.reading() as session:
        row = (
            await session.execute(
                select(LoginFailure.locked_until).where(LoginFailure.email_key == key_of(email))
            )
        ).first()
    if row is None:
        return False
    now = datetime.now(UTC)
    locked_until = row.locked_until
    if locked_until is not None and locked_until > now:
        raise rate_limited(
            "Too many failed logins for this email; try again later or reset the password",
            (locked_until - now).total_seconds(),
        )
    return True


def lock_for(failures: int, settings: Settings) -> timedelta | None:
    """How long the address is locked after its failures-th failure in a row (None: not)."""
    beyond = failures - settings.login_free_failures
    if beyond <= 0:
        return None
    seconds = settings.login_lockout_seconds * 2 ** min(beyond - 1, 30)
    return timedelta(seconds=min(seconds, settings.login_lockout_max_seconds))


async def record_failure(*, db: Database, settings: Settings, email: str) -> None:
    now = datetime.now(UTC)
    forgotten = now - timedelta(seconds=settings.login_failures_forgotten_after_seconds)
    async with db.transaction() as session:
        failures = await session.scalar(
            insert(LoginFailure)
            .values(email_key=key_of(email), failures=1, last_failure_at=now)
            .on_conflict_do_update(
                index_elements=[LoginFailure.email_key],
                set_={
                    "failures": case(
                        (LoginFailure.last_failure_at < forgotten, 1), else_=LoginFailure.failures + 1
                    ),
                    "last_failure_at": now,
                },
            )
            .returning(LoginFailure.failures)
        )
        if (lock := lock_for(failures, settings)) is not None:
            row = await session.get(LoginFailure, key_of(email))
            row.locked_until = datetime.now(UTC) + lock


async def clear(*, db: Database, email: str) -> None:
    async with db.transaction() as session:
        await session.execute(delete(LoginFailure).where(LoginFailure.email_key == key_of(email)))
