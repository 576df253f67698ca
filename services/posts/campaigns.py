"""Campaigns: a name, dates, a colour and a goal that posts belong to (at most one each).
The calendar filters and colours by them; a campaign's timeline is its posts in time order
with how each did, and the totals."""

import re
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from lib.common import owned_rows, time_text
from lib.common.db import Database
from lib.common.errors import Violation, conflict, invalid, invalid_field
from lib.common.timezones import is_valid_zone
from lib.post_status import PostStatus
from services.posts import metrics, store
from services.posts.models import Campaign, Post

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_NAME = 100
MAX_GOAL = 1000
MAX_CAMPAIGNS = 1000
# A campaign's posts the timeline shows at most.
MAX_TIMELINE = 1000


@dataclass(frozen=True)
class CampaignFields:
    name: str
    start_date: str
    end_date: str
    colour: str
    goal: str


def _text_problem(text: str, most: int) -> str | None:
    if not text.strip() or len(text) > most:
        return f"must be 1 to {most} characters"
    if any(not ch.isprintable() for ch in text):
        return "must not contain control characters"
    return None


def _values(fields: CampaignFields) -> dict:
    problems = []
    if problem := _text_problem(fields.name, MAX_NAME):
        problems.append(Violation("name", problem))
    first = time_text.parse_day(fields.start_date, "start_date", problems)
    last = time_text.parse_day(fields.end_date, "end_date", problems)
    if first and last and last < first:
        problems.append(Violation("end_date", "must not be before start_date"))
    if not COLOUR.match(fields.colour):
        problems.append(Violation("colour", "must be a colour like #1e90ff"))
    if len(fields.goal) > MAX_GOAL or any(not ch.isprintable() and ch not in "\n\t" for ch in fields.goal):
        problems.append(
            Violation("goal", f"must be at most {MAX_GOAL} characters, without control characters")
        )
    if problems:
        raise invalid(problems)
    return {
        "name": fields.name.strip(),
        "start_date": first,
        "end_date": last,
        "colour": fields.colour.lower(),
        "goal": fields.goal.strip(),
    }


def _name_taken(name: str) -> Exception:
    return conflict("campaign_exists", f"You already have a campaign named {name.strip()!r}")


async def create(db: Database, *, user_id: uuid.UUID, fields: CampaignFields) -> Campaign:
    values = _values(fields)
    return await owned_rows.create(
        db,
        Campaign,
        user_id=user_id,
        values=values,
        limit=MAX_CAMPAIGNS,
        taken=lambda: _name_taken(fields.name),
    )


async def list_of(db: Database, *, user_id: uuid.UUID) -> list[Campaign]:
    async with db.reading() as session:
        return list(
            await session.scalars(
                select(Campaign)
                .where(Campaign.user_id == user_id)
                .order_by(Campaign.start_date.desc(), Campaign.name)
            )
        )


async def get(db: Database, *, user_id: uuid.UUID, campaign_id: uuid.UUID) -> Campaign:
    return await owned_rows.read(db, Campaign, user_id=user_id, row_id=campaign_id, what="Campaign")


async def replace(
    db: Database, *, user_id: uuid.UUID, campaign_id: uuid.UUID, fields: CampaignFields
) -> Campaign:
    values = _values(fields)
    return await owned_rows.replace(
        db,
        Campaign,
        user_id=user_id,
        row_id=campaign_id,
        values=values,
        what="Campaign",
        taken=lambda: _name_taken(fields.name),
    )


async def remove(db: Database, *, user_id: uuid.UUID, campaign_id: uuid.UUID) -> Campaign:
    """Delete the campaign; its posts stay, in no campaign."""
    return await owned_rows.remove(db, Campaign, user_id=user_id, row_id=campaign_id, what="Campaign")


async def chosen(db: Database, *, user_id: uuid.UUID, campaign_id: str) -> uuid.UUID | None:
    """The user's campaign a request names (empty: none), checked before anything is saved."""
    if not campaign_id.strip():
        return None
    try:
        target = uuid.UUID(campaign_id.strip())
    except ValueError as exc:
        raise invalid_field("campaign_id", "must be one of your campaigns' ids") from exc
    async with db.reading() as session:
        mine = await session.scalar(
            select(Campaign.id).where(Campaign.id == target, Campaign.user_id == user_id)
        )
    if mine is None:
        raise invalid_field("campaign_id", "is none of your campaigns")
    return target


async def assign(db: Database, *, post: Post, target: uuid.UUID | None) -> None:
    """Put the post in a campaign (None: in none). Not content: no new version. A campaign
    deleted meanwhile leaves the post where it was (the foreign key refuses it)."""
    try:
        async with db.autocommit() as connection:
            await connection.execute(
                update(Post)
                .where(Post.id == post.id, Post.user_id == post.user_id)
                .values(campaign_id=target, updated_at=store.now())
            )
    except IntegrityError:
        return
    post.campaign_id = target


async def colours(db: Database, user_id: uuid.UUID, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    async with db.reading() as session:
        rows = await session.execute(
            select(Campaign.id, Campaign.colour).where(Campaign.user_id == user_id, Campaign.id.in_(ids))
        )
        return dict(rows.tuples().all())


@dataclass(frozen=True)
class TimelineEntry:
    post: Post
    local: datetime | None
    reach: int | None
    engagement: int | None


@dataclass(frozen=True)
class Timeline:
    campaign: Campaign
    zone: str
    entries: list[TimelineEntry]

    def by_status(self) -> list[tuple[str, int]]:
        """Posts by status, a draft with a planned time counted as planned."""
        counted = Counter(
            "planned" if e.post.status == PostStatus.DRAFT and e.post.scheduled_for else str(e.post.status)
            for e in self.entries
        )
        return sorted(counted.items(), key=lambda item: (-item[1], item[0]))

    def total(self, name: str) -> int:
        return sum(getattr(e, name) or 0 for e in self.entries)


async def timeline(db: Database, *, user_id: uuid.UUID, campaign_id: uuid.UUID, zone: str) -> Timeline:
    """The campaign's posts, those with a time in time order and then the others, each with
    its latest reach and engagement once published."""
    if not is_valid_zone(zone):
        raise invalid_field("timezone", "must be an IANA time zone, e.g. Europe/Paris")
    campaign = await get(db, user_id=user_id, campaign_id=campaign_id)
    tz = ZoneInfo(zone)
    async with db.reading() as session:
        posts = list(
            await session.scalars(
                select(Post)
                .where(Post.user_id == user_id, Post.campaign_id == campaign_id, Post.deleted_at.is_(None))
                .order_by(Post.scheduled_for.asc().nulls_last(), Post.created_at)
                .limit(MAX_TIMELINE)
            )
        )
    latest = await metrics.latest_of(db, [p.id for p in posts if p.status == PostStatus.PUBLISHED])
    entries = []
    for post in posts:
        when = post.published_at or post.scheduled_for
        metric = latest.get(post.id)
        entries.append(
            TimelineEntry(
                post,
                when.astimezone(tz) if when else None,
                metric.reach if metric else None,
                metrics.engagement(metric) if metric else None,
            )
        )
    return Timeline(campaign, zone, entries)
