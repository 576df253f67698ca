"""Content gaps: the days of a range that hold fewer posts than the user usually makes,
each with the best free times to fill it and how urgent it is."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from lib.common.db import Database
from lib.post_status import PostStatus
from services.posts import planning_settings
from services.posts.models import Post

HISTORY_DAYS = 28
SUGGESTIONS = 3
# What counts as posting: what was published, and what is on its way.
POSTED = (PostStatus.PUBLISHED, PostStatus.SCHEDULED, PostStatus.PUBLISHING)


@dataclass
class Frequency:
    per_day: float
    # settings (the user chose it) or history (learned).
    source: str


@dataclass
class Gap:
    day: date
    missing: int
    suggested: list[datetime]
    urgency: float


async def posting_frequency(db: Database, user_id: uuid.UUID, now: datetime) -> Frequency:
    """The user's own target if they set one; else posts a day over the last four weeks, at
    least 1 (a new user is asked for one a day)."""
    chosen = (await planning_settings.get(db, user_id)).posts_per_day
    if chosen:
        return Frequency(float(chosen), "settings")
    async with db.reading() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(Post)
            .where(
                Post.user_id == user_id,
                Post.deleted_at.is_(None),
                Post.status.in_([str(s) for s in POSTED]),
                Post.scheduled_for >= now - timedelta(days=HISTORY_DAYS),
                Post.scheduled_for < now,
            )
        )
    return Frequency(max(1.0, round((count or 0) / HISTORY_DAYS, 2)), "history")


def _at(day: date, hour: int, zone: ZoneInfo) -> datetime | None:
    """The local time day at hour:00, or None where the clocks skip it."""
    moment = datetime.combine(day, time(hour), tzinfo=zone)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(tzinfo=None):
        return None
    return moment


def find(
    *,
    start: date,
    end: date,
    zone: ZoneInfo,
    taken: dict[date, list[datetime]],
    frequency: float,
    now: datetime,
    best_hours: Callable[[date, int], list[int]],
) -> list[Gap]:
    """The days from today (on the zone's clock) to end below the daily target."""
    target = max(1, round(frequency))
    today = now.astimezone(zone).date()
    gaps = []
    day = max(start, today)
    while day <= end:
        posts = taken.get(day, [])
        if len(posts) < target:
            used = {p.hour for p in posts}
            suggested = []
            for hour in best_hours(day, 24):
                moment = _at(day, hour, zone)
                if moment is not None and hour not in used and moment > now:
                    suggested.append(moment)
                if len(suggested) == SUGGESTIONS:
                    break
            missing = target - len(posts)
            days_ahead = (day - today).days
            urgency = round(missing / target / (1 + days_ahead / 7), 2)
            gaps.append(Gap(day, missing, suggested, urgency))
        day += timedelta(days=1)
    return gaps
