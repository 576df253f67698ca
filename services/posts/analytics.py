"""Calendar analytics for a range of local days: how often the user posted, when (hour of
the day, weekday), in what (status, type), how each slot and type performed, the best and
worst posts, and the same figures for the period of the same length just before.

Engagement is a published post's latest collected likes + comments + shares + saves;
posts without collected metrics count in the distributions but not in the averages.
Four indexed queries: the posts of each period, and their latest metrics.
"""

import statistics
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from lib.common.db import Database
from lib.post_status import PostStatus
from services.posts import calendar, content_mix, metrics, predictions
from services.posts.calendar import CalendarQuery
from services.posts.content import Content
from services.posts.models import Post

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RANKED_POSTS = 5
# Hashtag distribution: the most used shown; one on more than OVERUSED_SHARE of at least
# OVERUSED_MIN_POSTS posts is over-used; a set of at least SET_MIN_TAGS hashtags on
# SET_MIN_POSTS posts or more is a repeated set.
TOP_HASHTAGS = 30
OVERUSED_SHARE = 0.5
OVERUSED_MIN_POSTS = 4
SET_MIN_TAGS = 3
SET_MIN_POSTS = 3


@dataclass(frozen=True)
class Performance:
    post: Post
    local: datetime
    reach: int
    engagement: int

    @property
    def rate(self) -> float:
        return round(self.engagement / self.reach, 4) if self.reach else 0.0


@dataclass
class Bucket:
    key: str
    posts: int = 0
    published: int = 0
    engagement: list[int] | None = None
    reach: list[int] | None = None

    def add(self, post: Post, measured: Performance | None) -> None:
        self.posts += 1
        if post.status == PostStatus.PUBLISHED:
            self.published += 1
        if measured is not None:
            self.engagement = [*(self.engagement or []), measured.engagement]
            self.reach = [*(self.reach or []), measured.reach]


def mean(values: list[int] | None) -> float | None:
    return round(statistics.fmean(values), 1) if values else None


@dataclass
class Period:
    start: date
    end: date
    posts: list[Post]
    measured: dict[uuid.UUID, Performance]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def published(self) -> int:
        return sum(p.status == PostStatus.PUBLISHED for p in self.posts)

    def average(self, name: str) -> float | None:
        return mean([getattr(m, name) for m in self.measured.values()])


@dataclass(frozen=True)
class HashtagUse:
    hashtag: str
    posts: int
    share: float
    overused: bool


@dataclass(frozen=True)
class RepeatedSet:
    hashtags: list[str]
    posts: int


def hashtag_distribution(posts: list[Post]) -> tuple[list[HashtagUse], list[RepeatedSet]]:
    """How many of the posts use each hashtag (compared without # and case), and the sets
    of hashtags repeated as a whole."""
    uses: Counter[str] = Counter()
    sets: Counter[frozenset[str]] = Counter()
    spelling: dict[str, str] = {}
    for post in posts:
        tags = Content(caption=post.caption, hashtags=list(post.hashtags)).all_hashtags()
        keys = frozenset(tag.casefold() for tag in tags)
        for tag in tags:
            spelling.setdefault(tag.casefold(), tag)
        uses.update(keys)
        if len(keys) >= SET_MIN_TAGS:
            sets[keys] += 1
    total = len(posts)
    ranked = sorted(uses.items(), key=lambda item: (-item[1], item[0]))[:TOP_HASHTAGS]
    distribution = [
        HashtagUse(
            spelling[key],
            count,
            round(count / total, 4),
            total >= OVERUSED_MIN_POSTS and count / total > OVERUSED_SHARE,
        )
        for key, count in ranked
    ]
    repeated = [
        RepeatedSet(sorted(spelling[key] for key in keys), count)
        for keys, count in sorted(sets.items(), key=lambda item: (-item[1], sorted(item[0])))
        if count >= SET_MIN_POSTS
    ]
    return distribution, repeated


@dataclass(frozen=True)
class Accuracy:
    """How the reach predicted when posts were scheduled compared with what they reached."""

    posts: int
    # Mean of |reached - predicted| / reached, in percent.
    mean_abs_pct_error: float | None
    # Share of posts whose reach fell within the predicted 25th-75th percentile interval.
    within_interval: float | None
    # Mean of (reached - predicted) / predicted, in percent: above 0, predictions run low.
    bias_pct: float | None


