"""The best times to post on an account in a range of days: every local hour in the range,
ranked by the account's model, skipping the ones that would clash with its scheduled posts
(or with a better time already suggested): closer than the minimum gap, or over the
publishing limit in some 24 hours."""

import bisect
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from lib.audience_model import AudienceModel, Slot
from lib.common import time_text
from lib.common.errors import Violation, invalid
from lib.common.timezones import is_valid_zone
from lib.post_types import POST_TYPES
from services.scheduler import accounts, conflicts
from services.scheduler.audience import Audiences, Fitted
from services.scheduler.scheduling import MIN_NOTICE, Scheduler

MAX_COUNT = 200
MAX_DAYS = 92
# Asked without dates (the brief's clients send only a zone): the coming week.
DEFAULT_DAYS = 7

DAY = timedelta(hours=24)


@dataclass(frozen=True)
class Suggestion:
    local: datetime
    slot: Slot
    explanation: str


@dataclass(frozen=True)
class Suggestions:
    account_id: uuid.UUID
    zone: str
    fitted: Fitted
    times: list[Suggestion]


def _check(zone: str, start: str, end: str, count: int, post_type: str) -> tuple[date, date]:
    problems: list[Violation] = []
    if not is_valid_zone(zone):
        problems.append(Violation("timezone", f"{zone!r} is not an IANA time zone such as Europe/Paris"))
    today = datetime.now(ZoneInfo(zone)).date() if not problems else date.today()
    first = time_text.parse_day(start, "start_date", problems) if start.strip() else today
    if end.strip():
        last = time_text.parse_day(end, "end_date", problems)
    else:
        last = first + timedelta(days=DEFAULT_DAYS - 1) if first else None
    if first and last and last < first:
        problems.append(Violation("end_date", "must not be before start_date"))
    elif first and last and (last - first).days >= MAX_DAYS:
        problems.append(Violation("end_date", f"the range covers at most {MAX_DAYS} days"))
    if not 1 <= count <= MAX_COUNT:
        problems.append(Violation("count", f"must be 1 to {MAX_COUNT}"))
    if post_type and post_type not in POST_TYPES:
        problems.append(Violation("post_type", f"{post_type!r} is not one of {', '.join(POST_TYPES)}"))
    if problems:
        raise invalid(problems)
    return first, last


def local_hours(first: date, last: date, zone: str, not_before: datetime) -> list[datetime]:
    """Every whole local hour from first to last (both included) from not_before on; an hour
    the clocks skip is left out, one they repeat is taken once (the first)."""
    tz = ZoneInfo(zone)
    hours = []
    day = first
    while day <= last:
        for hour in range(24):
            wall = datetime.combine(day, time(hour))
            moment = wall.replace(tzinfo=tz)
            if moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall:
                continue  # skipped by the clocks
            if moment >= not_before:
                hours.append(moment)
        day += timedelta(days=1)
    return hours


def fits(candidate: datetime, taken: list[datetime], gap: timedelta, limit: int) -> bool:
    """Keeps the gap from every taken time, and stays within the limit in any 24 hours."""
    low = bisect.bisect_left(taken, candidate - max(gap, DAY))
    high = bisect.bisect_right(taken, candidate + max(gap, DAY))
    near = taken[low:high]
    if any(abs(candidate - t) < gap for t in near):
        return False
    return conflicts.busiest_window(candidate, near, DAY) <= limit


def rank(
    model: AudienceModel, hours: list[datetime], taken: list[datetime], gap: timedelta, limit: int, count: int
):
    """The count best hours that fit among the taken times and each other, best first."""
    chosen, occupied = [], sorted(taken)
    for moment in sorted(hours, key=lambda h: (-model.score(h), h)):
        if len(chosen) == count:
            break
        utc = moment.astimezone(UTC)
        if fits(utc, occupied, gap, limit):
            chosen.append(moment)
            bisect.insort(occupied, utc)
    return chosen


async def suggest(
    scheduler: Scheduler,
    audiences: Audiences,
    *,
    user_id: uuid.UUID,
    account_id: str,
    zone: str,
    start: str,
    end: str,
    count: int,
    post_type: str,
) -> Suggestions:
    zone = await scheduler.zone_for(user_id, zone)
    first, last = _check(zone, start, end, count, post_type)
    account = await accounts.chosen(db=scheduler.db, user_id=user_id, account_id=account_id)
    fitted = await audiences.of(account.id, zone)
    # The hours of this kind of post, where the account has enough of them.
    fitted = Fitted(fitted.model.for_type(post_type), fitted.fitted_at)
    hours = local_hours(first, last, zone, datetime.now(UTC) + MIN_NOTICE + timedelta(minutes=5))
    if not hours:
        return Suggestions(account.id, zone, fitted, [])
    span_start, span_end = hours[0].astimezone(UTC) - DAY, hours[-1].astimezone(UTC) + DAY
    taken = await scheduler.scheduled_on_account(user_id, account.id, span_start, span_end, skip="")
    gap = timedelta(minutes=accounts.min_gap(account, scheduler.settings))
    limit = await scheduler.publish_limit(user_id, account.id)
    best = rank(fitted.model, hours, list(taken.values()), gap, limit, count)
    return Suggestions(
        account.id,
        zone,
        fitted,
        [Suggestion(moment, fitted.model.slot(moment), fitted.model.explain(moment)) for moment in best],
    )
