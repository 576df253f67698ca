"""A published post's engagement over time: each collection stored (once per time) and
announced as a `metrics_update` event; the latest figures and the whole series read back."""

import statistics
import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from lib.common.db import Database
from lib.common.errors import invalid_field
from lib.common.events import MetricsUpdate
from lib.common.outbox import Outbox
from services.posts import store
from services.posts.models import Post, PostMetric

FIGURES = ("likes", "comments", "shares", "saves", "reach", "views")


async def record(
    db: Database,
    events: Outbox,
    *,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    collected_at: datetime,
    figures: dict[str, int],
) -> PostMetric:
    post = await store.read(db, user_id=user_id, post_id=post_id)
    if post.published_at is None:
        raise invalid_field("post_id", "is not published")
    if any(figures.get(name, 0) < 0 for name in FIGURES):
        raise invalid_field("metrics", "must not be negative")
    values = {name: int(figures.get(name, 0)) for name in FIGURES}
    age = max(0, int((collected_at - post.published_at).total_seconds()))
    previous = await latest(db, post_id=post_id)
    earlier = await _earlier_posts(db, post, age)
    values["percentile_rank"] = percentile_rank(values["reach"], [at_age for at_age, _ in earlier])
    async with db.transaction() as session:
        row = await session.scalar(
            insert(PostMetric)
            .values(post_id=post_id, user_id=user_id, collected_at=collected_at, age_seconds=age, **values)
            .on_conflict_do_update(constraint="uq_post_metrics_time", set_=values)
            .returning(PostMetric)
        )
    latest_reaches = [final for _, final in earlier]
    await events.publish(
        MetricsUpdate(
            user_id=str(user_id),
            post_id=str(post_id),
            metrics={name: values[name] for name in FIGURES},
            age_seconds=age,
            previous={name: getattr(previous, name) for name in FIGURES} if previous else None,
            percentile_rank=values["percentile_rank"],
            account_median_reach=statistics.median(latest_reaches) if latest_reaches else None,
        )
    )
    return row


def percentile_rank(value: int, others: list[int]) -> float | None:
    """Percent of the others below value (ties count half); None without others."""
    if not others:
        return None
    below = sum(1 for other in others if other < value)
    ties = sum(1 for other in others if other == value)
    return round(100 * (below + ties / 2) / len(others), 1)


async def _earlier_posts(db: Database, post, age: int) -> list[tuple[int, int]]:
    """For each post the account published before this one: (its reach at this age, its
    latest reach)."""
    if post.account_id is None or post.published_at is None:
        return []
    at_age = func.max(PostMetric.reach).filter(PostMetric.age_seconds <= age)
    async with db.reading() as session:
        rows = await session.execute(
            select(at_age, func.max(PostMetric.reach))
            .select_from(Post)
            .join(PostMetric, PostMetric.post_id == Post.id)
            .where(
                Post.user_id == post.user_id,
                Post.account_id == post.account_id,
                Post.id != post.id,
                Post.published_at < post.published_at,
            )
            .group_by(Post.id)
        )
        return [(reach_at_age, final) for reach_at_age, final in rows if reach_at_age is not None]


async def series(db: Database, *, user_id: uuid.UUID, post_id: uuid.UUID) -> list[PostMetric]:
    await store.read(db, user_id=user_id, post_id=post_id)  # the user's post, else 404
    async with db.reading() as session:
        return list(
            await session.scalars(
                select(PostMetric)
                .where(PostMetric.post_id == post_id, PostMetric.user_id == user_id)
                .order_by(PostMetric.collected_at)
            )
        )


async def latest(db: Database, *, post_id: uuid.UUID) -> PostMetric | None:
    async with db.reading() as session:
        return await session.scalar(
            select(PostMetric)
            .where(PostMetric.post_id == post_id)
            .order_by(PostMetric.collected_at.desc())
            .limit(1)
        )


def engagement(row: PostMetric) -> int:
    """What a collection counts as engagement: likes + comments + shares + saves."""
    return row.likes + row.comments + row.shares + row.saves


async def latest_of(db: Database, post_ids: list[uuid.UUID]) -> dict[uuid.UUID, PostMetric]:
    """Each post's latest collection, in one query (posts never collected are absent)."""
    if not post_ids:
        return {}
    async with db.reading() as session:
        rows = await session.scalars(
            select(PostMetric)
            .where(PostMetric.post_id.in_(post_ids))
            .distinct(PostMetric.post_id)
            .order_by(PostMetric.post_id, PostMetric.collected_at.desc())
        )
        return {row.post_id: row for row in rows}
