"""Listing and searching a user's posts: filters, full-text search, keyset pagination."""

import base64
import binascii
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Text, and_, cast, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY

from lib.common.cursors import Page
from lib.common.db import Database
from lib.common.errors import Violation, invalid, invalid_field
from lib.post_status import PostStatus
from services.posts.content import POST_TYPES
from services.posts.models import SEARCH_CONFIG, Post

SORTS = {"created_at": Post.created_at, "updated_at": Post.updated_at, "scheduled_for": Post.scheduled_for}


@dataclass
class Query:
    statuses: list[PostStatus] = field(default_factory=list)
    post_types: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    tags_mode: str = "any"
    text: str = ""
    created_from: datetime | None = None
    created_to: datetime | None = None
    scheduled_from: datetime | None = None
    scheduled_to: datetime | None = None
    include_deleted: bool = False
    deleted_only: bool = False
    include_templates: bool = False
    account_id: str = ""
    series_id: str = ""
    media_id: str = ""
    sort: str = "created_at"
    order: str = "desc"
    cursor: str = ""
    limit: int = 0


def _check(query: Query, max_limit: int) -> None:
    problems = []
    for value in query.post_types:
        if value not in POST_TYPES:
            problems.append(Violation("post_type", f"{value!r} is not one of {', '.join(POST_TYPES)}"))
    if query.tags_mode not in ("any", "all"):
        problems.append(Violation("tags_mode", "must be any or all"))
    if query.sort not in SORTS:
        problems.append(Violation("sort", f"must be one of {', '.join(SORTS)}"))
    if query.order not in ("asc", "desc"):
        problems.append(Violation("order", "must be asc or desc"))
    if not 1 <= query.limit <= max_limit:
        problems.append(Violation("limit", f"must be between 1 and {max_limit}"))
    if len(query.text) > 500:
        problems.append(Violation("q", "must be at most 500 characters"))
    if problems:
        raise invalid(problems)


def _id(value: str, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as exc:
        raise invalid_field(field, "is not an id") from exc


def encode_cursor(query: Query, post: Post) -> str:
    value = getattr(post, query.sort)
    raw = {"s": query.sort, "o": query.order, "v": value.isoformat() if value else None, "id": str(post.id)}
    return base64.urlsafe_b64encode(json.dumps(raw).encode()).decode().rstrip("=")


def decode_cursor(query: Query) -> tuple[datetime | None, uuid.UUID]:
    try:
        padded = query.cursor + "=" * (-len(query.cursor) % 4)
        raw = json.loads(base64.urlsafe_b64decode(padded))
        value = datetime.fromisoformat(raw["v"]) if raw["v"] else None
        last_id = uuid.UUID(raw["id"])
        same_order = raw["s"] == query.sort and raw["o"] == query.order
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise invalid_field("cursor", "is not a cursor this API returned") from exc
    if not same_order:
        raise invalid_field("cursor", "belongs to a different sort; start again without it")
    return value, last_id


def _ordering(query: Query):
    """ORDER BY for the sort column, NULLS LAST in both directions, written so that it
    matches an index (migration 0002): created_at and updated_at are never null, and
    ascending order puts nulls last by itself."""
    column = SORTS[query.sort]
    if query.order == "asc":
        return column.asc()
    return column.desc().nulls_last() if query.sort == "scheduled_for" else column.desc()


def _after_cursor(query: Query):
    """Rows strictly after the cursor in ORDER BY col <order> NULLS LAST, id <order>."""
    value, last_id = decode_cursor(query)
    column = SORTS[query.sort]
    beyond = (lambda a, b: a > b) if query.order == "asc" else (lambda a, b: a < b)
    if value is None:
        return and_(column.is_(None), beyond(Post.id, last_id))
    return or_(
        beyond(column, value),
        and_(column == value, beyond(Post.id, last_id)),
        column.is_(None),
    )


async def search(*, db: Database, user_id: uuid.UUID, query: Query, max_limit: int) -> Page[Post]:
    """One page of the user's posts and the cursor of the next page."""
    _check(query, max_limit)
    conditions = [Post.user_id == user_id]
    if query.deleted_only:
        conditions.append(Post.deleted_at.is_not(None))
    elif not query.include_deleted:
        conditions.append(Post.deleted_at.is_(None))
    if not query.include_templates:
        conditions.append(Post.template_name.is_(None))
    if query.statuses:
        conditions.append(Post.status.in_(query.statuses))
    if query.account_id:
        conditions.append(Post.account_id == _id(query.account_id, "account_id"))
    if query.series_id:
        conditions.append(Post.series_id == _id(query.series_id, "series_id"))
    if query.media_id:
        # JSONB containment: a post whose media list holds an entry with this media_id.
        conditions.append(Post.media.contains([{"media_id": str(_id(query.media_id, "media_id"))}]))
    if query.post_types:
        conditions.append(Post.post_type.in_(query.post_types))
    tags = [t.strip().lower() for t in query.tags if t.strip()]
    if tags:
        wanted = cast(tags, ARRAY(Text))
        conditions.append(
            Post.tags.contains(wanted) if query.tags_mode == "all" else Post.tags.overlap(wanted)
        )
    if query.text.strip():
        conditions.append(Post.search_vector.op("@@")(func.websearch_to_tsquery(SEARCH_CONFIG, query.text)))
    for column, low, high in (
        (Post.created_at, query.created_from, query.created_to),
        (Post.scheduled_for, query.scheduled_from, query.scheduled_to),
    ):
        if low is not None:
            conditions.append(column >= low)
        if high is not None:
            conditions.append(column < high)
    if query.cursor:
        conditions.append(_after_cursor(query))

    column = SORTS[query.sort]
    direction = (lambda c: c.asc()) if query.order == "asc" else (lambda c: c.desc())
    statement = (
        select(Post).where(*conditions).order_by(_ordering(query), direction(Post.id)).limit(query.limit + 1)
    )
    async with db.reading() as session:
        rows = list(await session.scalars(statement))
    page = rows[: query.limit]
    return Page(page, encode_cursor(query, page[-1]) if len(rows) > query.limit else None)
