"""The content calendar: a user's posts with a time in a range of local days, grouped by
day (and by hour in the week and day views), with what a cell shows of each, and the
range's content mix, gaps and predictions.

Days are the calendar zone's local days, so a day across a daylight-saving change has its
23 or 25 hours. One indexed query reads the range's posts; a second, one call, asks the
media library for the thumbnails.
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import grpc
from sqlalchemy import and_, func, select

from lib.common import time_text
from lib.common.db import Database
from lib.common.errors import Violation, invalid
from lib.common.timezones import is_valid_zone
from lib.post_status import PostStatus
from protos import media_pb2, media_pb2_grpc, scheduler_pb2_grpc
from services.posts import audience_times, campaigns, content_gaps, predictions, preflight
from services.posts.content import POST_TYPES
from services.posts.models import Post

VIEWS = ("month", "week", "day")
# A year of days at most: enough for any planning view, bounded for the query and answer.
MAX_DAYS = 366
PREVIEW_CHARACTERS = 80
# Posts one calendar answer holds at most; beyond it, narrow the range or filter.
MAX_POSTS = 5000


@dataclass
class CalendarQuery:
    user_id: uuid.UUID
    start: date
    end: date
    view: str
    zone: str
    account_id: uuid.UUID | None = None
    statuses: list[PostStatus] = field(default_factory=list)
    post_types: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    campaign_id: uuid.UUID | None = None
    # A report's set of accounts (any of them); empty: as account_id says.
    account_ids: list[uuid.UUID] = field(default_factory=list)


def query_of(
    *,
    user_id: uuid.UUID,
    start: str,
    end: str,
    view: str,
    zone: str,
    account_id: str,
    statuses: list[PostStatus],
    post_types: list[str],
    tags: list[str],
    campaign_id: str = "",
) -> CalendarQuery:
    """The request checked: every problem named at once."""
    problems: list[Violation] = []
    first = time_text.parse_day(start, "start_date", problems)
    last = time_text.parse_day(end, "end_date", problems)
    if first and last:
        if last < first:
            problems.append(Violation("end_date", "must not be before start_date"))
        elif (last - first).days + 1 > MAX_DAYS:
            problems.append(Violation("end_date", f"the range may span at most {MAX_DAYS} days"))
    if view not in VIEWS:
        problems.append(Violation("view_type", f"must be one of {', '.join(VIEWS)}"))
    if not is_valid_zone(zone):
        problems.append(Violation("timezone", "must be an IANA time zone, e.g. Europe/Paris"))
    account = None
    if account_id:
        try:
            account = uuid.UUID(account_id)
        except ValueError:
            problems.append(Violation("account_id", "must be an account id"))
    campaign = None
    if campaign_id:
        try:
            campaign = uuid.UUID(campaign_id)
        except ValueError:
            problems.append(Violation("campaign_id", "must be a campaign id"))
    for value in post_types:
        if value not in POST_TYPES:
            problems.append(Violation("post_type", f"{value!r} is not one of {', '.join(POST_TYPES)}"))
    if problems:
        raise invalid(problems)
    return CalendarQuery(user_id, first, last, view, zone, account, statuses, post_types, tags, campaign)


class Cell(NamedTuple):
    """What a calendar cell shows of a post, and what the gaps, mix and predictions read."""

    id: uuid.UUID
    status: str
    post_type: str
    caption_preview: str
    # The first media item's: a URL of its own, or its library id.
    first_url: str | None
    first_media_id: str | None
    scheduled_for: datetime
    timezone: str | None
    account_id: uuid.UUID | None
    tags: list[str]
    optimal_time_score: float | None
    campaign_id: uuid.UUID | None
    # As stored: an edit voids an approval here at once (approvals.void_if_changed).
    review_status: str
    preflight_status: str


# Plain rows, not whole posts: a 3-month view holds hundreds of posts, and loading each
# one's caption, media list and versions' worth of columns as objects cost more than the
# rest of the answer.
_CELL_COLUMNS = (
    Post.id,
    Post.status,
    Post.post_type,
    func.left(Post.caption, PREVIEW_CHARACTERS),
    Post.media[0]["url"].astext,
    Post.media[0]["media_id"].astext,
    Post.scheduled_for,
    Post.timezone,
    Post.account_id,
    Post.tags,
    Post.optimal_time_score,
    Post.campaign_id,
    Post.review_status,
    preflight.STATUS,
)


@dataclass
class Entry:
    post: Cell
    local: datetime
    thumbnail_url: str | None = None
    campaign_colour: str | None = None

    @property
    def planned(self) -> bool:
        return self.post.status == PostStatus.DRAFT


@dataclass
class Day:
    day: date
    entries: list[Entry]
    # week and day views: hour -> entries.
    hours: dict[int, list[Entry]] | None = None


@dataclass
class Mix:
    by_type: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    by_tag: list[tuple[str, int]]
    by_campaign: list[tuple[str, int]]


@dataclass
class CalendarView:
    query: CalendarQuery
    days: list[Day]
    gaps: list[content_gaps.Gap]
    mix: Mix
    predictions: list[predictions.Prediction]
    total: int
    frequency: content_gaps.Frequency


@dataclass
class GapsView:
    query: CalendarQuery
    gaps: list[content_gaps.Gap]
    frequency: content_gaps.Frequency


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def _range_conditions(query: CalendarQuery, zone: ZoneInfo) -> list:
    # A day's margin either side of the UTC bounds; the local day decides below.
    low = _midnight(query.start, zone) - timedelta(days=1)
    high = _midnight(query.end + timedelta(days=1), zone) + timedelta(days=1)
    conditions = [
        Post.user_id == query.user_id,
        Post.deleted_at.is_(None),
        Post.template_name.is_(None),
        Post.scheduled_for >= low,
        Post.scheduled_for < high,
    ]
    if query.account_id:
        conditions.append(Post.account_id == query.account_id)
    if query.account_ids:
        conditions.append(Post.account_id.in_(query.account_ids))
    if query.statuses:
        conditions.append(Post.status.in_([str(s) for s in query.statuses]))
    if query.post_types:
        conditions.append(Post.post_type.in_(query.post_types))
    if query.tags:
        conditions.append(Post.tags.overlap([t.strip().lower() for t in query.tags]))
    if query.campaign_id:
        conditions.append(Post.campaign_id == query.campaign_id)
    return conditions


def _too_many(found: list) -> None:
    if len(found) > MAX_POSTS:
        raise invalid(
            [Violation("end_date", f"the range holds more than {MAX_POSTS} posts; narrow it or filter")]
        )


async def posts_in_range(db: Database, query: CalendarQuery, zone: ZoneInfo) -> list[Post]:
    """The range's posts, whole (the analytics read their captions, links and predictions)."""
    async with db.reading() as session:
        rows = await session.scalars(
            select(Post)
            .where(and_(*_range_conditions(query, zone)))
            .order_by(Post.scheduled_for, Post.id)
            .limit(MAX_POSTS + 1)
        )
        found = list(rows)
    _too_many(found)
    return found


