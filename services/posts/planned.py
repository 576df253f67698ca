"""A draft's planned time: it sits on the calendar at that time, and nothing publishes it
until someone schedules it with an account (the scheduler then sets the real time)."""

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import case, update

from lib.common import time_text, workspace_zone
from lib.common.db import Database
from lib.common.errors import conflict, invalid_field
from lib.common.timezones import is_valid_zone
from lib.post_status import PostStatus
from protos import users_pb2_grpc
from services.posts import store
from services.posts.models import Post

FIELD = "scheduled_for"


async def resolve(
    users: users_pb2_grpc.UsersStub, user_id: uuid.UUID, text: str, zone: str
) -> tuple[datetime, str]:
    """(the instant, its zone) of an ISO 8601 time: with an offset or Z, that instant; without
    one, on the wall clock of `zone`, or else of the user's own zone."""
    moment = time_text.parse(text.strip(), FIELD)
    zone = zone.strip() or await workspace_zone.of_workspace(users, user_id)
    if not is_valid_zone(zone):
        raise invalid_field("timezone", "must be an IANA time zone, e.g. Europe/Paris")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC), zone


def check_can_plan(post: Post, when: datetime | None) -> None:
    """Only a draft's time is a plan; a scheduled post moves through its schedule."""
    if post.status == PostStatus.DRAFT or when == post.scheduled_for:
        return
    raise conflict(
        "post_not_draft",
        f"The post is {post.status}; its time changes through /api/v1/posts/{post.id}/schedule, "
        "not through scheduled_for",
    )


async def set_planned(db: Database, *, post: Post, when: datetime | None, zone: str | None) -> None:
    """Set (or clear, when None) a draft's planned time; post then shows it."""
    moment = store.now()
    async with db.autocommit() as connection:
        changed = await connection.execute(
            update(Post)
            .where(Post.id == post.id, Post.user_id == post.user_id, Post.status == PostStatus.DRAFT)
            .values(
                scheduled_for=when,
                timezone=zone if when else None,
                updated_at=moment,
                # A new time is a new reminder (for a post published by hand).
                reminder_state=case(
                    (Post.scheduled_for.is_distinct_from(when), ""), else_=Post.reminder_state
                ),
            )
            .returning(Post.id)
        )
        if changed.first() is None:
            check_can_plan(await store.read(db, user_id=post.user_id, post_id=post.id), when)
            return
    post.scheduled_for = when
    post.timezone = zone if when else None
    post.updated_at = moment
