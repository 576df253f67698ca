"""An account Instagram asked for fewer calls ("too many calls", with its estimate of when
access comes back): the pause is kept on the account, where every worker reads it with the
account's credentials, so that no other post, retry or metrics collection of that account
calls Instagram before it ends (each call made meanwhile would be refused, and may lengthen
the block: https://developers.facebook.com/docs/graph-api/overview/rate-limiting)."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, update

from lib.common.db import Database
from lib.common.errors import invalid_field, not_found
from services.scheduler.models import InstagramAccount

# Meta's estimates are minutes to an hour or so; a pause past a day is a mistake.
LONGEST_PAUSE = timedelta(hours=24)


async def report(
    *, db: Database, user_id: uuid.UUID, account_id: uuid.UUID, until: datetime | None
) -> datetime:
    """Pause the account's calls until `until` (a later pause already there stays); the
    pause now in force."""
    if until is None:
        raise invalid_field("until", "is required")
    now = datetime.now(UTC)
    until = min(until, now + LONGEST_PAUSE)
    async with db.transaction() as session:
        kept = await session.scalar(
            update(InstagramAccount)
            .where(
                InstagramAccount.id == account_id,
                InstagramAccount.user_id == user_id,
                InstagramAccount.disconnected_at.is_(None),
            )
            .values(
                throttled_until=func.greatest(func.coalesce(InstagramAccount.throttled_until, until), until)
            )
            .returning(InstagramAccount.throttled_until)
        )
    if kept is None:
        raise not_found("Account")
    return kept
