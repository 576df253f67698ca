"""A published post's engagement over time: each collection stored (once per time) and
announced as a `metrics_update` event; the latest figures and the whole series read back."""

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from services.common.db import Database
from services.common.errors import invalid_field
from services.common.events import EventPublisher, metrics_update
from services.posts import store
from services.posts.models import PostMetric

FIGURES = ("likes", "comments", "shares", "saves", "reach", "views")


async def record(
    db: Database,
    events: EventPublisher,
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
    async with db.transaction() as session:
        row = await session.scalar(
            insert(PostMetric)
            .values(post_id=post_id, user_id=user_id, collected_at=collected_at, age_seconds=age, **values)
            .on_conflict_do_update(constraint="uq_post_metrics_time", set_=values)
            .returning(PostMetric)
        )
    await events.publish(metrics_update(str(user_id), str(post_id), values, age))
    return row


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
