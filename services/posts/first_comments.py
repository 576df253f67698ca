"""A published post's first comment, its own step after the publish: pending while the step
runs, then posted or failed; a failed one is pending again when the person retries it. It
never touches the post's own status: a failed comment never fails (or repeats) the post."""

import uuid

from sqlalchemy import update

from lib.common.db import Database
from lib.common.errors import conflict, invalid_field
from lib.common.events import FirstCommentChanged
from lib.common.outbox import Outbox
from lib.post_status import PostStatus
from services.posts import store
from services.posts.models import Post

# Each status and the ones it may follow ("" : the post has just published).
MAY_FOLLOW = {
    "pending": ("", "pending", "failed"),
    "posted": ("pending",),
    "failed": ("pending",),
}
MAX_ERROR = 1000


async def record(
    *,
    db: Database,
    events: Outbox,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    status: str,
    comment_id: str = "",
    error: str = "",
) -> Post:
    if status not in MAY_FOLLOW:
        raise invalid_field("status", f"must be one of {', '.join(MAY_FOLLOW)}")
    post = await store.read(db, user_id=user_id, post_id=post_id)
    if post.status != PostStatus.PUBLISHED or not (post.options or {}).get("first_comment"):
        raise conflict("no_first_comment", "Only a published post with a first comment has one to post")
    if post.first_comment_status == status == "posted":
        return post  # told twice (a retried activity): once is enough
    values: dict = {"first_comment_status": status, "first_comment_at": store.now()}
    if status == "pending":
        values |= {"first_comment_attempts": Post.first_comment_attempts + 1, "first_comment_error": None}
    elif status == "posted":
        values |= {"first_comment_id": comment_id or None, "first_comment_error": None}
    else:
        values["first_comment_error"] = (error or "The first comment could not be posted")[:MAX_ERROR]
    announce = FirstCommentChanged(
        user_id=str(user_id),
        post_id=str(post_id),
        status=status,
        comment_id=comment_id,
        error=values.get("first_comment_error") or "",
    )
    async with db.transaction() as session:
        changed = await session.scalar(
            update(Post)
            .where(
                Post.id == post_id,
                Post.user_id == user_id,
                Post.first_comment_status.in_(MAY_FOLLOW[status]),
            )
            .values(**values)
            .returning(Post),
            execution_options={"synchronize_session": False},
        )
        if changed is not None:
            await events.queue(session, [announce])
    if changed is None:
        raise conflict(
            "first_comment_state",
            f"The first comment is {post.first_comment_status or 'not started'}; it cannot become {status}",
        )
    events.sent()
    return changed
