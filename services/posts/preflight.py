"""Pre-flight: what can be known to fail before a scheduled post goes out, checked a day
before and again in the hour before (the scheduler's checks: services/scheduler/preflight.py),
kept on the post for the version and time it was checked for. An edit or a move makes it
outdated, and the next round checks again."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, literal, or_, select, type_coerce, update
from sqlalchemy.dialects.postgresql import JSONB

from lib.common.db import Database
from lib.common.events import PreflightChecked
from lib.common.outbox import Outbox
from lib.post_status import PostStatus
from services.posts.models import Post

DAY_BEFORE, FINAL = "day_before", "final"
# "now": a person asked (the composer's Check now).
NOW = "now"
STAGES = (DAY_BEFORE, FINAL, NOW)
# The "again when it is prepared" check runs in the hour before.
FINAL_WINDOW = timedelta(hours=1)
WINDOW = timedelta(hours=24)


@dataclass
class Check:
    check: str
    ok: bool
    message: str = ""


# The status a view shows: "" (not checked for this version and time), passed or failed.
STATUS = case(
    (
        or_(
            Post.preflight_at.is_(None),
            Post.preflight_version != Post.version,
            Post.preflight_for.is_distinct_from(Post.scheduled_for),
        ),
        literal(""),
    ),
    (Post.preflight.op("@>")(type_coerce([{"ok": False}], JSONB)), literal("failed")),
    else_=literal("passed"),
)


def status_of(post: Post) -> str:
    if (
        post.preflight_at is None
        or post.preflight_version != post.version
        or post.preflight_for != post.scheduled_for
    ):
        return ""
    return "failed" if any(not c.get("ok") for c in post.preflight or []) else "passed"


async def due(
    db: Database, *, now: datetime, limit: int, user_id: uuid.UUID | None = None
) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """(workspace, post, stage) of scheduled posts due within a day that were not checked
    for their version and time, or are within the last hour and were checked only the day
    before. Soonest first."""
    final = now + FINAL_WINDOW
    async with db.reading() as session:
        rows = (
            await session.execute(
                select(Post.user_id, Post.id, Post.scheduled_for)
                .where(
                    Post.status == PostStatus.SCHEDULED,
                    Post.deleted_at.is_(None),
                    Post.scheduled_for > now,
                    Post.scheduled_for <= now + WINDOW,
                    or_(
                        STATUS == "",
                        and_(Post.scheduled_for <= final, Post.preflight_stage != FINAL),
                    ),
                    *([Post.user_id == user_id] if user_id else []),
                )
                .order_by(Post.scheduled_for)
                .limit(limit)
            )
        ).all()
    return [(user_id, post_id, FINAL if at <= final else DAY_BEFORE) for user_id, post_id, at in rows]


async def record(
    db: Database,
    events: Outbox,
    *,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    version: int,
    checked_for: datetime,
    stage: str,
    checks: list[Check],
    now: datetime,
) -> bool:
    """Keep the checks, if the post is still that version at that time (else they are about
    a post that is no more, and the next round checks the new one). True if kept."""
    async with db.transaction() as session:
        kept = await session.scalar(
            update(Post)
            .where(
                Post.id == post_id,
                Post.user_id == user_id,
                Post.version == version,
                Post.scheduled_for == checked_for,
                Post.status == PostStatus.SCHEDULED,
            )
            .values(
                preflight=[{"check": c.check, "ok": c.ok, "message": c.message} for c in checks],
                preflight_at=now,
                preflight_version=version,
                preflight_for=checked_for,
                preflight_stage=stage if stage in STAGES else DAY_BEFORE,
            )
            .returning(Post.id)
        )
        if kept is None:
            return False
        failed = [c for c in checks if not c.ok]
        await events.queue(
            session,
            [
                PreflightChecked(
                    user_id=str(user_id),
                    post_id=str(post_id),
                    ok=not failed,
                    stage=stage,
                    scheduled_for=checked_for.isoformat(),
                    problems=[c.message for c in failed][:10],
                )
            ],
        )
    events.sent()
    return True
