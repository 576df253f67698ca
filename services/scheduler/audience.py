"""Each account's audience: the engagement of its published media (sent by the worker's
audience workflow), the best-times model fitted from it (lib/audience_model), and the
model read back to score times."""

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects.postgresql import insert

from lib import audience_model
from lib.audience_model import AudienceModel
from lib.common.db import Database
from lib.common.errors import ServiceError, invalid_field
from services.scheduler import accounts
from services.scheduler.models import AudienceModelRow, AudienceSample, InstagramAccount

# Learned from the last LEARN_DAYS of media (at most LEARN_MAX of them); kept a while longer.
LEARN_DAYS = 120
LEARN_MAX = 1000
KEEP_DAYS = 400
MAX_MEDIA_PER_CALL = 1000
# A model read for scoring is reused this long (a refit lands within it on every replica).
CACHE_SECONDS = 30.0


@dataclass(frozen=True)
class Media:
    media_id: str
    media_type: str
    published_at: datetime
    engagement: int


@dataclass(frozen=True)
class Fitted:
    model: AudienceModel
    fitted_at: datetime | None


async def due(db: Database, *, stale_after: timedelta, limit: int) -> list[InstagramAccount]:
    """Connected accounts whose model is missing or older than stale_after, the oldest first."""
    async with db.reading() as session:
        return list(
            await session.scalars(
                select(InstagramAccount)
                .outerjoin(AudienceModelRow, AudienceModelRow.account_id == InstagramAccount.id)
                .where(
                    InstagramAccount.disconnected_at.is_(None),
                    or_(
                        AudienceModelRow.fitted_at.is_(None),
                        AudienceModelRow.fitted_at < datetime.now(UTC) - stale_after,
                    ),
                )
                .order_by(AudienceModelRow.fitted_at.asc().nulls_first(), InstagramAccount.id)
                .limit(limit)
            )
        )


async def record(
    db: Database, *, account: InstagramAccount, zone: str, followers: int, media: list[Media]
) -> Fitted:
    """Store the media's engagement (newer figures replace older ones), then refit the
    account's model from what is stored, on the clock of `zone` (the user's). No media
    (Instagram could not be asked): a refit of what is stored, which also marks the
    account as tried."""
    if len(media) > MAX_MEDIA_PER_CALL:
        raise invalid_field("media", f"at most {MAX_MEDIA_PER_CALL} per call")
    if followers < 0 or any(m.engagement < 0 for m in media):
        raise invalid_field("media", "counts must not be negative")
    now = datetime.now(UTC)
    async with db.transaction() as session:
        if media and followers > 0:
            rows = [
                {
                    "account_id": account.id,
                    "media_id": m.media_id,
                    "published_at": m.published_at,
                    "media_type": m.media_type[:40],
                    "engagement": m.engagement,
                    "followers": followers,
                    "collected_at": now,
                }
                for m in {m.media_id: m for m in media}.values()
            ]
            statement = insert(AudienceSample).values(rows)
            await session.execute(
                statement.on_conflict_do_update(
                    index_elements=[AudienceSample.account_id, AudienceSample.media_id],
                    set_={
                        name: statement.excluded[name]
                        for name in ("published_at", "media_type", "engagement", "followers", "collected_at")
                    },
                )
            )
        await session.execute(
            delete(AudienceSample).where(
                AudienceSample.account_id == account.id,
                AudienceSample.published_at < now - timedelta(days=KEEP_DAYS),
            )
        )
        stored = await session.scalars(
            select(AudienceSample)
            .where(
                AudienceSample.account_id == account.id,
                AudienceSample.published_at >= now - timedelta(days=LEARN_DAYS),
            )
            .order_by(AudienceSample.published_at.desc())
            .limit(LEARN_MAX)
        )
        samples = [
            audience_model.Sample(s.published_at, s.media_type, float(s.engagement), int(s.followers))
            for s in stored
        ]
        model = audience_model.fit(samples, zone=zone, now=now)
        values = {"user_id": account.user_id, "model": model.to_dict(), "fitted_at": now}
        await session.execute(
            insert(AudienceModelRow)
            .values(account_id=account.id, **values)
            .on_conflict_do_update(index_elements=[AudienceModelRow.account_id], set_=values)
        )
    return Fitted(model, now)


async def for_calendar(
    audiences: "Audiences", db: Database, *, user_id: uuid.UUID, account_id: str, zone: str
) -> tuple[uuid.UUID | None, AudienceModel]:
    """The model the calendar suggests times from: the named account's, else the default
    (or only) account's; with none to choose, the general curve in `zone`."""
    try:
        account = await accounts.chosen(db=db, user_id=user_id, account_id=account_id)
    except ServiceError:
        return None, AudienceModel.general(zone)
    return account.id, (await audiences.of(account.id, zone)).model


class Audiences:
    """Reads accounts' models for scoring, each kept CACHE_SECONDS."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._cache: dict[uuid.UUID, tuple[float, Fitted]] = {}

    async def of(self, account_id: uuid.UUID, zone: str) -> Fitted:
        """The account's model; without one yet, the general curve in `zone`."""
        cached = self._cache.get(account_id)
        if cached is None or time.monotonic() - cached[0] > CACHE_SECONDS:
            async with self._db.reading() as session:
                row = await session.get(AudienceModelRow, account_id)
            if row is None:  # not cached: the first model shows as soon as it is fitted
                return Fitted(AudienceModel.general(zone), None)
            cached = (time.monotonic(), Fitted(AudienceModel.from_dict(row.model), row.fitted_at))
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[account_id] = cached
        return cached[1]

    async def score(self, account_id: uuid.UUID, moment: datetime, zone: str, post_type: str) -> float:
        return (await self.of(account_id, zone)).model.for_type(post_type).score(moment)
