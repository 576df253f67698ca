"""Posts their author publishes by hand (options.publish_myself: what Meta's API cannot
publish, such as a story with stickers or links, music on a reel, a personal account). A
planned draft like any other on the calendar and the grid; at its time a reminder goes out
on the author's channels with its media and caption (the worker's ReminderWorkflow asks
for a round every POSTFLOW_REMINDER_INTERVAL_SECONDS); the author marks it done, which
records it published, or it is marked missed after POSTFLOW_REMINDER_MISSED_AFTER_HOURS."""

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select, update

from lib.common.db import Database
from lib.common.errors import conflict, not_found
from lib.common.events import PostStatusUpdate, ReminderChanged
from lib.common.outbox import Outbox
from lib.post_status import PostStatus
from services.posts import store
from services.posts.models import Post

DUE, DONE, MISSED = "due", "done", "missed"
BY_HAND = Post.options["publish_myself"].astext == "true"
PREVIEW = 300


async def send_due(
    db: Database, events: Outbox, *, now: datetime, missed_after: timedelta, limit: int
) -> tuple[int, int]:
    """Send the reminders whose time has come, and mark missed the ones left undone: (sent,
    missed). Each in the transaction that changes the post: a round run twice sends once."""
    async with db.transaction() as session:
        sent = (
            await session.execute(
                update(Post)
                .where(
                    Post.id.in_(
                        select(Post.id)
                        .where(
                            Post.status == PostStatus.DRAFT,
                            BY_HAND,
                            Post.deleted_at.is_(None),
                            Post.scheduled_for <= now,
                            Post.reminder_state == "",
                        )
                        .order_by(Post.scheduled_for)
                        .limit(limit)
                        .with_for_update(skip_locked=True)
                    )
                )
                .values(reminder_state=DUE, reminder_sent_at=now)
                .returning(Post.user_id, Post.id, Post.caption, Post.post_type, Post.scheduled_for)
            )
        ).all()
        missed = (
            await session.execute(
                update(Post)
                .where(
                    Post.status == PostStatus.DRAFT,
                    BY_HAND,
                    Post.reminder_state == DUE,
                    Post.reminder_sent_at <= now - missed_after,
                )
                .values(reminder_state=MISSED)
                .returning(Post.user_id, Post.id, Post.caption, Post.post_type, Post.scheduled_for)
            )
        ).all()
        announce = [
            ReminderChanged(
                user_id=str(user_id),
                post_id=str(post_id),
                state=state,
                post_type=post_type,
                caption=caption[:PREVIEW],
                scheduled_for=at.isoformat() if at else "",
            )
            for state, rows in ((DUE, sent), (MISSED, missed))
            for user_id, post_id, caption, post_type, at in rows
        ]
        if announce:
            await events.queue(session, announce)
    events.sent()
    return len(sent), len(missed)


async def mark_done(
    db: Database, events: Outbox, *, user_id: uuid.UUID, post_id: uuid.UUID, now: datetime
) -> Post:
    """The author published it by hand: recorded published (missed ones too: late is done)."""
    async with db.transaction() as session:
        post = await session.scalar(
            select(Post).where(Post.id == post_id, Post.user_id == user_id, Post.deleted_at.is_(None))
        )
        if post is None:
            raise not_found("Post")
        if not (post.options or {}).get("publish_myself"):
            raise conflict(
                "not_by_hand", "Postflow publishes this post; only a post you publish yourself is marked done"
            )
        if post.status != PostStatus.DRAFT:
            raise conflict("not_planned", f"The post is {post.status}; it was marked done already")
        if post.reminder_state not in (DUE, MISSED):
            raise conflict("not_due", "Its time has not come: mark it done once you have published it")
        post.status, post.published_at, post.updated_at = PostStatus.PUBLISHED, now, now
        post.reminder_state, post.reminder_done_at = DONE, now
        await events.queue(
            session,
            [
                PostStatusUpdate(
                    user_id=str(user_id),
                    post_id=str(post_id),
                    status=PostStatus.PUBLISHED,
                    previous_status=PostStatus.DRAFT,
                    metadata={"published_by": "hand"},
                ),
                ReminderChanged(
                    user_id=str(user_id), post_id=str(post_id), state=DONE, post_type=post.post_type
                ),
            ],
        )
    events.sent()
    return await store.read(db, user_id=user_id, post_id=post_id)
