"""A user's calendar as an iCalendar (.ics) feed, so that the schedule shows up in Google
Calendar or Outlook. The feed's URL carries a secret of its own (never the API's bearer
token): created or replaced on request and shown once, kept only as its SHA-256, revoked
by deleting it (the old URL then answers 404)."""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import icalendar
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert

from lib.common.db import Database
from lib.common.errors import not_found
from lib.post_status import PostStatus
from services.posts.models import CalendarFeed, Post

# What the feed holds: the last PAST_DAYS and the next FUTURE_DAYS, at most MAX_EVENTS.
PAST_DAYS = 30
FUTURE_DAYS = 366
MAX_EVENTS = 2000
EVENT_MINUTES = 15


@dataclass(frozen=True)
class IssuedFeed:
    token: str
    created_at: datetime


def _hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


async def issue(db: Database, *, user_id: uuid.UUID) -> IssuedFeed:
    """A new secret for the user's feed; any earlier URL stops working."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    values = {"token_hash": _hash(token), "created_at": now}
    async with db.transaction() as session:
        await session.execute(
            insert(CalendarFeed)
            .values(user_id=user_id, **values)
            .on_conflict_do_update(index_elements=[CalendarFeed.user_id], set_=values)
        )
    return IssuedFeed(token, now)


async def created_at(db: Database, *, user_id: uuid.UUID) -> datetime | None:
    async with db.reading() as session:
        return await session.scalar(select(CalendarFeed.created_at).where(CalendarFeed.user_id == user_id))


async def revoke(db: Database, *, user_id: uuid.UUID) -> None:
    async with db.transaction() as session:
        gone = await session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user_id))
    if gone.rowcount == 0:
        raise not_found("Calendar feed")


def _summary(post: Post) -> str:
    status = "planned" if post.status == PostStatus.DRAFT else str(post.status)
    caption = " ".join(post.caption.split())
    preview = caption[:60] + ("…" if len(caption) > 60 else "")
    return f"[{status}] {post.post_type}: {preview or '(no caption)'}"


def _event(post: Post, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{post.id}@postflow")
    event.add("dtstamp", stamp)
    event.add("dtstart", post.scheduled_for.astimezone(UTC))
    event.add("duration", timedelta(minutes=EVENT_MINUTES))
    event.add("summary", _summary(post))
    description = post.caption
    if post.hashtags:
        description += "\n\n" + " ".join(f"#{tag.lstrip('#')}" for tag in post.hashtags)
    event.add("description", description)
    event.add("last-modified", post.updated_at)
    event.add("status", "TENTATIVE" if post.status == PostStatus.DRAFT else "CONFIRMED")
    event.add("categories", [post.post_type, *post.tags])
    if post.permalink:
        event.add("url", post.permalink)
    return event


async def render(db: Database, *, token: str) -> bytes:
    """The feed's .ics document; an unknown or revoked token is not found."""
    async with db.reading() as session:
        user_id = await session.scalar(
            select(CalendarFeed.user_id).where(CalendarFeed.token_hash == _hash(token))
        )
        if user_id is None:
            raise not_found("Calendar feed")
        now = datetime.now(UTC)
        posts = await session.scalars(
            select(Post)
            .where(
                Post.user_id == user_id,
                Post.deleted_at.is_(None),
                Post.template_name.is_(None),
                Post.scheduled_for >= now - timedelta(days=PAST_DAYS),
                Post.scheduled_for < now + timedelta(days=FUTURE_DAYS),
            )
            .order_by(Post.scheduled_for, Post.id)
            .limit(MAX_EVENTS)
        )
        feed = icalendar.Calendar()
        feed.add("prodid", "-//Postflow//Content calendar//EN")
        feed.add("version", "2.0")
        feed.add("calscale", "GREGORIAN")
        feed.add("x-wr-calname", "Postflow")
        # Calendar apps re-read a feed on their own schedule; this asks for hourly.
        feed.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
        for post in posts:
            feed.add_component(_event(post, now))
    return feed.to_ical()
