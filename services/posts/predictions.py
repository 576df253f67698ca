"""Performance predictions for posts not published yet: the reach the account's published
posts reached (those of the same type, when there are enough), scaled by how the post's
slot scores against theirs (the scores the audience model gave when they were scheduled).
Scheduling stores the prediction on the post, to be compared with the outcome."""

import statistics
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lib import optimal_time
from lib.common.db import Database
from lib.common.timezones import is_valid_zone
from lib.post_status import PostStatus
from services.posts.models import Post, PostMetric

# The user's latest published posts the predictions learn from.
HISTORY_POSTS = 200


@dataclass
class Prediction:
    post_id: uuid.UUID
    slot_score: float
    reach: float | None = None
    low: float | None = None
    high: float | None = None
    based_on: int = 0


@dataclass
class Published:
    account_id: uuid.UUID | None
    reach: int
    slot_score: float
    post_type: str = ""


# With at least this many published posts of the same type on the account, a prediction
# learns from those alone (reels and photos reach differently).
SAME_TYPE_POSTS = 5


def _slot_score(stored: float | None, moment: datetime, zone: str | None) -> float:
    """The score the scheduler stored for the post's slot, else the slot's score on the
    wall clock of the post's zone (UTC without one)."""
    if stored is not None:
        return stored
    if zone and is_valid_zone(zone):
        moment = moment.astimezone(ZoneInfo(zone))
    return optimal_time.score(moment)


# A user's history read for predictions is reused this long: scheduling 50 posts at once
# (a drag and drop, a template) reads it once, and new metrics count within seconds.
HISTORY_CACHE_SECONDS = 5.0
_recent_histories: dict[uuid.UUID, tuple[float, list[Published]]] = {}


async def published_history(db: Database, user_id: uuid.UUID) -> list[Published]:
    """The latest reach of each of the user's latest published posts."""
    cached = _recent_histories.get(user_id)
    if cached and time.monotonic() - cached[0] < HISTORY_CACHE_SECONDS:
        return cached[1]
    found = await _read_history(db, user_id)
    if len(_recent_histories) > 10_000:
        _recent_histories.clear()
    _recent_histories[user_id] = (time.monotonic(), found)
    return found


async def _read_history(db: Database, user_id: uuid.UUID) -> list[Published]:
    async with db.reading() as session:
        recent = (
            select(
                Post.id,
                Post.account_id,
                Post.published_at,
                Post.optimal_time_score,
                Post.timezone,
                Post.post_type,
            )
            .where(
                Post.user_id == user_id,
                Post.status == PostStatus.PUBLISHED,
                Post.deleted_at.is_(None),
                Post.published_at.is_not(None),
            )
            .order_by(Post.published_at.desc())
            .limit(HISTORY_POSTS)
            .subquery()
        )
        rows = await session.execute(
            select(
                recent.c.account_id,
                recent.c.published_at,
                recent.c.optimal_time_score,
                recent.c.timezone,
                recent.c.post_type,
                PostMetric.reach,
            )
            .join(PostMetric, PostMetric.post_id == recent.c.id)
            .distinct(PostMetric.post_id)
            .order_by(PostMetric.post_id, PostMetric.collected_at.desc())
        )
        found = []
        for account_id, published_at, score, zone, post_type, reach in rows:
            found.append(Published(account_id, reach, _slot_score(score, published_at, zone), post_type))
        return found


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    low, median, high = statistics.quantiles(values, n=4, method="inclusive")
    return low, median, high


def _predicted(post_id, account_id, post_type: str, score: float, history: list[Published]) -> Prediction:
    # The account's own posts; a post without an account yet (a plan) learns from all.
    basis = [h for h in history if account_id is None or h.account_id == account_id]
    same_type = [h for h in basis if h.post_type == post_type]
    if len(same_type) >= SAME_TYPE_POSTS:
        basis = same_type
    prediction = Prediction(post_id, round(score, 2))
    if basis:
        usual = statistics.fmean(h.slot_score for h in basis) or 1.0
        factor = (score or usual) / usual
        low, median, high = _quartiles([float(h.reach) for h in basis])
        prediction.reach = round(median * factor, 1)
        prediction.low = round(low * factor, 1)
        prediction.high = round(high * factor, 1)
        prediction.based_on = len(basis)
    return prediction


async def predict(db: Database, user_id: uuid.UUID, waiting: list[Post]) -> list[Prediction]:
    if not waiting:
        return []
    history = await published_history(db, user_id)
    return [
        _predicted(
            post.id,
            post.account_id,
            post.post_type,
            _slot_score(post.optimal_time_score, post.scheduled_for, post.timezone),
            history,
        )
        for post in waiting
    ]


async def for_slot(db: Database, *, post: Post, account_id: uuid.UUID, score: float) -> Prediction:
    """The prediction for a post being scheduled on an account, at a slot with this score."""
    return _predicted(post.id, account_id, post.post_type, score, await published_history(db, post.user_id))