def accuracy(period: Period) -> Accuracy:
    pairs = [(m.post, m.reach) for m in period.measured.values() if m.post.predicted_reach and m.reach > 0]
    if not pairs:
        return Accuracy(0, None, None, None)
    errors = [abs(reach - post.predicted_reach) / reach for post, reach in pairs]
    inside = [
        post.predicted_reach_low <= reach <= post.predicted_reach_high
        for post, reach in pairs
        if post.predicted_reach_low is not None and post.predicted_reach_high is not None
    ]
    bias = [(reach - post.predicted_reach) / post.predicted_reach for post, reach in pairs]
    return Accuracy(
        len(pairs),
        round(100 * statistics.fmean(errors), 1),
        round(sum(inside) / len(inside), 4) if inside else None,
        round(100 * statistics.fmean(bias), 1),
    )


@dataclass
class Analytics:
    query: CalendarQuery
    current: Period
    previous: Period
    by_hour: list[Bucket]
    by_weekday: list[Bucket]
    by_type: list[Bucket]
    by_status: list[tuple[str, int]]
    best: list[Performance]
    worst: list[Performance]
    hashtags: list[HashtagUse]
    repeated_sets: list[RepeatedSet]
    accuracy: Accuracy
    type_reach: list[content_mix.TypeReach]
    recommendations: list[str]


def change(now: float | None, before: float | None) -> float | None:
    """Percent change from before to now; None when before is nothing to compare with."""
    if now is None or not before:
        return None
    return round(100 * (now - before) / before, 1)


def _when(post: Post, zone: ZoneInfo) -> datetime:
    return (post.published_at or post.scheduled_for).astimezone(zone)


async def _latest_metrics(db: Database, posts: list[Post], zone: ZoneInfo) -> dict[uuid.UUID, Performance]:
    published = {p.id: p for p in posts if p.status == PostStatus.PUBLISHED}
    latest = await metrics.latest_of(db, list(published))
    return {
        post_id: Performance(
            published[post_id], _when(published[post_id], zone), m.reach, metrics.engagement(m)
        )
        for post_id, m in latest.items()
    }


async def _period(db: Database, query: CalendarQuery, zone: ZoneInfo) -> Period:
    posts = await calendar.posts_in_range(db, query, zone)
    local_days = [p for p in posts if query.start <= p.scheduled_for.astimezone(zone).date() <= query.end]
    return Period(query.start, query.end, local_days, await _latest_metrics(db, local_days, zone))


def _buckets(keys, key_of, period: Period, zone: ZoneInfo) -> list[Bucket]:
    found = {key: Bucket(key) for key in keys}
    for post in period.posts:
        key = key_of(post, _when(post, zone))
        found.setdefault(key, Bucket(key)).add(post, period.measured.get(post.id))
    return list(found.values())


async def build(*, db: Database, query: CalendarQuery) -> Analytics:
    zone = ZoneInfo(query.zone)
    current = await _period(db, query, zone)
    length = timedelta(days=current.days)
    previous = await _period(db, replace(query, start=query.start - length, end=query.end - length), zone)
    ranked = sorted(current.measured.values(), key=lambda m: (-m.engagement, -m.reach, str(m.post.id)))
    statuses = Counter("planned" if p.status == PostStatus.DRAFT else str(p.status) for p in current.posts)
    by_type = _buckets([], lambda post, _: post.post_type, current, zone)
    hashtags, repeated_sets = hashtag_distribution(current.posts)
    type_reach, recommendations = content_mix.analyse(
        await predictions.published_history(db, query.user_id), current.posts
    )
    return Analytics(
        query=query,
        current=current,
        previous=previous,
        by_hour=_buckets(
            [f"{h:02d}" for h in range(24)], lambda _, local: f"{local.hour:02d}", current, zone
        ),
        by_weekday=_buckets(WEEKDAYS, lambda _, local: WEEKDAYS[local.weekday()], current, zone),
        by_type=sorted(by_type, key=lambda b: (-b.posts, b.key)),
        by_status=sorted(statuses.items(), key=lambda item: (-item[1], item[0])),
        # The top and bottom halves of one ranking, at most 5 of each: a post is never both.
        best=ranked[: min(RANKED_POSTS, (len(ranked) + 1) // 2)],
        worst=list(reversed(ranked[(len(ranked) + 1) // 2 :]))[:RANKED_POSTS],
        hashtags=hashtags,
        repeated_sets=repeated_sets,
        accuracy=accuracy(current),
        type_reach=type_reach,
        recommendations=recommendations,
    )
