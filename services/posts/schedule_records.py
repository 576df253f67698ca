"""What the posts say of their schedules, for the scheduler's reconciler
(services/scheduler/reconciler.py): by id, deleted posts included, or every post scheduled
or publishing, a page at a time in id order."""

from sqlalchemy import select

from lib.common.db import Database
from lib.common.errors import invalid_field
from lib.common.ids import parse_id
from lib.post_status import ON_THE_CALENDAR
from services.posts.models import Post

MAX_RECORDS = 500


async def listed(db: Database, *, post_ids: list[str], after_id: str, limit: int) -> tuple[list[Post], str]:
    """(posts, the id to ask after for the next page, or "" on the last page)."""
    if len(post_ids) > MAX_RECORDS:
        raise invalid_field("post_ids", f"at most {MAX_RECORDS} at once, not {len(post_ids)}")
    if not 0 <= limit <= MAX_RECORDS:
        raise invalid_field("limit", f"must be between 1 and {MAX_RECORDS}")
    limit = limit or MAX_RECORDS
    query = select(Post).order_by(Post.id)
    if post_ids:
        query = query.where(Post.id.in_([parse_id(one, "Post") for one in post_ids]))
    else:
        query = query.where(Post.status.in_(ON_THE_CALENDAR), Post.deleted_at.is_(None)).limit(limit)
        if after_id:
            query = query.where(Post.id > parse_id(after_id, "Post"))
    async with db.reading() as session:
        rows = list(await session.scalars(query))
    full_page = not post_ids and len(rows) == limit
    return rows, str(rows[-1].id) if full_page else ""
