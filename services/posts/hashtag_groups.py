"""Hashtag groups: a workspace's named sets of hashtags, inserted from the composer in one
click, each with how it performed (the reach and engagement of published posts that used
the whole set), and named by the repeated-set warning when it is the set repeated."""

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from lib.common.db import Database
from lib.common.errors import Violation, conflict, invalid, not_found
from lib.post_status import PostStatus
from services.posts import metrics, store
from services.posts.content import Content
from services.posts.models import HashtagGroup, Post
from services.posts.rules import MAX_HASHTAG_LENGTH, MAX_HASHTAGS

MAX_GROUPS = 200
MAX_NAME = 100
# The published posts a group's figures are read from (newest first).
RECENT_PUBLISHED = 500
_TAG = re.compile(r"^\w+$")


@dataclass(frozen=True)
class Performance:
    posts: int
    average_reach: float | None
    average_engagement: float | None


def _checked(name: str, hashtags: list[str]) -> tuple[str, list[str]]:
    problems = []
    name = name.strip()
    if not name or len(name) > MAX_NAME or any(ord(ch) < 32 for ch in name):
        problems.append(Violation("name", f"1 to {MAX_NAME} characters, without control characters"))
    tags: list[str] = []
    seen: set[str] = set()
    for n, raw in enumerate(hashtags):
        tag = raw.strip().lstrip("#")
        if not _TAG.match(tag) or tag.isdigit() or len(tag) > MAX_HASHTAG_LENGTH:
            problems.append(
                Violation(f"hashtags.{n}", "letters, digits and underscores, with at least one letter")
            )
        elif tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    if not tags and not problems:
        problems.append(Violation("hashtags", "name at least one hashtag"))
    if len(tags) > MAX_HASHTAGS:
        problems.append(Violation("hashtags", f"at most {MAX_HASHTAGS}: a post holds no more"))
    if problems:
        raise invalid(problems)
    return name, tags


async def create(db: Database, *, user_id: uuid.UUID, name: str, hashtags: list[str]) -> HashtagGroup:
    name, tags = _checked(name, hashtags)
    try:
        async with db.transaction() as session:
            count = await session.scalar(
                select(func.count()).select_from(HashtagGroup).where(HashtagGroup.user_id == user_id)
            )
            if count >= MAX_GROUPS:
                raise conflict("too_many_groups", f"A workspace keeps at most {MAX_GROUPS} hashtag groups")
            group = HashtagGroup(user_id=user_id, name=name, hashtags=tags)
            session.add(group)
            await session.flush()
            await session.refresh(group)
    except IntegrityError as exc:
        raise conflict("name_taken", f"There is already a hashtag group named {name!r}") from exc
    return group


async def update(
    db: Database, *, user_id: uuid.UUID, group_id: uuid.UUID, name: str, hashtags: list[str]
) -> HashtagGroup:
    name, tags = _checked(name, hashtags)
    try:
        async with db.transaction() as session:
            group = await session.get(HashtagGroup, group_id)
            if group is None or group.user_id != user_id:
                raise not_found("Hashtag group")
            group.name, group.hashtags, group.updated_at = name, tags, store.now()
    except IntegrityError as exc:
        raise conflict("name_taken", f"There is already a hashtag group named {name!r}") from exc
    return group


async def delete(db: Database, *, user_id: uuid.UUID, group_id: uuid.UUID) -> None:
    async with db.transaction() as session:
        group = await session.get(HashtagGroup, group_id)
        if group is None or group.user_id != user_id:
            raise not_found("Hashtag group")
        await session.delete(group)


async def listed(db: Database, *, user_id: uuid.UUID) -> list[HashtagGroup]:
    async with db.reading() as session:
        return list(
            await session.scalars(
                select(HashtagGroup)
                .where(HashtagGroup.user_id == user_id)
                .order_by(func.lower(HashtagGroup.name), HashtagGroup.id)
            )
        )


def _key(tags) -> frozenset[str]:
    return frozenset(t.casefold() for t in tags)


async def performance(
    db: Database, user_id: uuid.UUID, groups: list[HashtagGroup]
) -> dict[uuid.UUID, Performance]:
    """Per group: the published posts (of the last RECENT_PUBLISHED) whose hashtags, caption
    and list together, hold the whole set, and their average latest reach and engagement."""
    async with db.reading() as session:
        rows = (
            await session.execute(
                select(Post.id, Post.caption, Post.hashtags)
                .where(
                    Post.user_id == user_id, Post.status == PostStatus.PUBLISHED, Post.deleted_at.is_(None)
                )
                .order_by(Post.published_at.desc())
                .limit(RECENT_PUBLISHED)
            )
        ).all()
    used = {
        post_id: _key(Content(caption=caption, hashtags=list(tags)).all_hashtags())
        for post_id, caption, tags in rows
    }
    members = {group.id: [p for p, tags in used.items() if _key(group.hashtags) <= tags] for group in groups}
    latest = await metrics.latest_of(db, sorted({p for posts in members.values() for p in posts}))
    found = {}
    for group in groups:
        samples = [latest[p] for p in members[group.id] if p in latest]
        found[group.id] = Performance(
            posts=len(members[group.id]),
            average_reach=sum(m.reach for m in samples) / len(samples) if samples else None,
            average_engagement=sum(metrics.engagement(m) for m in samples) / len(samples)
            if samples
            else None,
        )
    return found


async def named_sets(db: Database, user_id: uuid.UUID) -> dict[frozenset[str], str]:
    """Each group's set (case-folded) -> its name, for the repeated-set warning."""
    return {_key(group.hashtags): group.name for group in await listed(db, user_id=user_id)}