async def cells_in_range(db: Database, query: CalendarQuery, zone: ZoneInfo) -> list[Cell]:
    async with db.autocommit() as connection:
        rows = await connection.execute(
            select(*_CELL_COLUMNS)
            .where(and_(*_range_conditions(query, zone)))
            .order_by(Post.scheduled_for, Post.id)
            .limit(MAX_POSTS + 1)
        )
        found = [Cell(*row) for row in rows]
    _too_many(found)
    return found


async def _thumbnails(
    media: media_pb2_grpc.MediaStub, user_id: uuid.UUID, posts: list[Cell]
) -> dict[str, str]:
    """media id -> thumbnail URL, for the first item of each post that uses the library."""
    return await library_thumbnails(media, user_id, {p.first_media_id for p in posts if p.first_media_id})


async def library_thumbnails(
    media: media_pb2_grpc.MediaStub, user_id: uuid.UUID, media_ids: set[str]
) -> dict[str, str]:
    """media id -> thumbnail URL of library items. A view still answers (without those
    thumbnails) when the library cannot."""
    wanted = sorted(media_ids)
    if not wanted:
        return {}
    try:
        reply = await media.ResolveMedia(
            media_pb2.ResolveMediaRequest(user_id=str(user_id), media_ids=wanted), timeout=5
        )
    except grpc.aio.AioRpcError:
        return {}
    return {item.media_id: item.thumbnail_url for item in reply.items if item.found and item.thumbnail_url}


