"""An account's profile grid as it will look: the scheduled and planned posts in the order
Instagram will show them (the latest at the top left), above what the profile shows now
(read from Instagram through the scheduler, which holds the account's token).

A drag on the grid is a calendar move (the scheduler's MovePosts): swapping two tiles swaps
their times, with every check of a move, all or nothing."""

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import grpc
from sqlalchemy import and_, func, or_, select

from lib.common.db import Database
from lib.common.errors import invalid_field, not_found
from lib.common.timezones import is_valid_zone
from lib.post_status import PostStatus
from protos import media_pb2_grpc, scheduler_pb2, scheduler_pb2_grpc
from services.posts.calendar import PREVIEW_CHARACTERS, library_thumbnails
from services.posts.models import Post

log = logging.getLogger(__name__)

# What the profile grid shows; stories are not on it.
GRID_POST_TYPES = ("photo", "video", "carousel", "reel")
UPCOMING_STATES = (PostStatus.SCHEDULED, PostStatus.PUBLISHING)
MAX_PUBLISHED = 60
DEFAULT_PUBLISHED = 12
# Posts ahead the grid shows at most: a quarter of daily posting.
MAX_UPCOMING = 200
# Instagram's names for what was published -> Postflow's.
PUBLISHED_TYPES = {"IMAGE": "photo", "CAROUSEL_ALBUM": "carousel", "CAROUSEL": "carousel", "REELS": "reel"}


@dataclass
class Tile:
    state: str
    at: datetime
    post_type: str
    caption_preview: str
    image_url: str | None = None
    post_id: uuid.UUID | None = None
    instagram_media_id: str | None = None
    permalink: str | None = None
    review_status: str = ""
    post_timezone: str | None = None


@dataclass
class Grid:
    account_id: uuid.UUID
    zone: str
    tiles: list[Tile]
    instagram_unavailable: str


def _account(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise invalid_field("account_id", "must be one of your connected Instagram accounts' ids") from None


async def _published(
    scheduler: scheduler_pb2_grpc.SchedulerStub, user_id: uuid.UUID, account_id: uuid.UUID, count: int
) -> scheduler_pb2.ProfileMediaList:
    try:
        reply = await scheduler.ListProfileMedia(
            scheduler_pb2.ProfileMediaRequest(user_id=str(user_id), account_id=str(account_id), limit=count),
            timeout=10,
        )
    except grpc.aio.AioRpcError as err:
        if err.code() == grpc.StatusCode.NOT_FOUND:
            raise not_found("Account") from err
        log.warning("profile media of %s not read: %s", account_id, err.code())
        return scheduler_pb2.ProfileMediaList(unavailable="Instagram's published posts could not be read now")
    return reply


async def _upcoming(
    db: Database, user_id: uuid.UUID, account_id: uuid.UUID, now: datetime, *, unassigned: bool
) -> list[Post]:
    """The account's posts still to come on the grid, the latest first: scheduled ones and
    drafts planned from now on (a draft has no account until it is scheduled: with
    `unassigned`, those of the account a schedule naming none would take), reels unless they
    stay off the grid (share_to_feed false)."""
    planned_here = Post.account_id == account_id
    if unassigned:
        planned_here = or_(planned_here, Post.account_id.is_(None))
    async with db.reading() as session:
        found = await session.scalars(
            select(Post)
            .where(
                Post.user_id == user_id,
                Post.deleted_at.is_(None),
                Post.post_type.in_(GRID_POST_TYPES),
                Post.scheduled_for.is_not(None),
                or_(
                    and_(Post.account_id == account_id, Post.status.in_([s.value for s in UPCOMING_STATES])),
                    and_(Post.status == PostStatus.DRAFT.value, Post.scheduled_for >= now, planned_here),
                ),
                or_(
                    Post.post_type != "reel",
                    func.coalesce(Post.options["share_to_feed"].astext, "true") != "false",
                ),
            )
            .order_by(Post.scheduled_for.desc(), Post.id)
            .limit(MAX_UPCOMING)
        )
        return list(found)


def _picture_of(post: Post) -> tuple[str | None, str | None]:
    """(its own URL, its library id) of the picture a post's tile shows: a reel's cover where
    it has one, else its first media item."""
    cover = (post.options or {}).get("cover") or {}
    first = cover if (cover.get("url") or cover.get("media_id")) else (post.media[0] if post.media else {})
    return first.get("url"), first.get("media_id")


async def _linked_posts(db: Database, user_id: uuid.UUID, media_ids: list[str]) -> dict[str, Post]:
    """Instagram media id -> the Postflow post that published it."""
    if not media_ids:
        return {}
    async with db.reading() as session:
        found = await session.scalars(
            select(Post).where(
                and_(
                    Post.user_id == user_id, Post.instagram_media_id.in_(media_ids), Post.deleted_at.is_(None)
                )
            )
        )
        return {p.instagram_media_id: p for p in found if p.instagram_media_id}


def _published_type(item: scheduler_pb2.ProfileMediaItem) -> str:
    if item.media_type in PUBLISHED_TYPES:
        return PUBLISHED_TYPES[item.media_type]
    return "reel" if item.product_type == "REELS" else "video"


async def build(
    *,
    db: Database,
    media: media_pb2_grpc.MediaStub,
    scheduler: scheduler_pb2_grpc.SchedulerStub,
    user_id: uuid.UUID,
    account_id: str,
    published: int,
    zone: str,
    now: datetime,
) -> Grid:
    account = _account(account_id)
    if not is_valid_zone(zone):
        raise invalid_field("timezone", "must be an IANA time zone, e.g. Europe/Paris")
    if published < 0 or published > MAX_PUBLISHED:
        raise invalid_field("published", f"must be from 0 to {MAX_PUBLISHED}")
    count = published or DEFAULT_PUBLISHED
    profile = await _published(scheduler, user_id, account, count)
    items = list(profile.items)
    upcoming = await _upcoming(db, user_id, account, now, unassigned=profile.takes_unassigned)
    pictures = {post.id: _picture_of(post) for post in upcoming}
    thumbnails = await library_thumbnails(media, user_id, {m for _, m in pictures.values() if m})
    linked = await _linked_posts(db, user_id, [item.id for item in items])
    tiles = [
        Tile(
            state="planned" if post.status == PostStatus.DRAFT else post.status,
            at=post.scheduled_for,
            post_type=post.post_type,
            caption_preview=post.caption[:PREVIEW_CHARACTERS],
            image_url=pictures[post.id][0] or thumbnails.get(pictures[post.id][1] or ""),
            post_id=post.id,
            review_status=post.review_status,
            post_timezone=post.timezone,
        )
        for post in upcoming
    ]
    for item in items[:count]:
        post = linked.get(item.id)
        tiles.append(
            Tile(
                state="published",
                at=item.published_at.ToDatetime(tzinfo=UTC),
                post_type=PUBLISHED_TYPES.get(
                    item.media_type, "reel" if item.product_type == "REELS" else "video"
                ),
                caption_preview=item.caption[:PREVIEW_CHARACTERS],
                # A video's tile is its picture; Meta withholds some files (no media_url).
                image_url=item.thumbnail_url or item.media_url or None,
                post_id=post.id if post else None,
                instagram_media_id=item.id,
                permalink=item.permalink or None,
            )
        )
    return Grid(account, zone, tiles, profile.unavailable)


def local_time(at: datetime, zone: str) -> str:
    return at.astimezone(ZoneInfo(zone)).isoformat()
