"""CSV exports: the posts a list's filters find (every page of them, up to MAX_ROWS), and
the figures of the posts published in a range of days, for a spreadsheet or a client."""

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lib.common import csv_text, time_text
from lib.common.db import Database
from lib.common.errors import Violation, invalid
from lib.common.timezones import is_valid_zone
from lib.post_status import PostStatus
from services.posts import listing, metrics
from services.posts.content import Content
from services.posts.models import Post

MAX_ROWS = 10_000
PAGE = 500
MAX_RANGE_DAYS = 366

POST_COLUMNS = (
    "id",
    "status",
    "post_type",
    "caption",
    "hashtags",
    "media",
    "scheduled_local",
    "timezone",
    "account_id",
    "tags",
    "campaign_id",
    "published_at",
    "permalink",
    "reach",
    "likes",
    "comments",
    "shares",
    "saves",
    "views",
)
FIGURE_COLUMNS = ("reach", "likes", "comments", "shares", "saves", "views")
ANALYTICS_COLUMNS = (
    "published_local",
    "post_id",
    "account_id",
    "post_type",
    "caption",
    "permalink",
    *FIGURE_COLUMNS,
    "engagement",
)


@dataclass(frozen=True)
class Export:
    csv: str
    rows: int
    # More posts matched than MAX_ROWS: narrow the filters.
    truncated: bool


def _local(moment: datetime | None, zone: str | None) -> str:
    if moment is None:
        return ""
    return (
        moment.astimezone(ZoneInfo(zone)).isoformat() if zone and is_valid_zone(zone) else moment.isoformat()
    )


def _figures(metric) -> dict[str, int]:
    return {name: getattr(metric, name) for name in FIGURE_COLUMNS} if metric else {}


async def posts_csv(db: Database, *, user_id: uuid.UUID, query: listing.Query, max_limit: int) -> Export:
    rows: list[dict] = []
    cursor, truncated = "", False
    while True:
        page = await listing.search(
            db=db,
            user_id=user_id,
            query=dataclasses.replace(query, cursor=cursor, limit=min(PAGE, max_limit)),
            max_limit=max_limit,
        )
        latest = await metrics.latest_of(db, [p.id for p in page.items if p.status == PostStatus.PUBLISHED])
        for post in page.items:
            if len(rows) == MAX_ROWS:
                truncated = True
                break
            rows.append(
                {
                    "id": post.id,
                    "status": post.status,
                    "post_type": post.post_type,
                    "caption": post.caption,
                    "hashtags": " ".join(
                        f"#{t}" for t in Content(caption="", hashtags=list(post.hashtags)).bare_hashtags()
                    ),
                    "media": " ".join(m.get("url") or m.get("media_id") or "" for m in post.media or []),
                    "scheduled_local": _local(post.scheduled_for, post.timezone),
                    "timezone": post.timezone or "",
                    "account_id": post.account_id or "",
                    "tags": " ".join(post.tags or []),
                    "campaign_id": post.campaign_id or "",
                    "published_at": post.published_at.isoformat() if post.published_at else "",
                    "permalink": post.permalink or "",
                    **_figures(latest.get(post.id)),
                }
            )
        if truncated or not page.next_cursor:
            break
        cursor = page.next_cursor
    return Export(csv_text.document(POST_COLUMNS, rows), len(rows), truncated)


async def analytics_csv(
    db: Database, *, user_id: uuid.UUID, start: str, end: str, zone: str, account_id: str
) -> Export:
    """One row per post published in [start, end] (local days of `zone`), with its latest
    figures, oldest first."""
    problems: list[Violation] = []
    if not is_valid_zone(zone):
        problems.append(Violation("timezone", f"{zone[:64]!r} is not an IANA time zone, e.g. Europe/Paris"))
    first = time_text.parse_day(start, "start_date", problems)
    last = time_text.parse_day(end, "end_date", problems)
    if first and last and not 0 <= (last - first).days < MAX_RANGE_DAYS:
        problems.append(
            Violation("end_date", f"must be on or after start_date, within {MAX_RANGE_DAYS} days")
        )
    account = None
    if account_id:
        try:
            account = uuid.UUID(account_id)
        except ValueError:
            problems.append(Violation("account_id", "must be an account id"))
    if problems:
        raise invalid(problems)
    tz = ZoneInfo(zone)
    low = datetime.combine(first, time(0), tz)
    high = datetime.combine(last + timedelta(days=1), time(0), tz)
    query = select(Post).where(
        Post.user_id == user_id,
        Post.status == PostStatus.PUBLISHED,
        Post.deleted_at.is_(None),
        Post.published_at >= low,
        Post.published_at < high,
    )
    if account is not None:
        query = query.where(Post.account_id == account)
    async with db.reading() as session:
        found = list(await session.scalars(query.order_by(Post.published_at, Post.id).limit(MAX_ROWS + 1)))
    latest = await metrics.latest_of(db, [p.id for p in found[:MAX_ROWS]])
    rows = []
    for post in found[:MAX_ROWS]:
        metric = latest.get(post.id)
        rows.append(
            {
                "published_local": post.published_at.astimezone(tz).isoformat(),
                "post_id": post.id,
                "account_id": post.account_id or "",
                "post_type": post.post_type,
                "caption": post.caption,
                "permalink": post.permalink or "",
                **_figures(metric),
                "engagement": metrics.engagement(metric) if metric else "",
            }
        )
    return Export(csv_text.document(ANALYTICS_COLUMNS, rows), len(rows), len(found) > MAX_ROWS)