def _thumbnail(post: Cell, thumbnails: dict[str, str]) -> str | None:
    return post.first_url or thumbnails.get(post.first_media_id or "")


def _mix(entries: list[Entry]) -> Mix:
    def ranked(counter: Counter) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda item: (-item[1], item[0]))

    return Mix(
        by_type=ranked(Counter(e.post.post_type for e in entries)),
        by_status=ranked(Counter("planned" if e.planned else e.post.status for e in entries)),
        by_tag=ranked(Counter(tag for e in entries for tag in e.post.tags)),
        by_campaign=ranked(Counter(str(e.post.campaign_id) for e in entries if e.post.campaign_id)),
    )


def _by_day(query: CalendarQuery, zone: ZoneInfo, posts: list[Cell], thumbnails: dict[str, str]):
    """local day -> its entries, for the days of the range."""
    by_day: dict[date, list[Entry]] = {}
    for post in posts:
        local = post.scheduled_for.astimezone(zone)
        if query.start <= local.date() <= query.end:
            by_day.setdefault(local.date(), []).append(Entry(post, local, _thumbnail(post, thumbnails)))
    return by_day


async def _gaps(
    db: Database,
    scheduler: scheduler_pb2_grpc.SchedulerStub,
    query: CalendarQuery,
    zone: ZoneInfo,
    by_day,
    now: datetime,
):
    frequency = await content_gaps.posting_frequency(db, query.user_id, now)
    model = await audience_times.model_of(scheduler, query.user_id, query.account_id, query.zone)
    # A failed post fills no slot.
    taken = {
        day: [e.local for e in entries if e.post.status != PostStatus.FAILED]
        for day, entries in by_day.items()
    }
    gaps = content_gaps.find(
        start=query.start,
        end=query.end,
        zone=zone,
        taken=taken,
        frequency=frequency.per_day,
        now=now,
        best_hours=audience_times.best_hours(model, zone),
    )
    return gaps, frequency


async def gaps_of(
    *, db: Database, scheduler: scheduler_pb2_grpc.SchedulerStub, query: CalendarQuery, now: datetime
) -> GapsView:
    """The range's content gaps alone (every post of the range counts, whatever the filters)."""
    zone = ZoneInfo(query.zone)
    posts = await cells_in_range(db, query, zone)
    gaps, frequency = await _gaps(db, scheduler, query, zone, _by_day(query, zone, posts, {}), now)
    return GapsView(query, gaps, frequency)


async def build(
    *,
    db: Database,
    media: media_pb2_grpc.MediaStub,
    scheduler: scheduler_pb2_grpc.SchedulerStub,
    query: CalendarQuery,
    now: datetime,
) -> CalendarView:
    zone = ZoneInfo(query.zone)
    posts = await cells_in_range(db, query, zone)
    thumbnails = await _thumbnails(media, query.user_id, posts)
    by_day = _by_day(query, zone, posts, thumbnails)
    colours = await campaigns.colours(db, query.user_id, {p.campaign_id for p in posts if p.campaign_id})
    for entries in by_day.values():
        for entry in entries:
            entry.campaign_colour = colours.get(entry.post.campaign_id)
    days = []
    for day in sorted(by_day):
        hours = None
        if query.view != "month":
            hours = {}
            for entry in by_day[day]:
                hours.setdefault(entry.local.hour, []).append(entry)
        days.append(Day(day, by_day[day], hours))
    entries = [entry for day in days for entry in day.entries]
    gaps, frequency = await _gaps(db, scheduler, query, zone, by_day, now)
    waiting = [e for e in entries if e.post.status != PostStatus.PUBLISHED]
    predicted = await predictions.predict(db, query.user_id, [e.post for e in waiting])
    return CalendarView(query, days, gaps, _mix(entries), predicted, len(entries), frequency)
