"""A user's planning settings: how many posts a day they aim for (the calendar's gaps are
measured against it), or none, to have it learned from their history."""

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from lib.common.db import Database
from lib.common.errors import invalid_field
from services.posts.models import PlanningSettings

MAX_POSTS_PER_DAY = 50


@dataclass
class Settings:
    # None: learned from history.
    posts_per_day: int | None = None


async def get(db: Database, user_id: uuid.UUID) -> Settings:
    async with db.reading() as session:
        row = await session.scalar(select(PlanningSettings).where(PlanningSettings.user_id == user_id))
    return Settings(row.posts_per_day if row else None)


async def put(db: Database, user_id: uuid.UUID, posts_per_day: int | None) -> Settings:
    """Replace the settings; posts_per_day None goes back to learning it."""
    if posts_per_day is not None and not 1 <= posts_per_day <= MAX_POSTS_PER_DAY:
        raise invalid_field(
            "posts_per_day", f"must be between 1 and {MAX_POSTS_PER_DAY}, or null to learn it"
        )
    async with db.transaction() as session:
        await session.execute(
            insert(PlanningSettings)
            .values(user_id=user_id, posts_per_day=posts_per_day)
            .on_conflict_do_update(
                index_elements=[PlanningSettings.user_id],
                set_={"posts_per_day": posts_per_day, "updated_at": func.now()},
            )
        )
    return Settings(posts_per_day)
