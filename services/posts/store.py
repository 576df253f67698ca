"""Creating, reading, changing, deleting and restoring posts; every content change is a version.

Reads go through the ORM; every write is one atomic statement from services.posts.writes,
guarded by the version it was based on (optimistic concurrency, no locks held).
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from lib.common.db import Database
from lib.common.errors import conflict, forbidden, not_found
from lib.post_status import CONTENT_LOCKED, ON_THE_CALENDAR, WAITING_TO_PUBLISH, PostStatus
from services.posts import approval_rules, rules, writes
from services.posts.content import CONTENT_FIELDS, Content
from services.posts.models import Autosave, Post, PostVersion


@dataclass
class Saved:
    post: Post
    warnings: list[rules.Warning] = field(default_factory=list)
    autosaved_at: datetime | None = None


def content_of(row: Post | PostVersion) -> Content:
    return Content(
        caption=row.caption,
        hashtags=list(row.hashtags),
        media=list(row.media),
        post_type=row.post_type,
        tags=list(row.tags),
        metadata=dict(row.meta),
        options=dict(row.options or {}),
    )


def merged(current: Content, changes: Content, changed_fields: list[str]) -> Content:
    """current with the named fields taken from changes."""
    result = Content.from_dict(current.as_dict())
    for name in changed_fields:
        if name in CONTENT_FIELDS:
            setattr(result, name, getattr(changes, name))
    return result


def now() -> datetime:
    return datetime.now(UTC)


def _show(post: Post, content: Content) -> None:
    """Make a loaded (detached) post show content, as the database now has it."""
    post.caption = content.caption
    post.hashtags = content.hashtags
    post.media = content.media
    post.post_type = content.post_type
    post.tags = content.tags
    post.meta = content.metadata
    post.options = content.options


async def load(session: AsyncSession, *, user_id: uuid.UUID, post_id: uuid.UUID) -> Post:
    """The user's post (deleted ones too); anyone else's is not found."""
    post = await session.scalar(select(Post).where(Post.id == post_id, Post.user_id == user_id))
    if post is None:
        raise not_found("Post")
    return post


async def read(db: Database, *, user_id: uuid.UUID, post_id: uuid.UUID) -> Post:
    async with db.reading() as session:
        return await load(session, user_id=user_id, post_id=post_id)


async def insert_post(
    connection: AsyncConnection,
    *,
    user_id: uuid.UUID,
    content: Content,
    reason: str,
    template_name: str | None = None,
    post_id: uuid.UUID | None = None,
    series_id: uuid.UUID | None = None,
) -> Post:
    """Insert a new draft and its first version."""
    moment = now()
    values: dict[str, Any] = {
        "id": post_id or uuid.uuid4(),
        "user_id": user_id,
        **writes.content_columns(content),
        "status": PostStatus.DRAFT,
        "version": 1,
        "template_name": template_name,
        "series_id": series_id,
        "created_at": moment,
        "updated_at": moment,
    }
    await connection.execute(
        writes.INSERT_POST, writes.insert_post_params(values, changed_by=user_id, reason=reason)
    )
    values["meta"] = values.pop("metadata")
    del values["search_text"]
    return Post(
        **values,
        scheduled_for=None,
        timezone=None,
        optimal_time_score=None,
        deleted_at=None,
        account_id=None,
        instagram_media_id=None,
        permalink=None,
        published_at=None,
        last_error=None,
    )


async def create(*, db: Database, user_id: uuid.UUID, content: Content, reason: str) -> Saved:
    content = content.normalised()
    warnings = rules.check(content)
    async with db.autocommit() as connection:
        post = await insert_post(connection, user_id=user_id, content=content, reason=reason or "created")
    return Saved(post, warnings)


async def get(*, db: Database, user_id: uuid.UUID, post_id: uuid.UUID, include_deleted: bool) -> Saved:
    async with db.reading() as session:
        row = (
            await session.execute(
                select(Post, Autosave.saved_at)
                .outerjoin(Autosave, Autosave.post_id == Post.id)
                .where(Post.id == post_id, Post.user_id == user_id)
            )
        ).first()
    if row is None or (row[0].deleted_at is not None and not include_deleted):
        raise not_found("Post")
    return Saved(row[0], autosaved_at=row[1])


def ensure_editable(post: Post, base_version: int) -> None:
    if post.deleted_at is not None:
        raise conflict("post_deleted", "The post is deleted; restore it before changing it")
    if post.status == PostStatus.PUBLISHING:
        raise conflict(
            "already_publishing",
            "The post is already publishing on Instagram, so this change was not saved. "
            "Keep it by duplicating the post and editing the copy",
        )
    if post.status in CONTENT_LOCKED:
        raise conflict("post_locked", f"The post is {post.status}; it can no longer be changed")

    if base_version != post.version:
        raise conflict(
            "version_conflict",
            f"The post changed since version {base_version}; it is now at version {post.version}. "
            "Reload it, reapply your change, and save again",
            current_version=str(post.version),
        )


async def ensure_writer_may_change(db: Database, post: Post, *, may_publish: bool) -> None:
    """A writer who may not schedule or publish (a contributor) changes a post on its way out
    only where the workspace requires approval for it: there the change voids the approval,
    and nothing goes out until an editor approves again. Elsewhere it would change what goes
    out, which is not theirs to do."""
    if may_publish or post.status not in WAITING_TO_PUBLISH:
        return
    if (await approval_rules.rule_of(db, post.user_id)).applies_to(post.account_id):
        return
    raise forbidden(
        "A contributor cannot change a scheduled post here (that would change what goes out): "
        "ask an editor, have it unscheduled, or have the workspace require approvals"
    )


async def write_version(
    db: Database,
    connection: AsyncConnection,
    post: Post,
    content: Content,
    *,
    user_id: uuid.UUID,
    reason: str,
) -> list[rules.Warning]:
    """Validate content and save it as the version after post's; post then shows it.

    Content equal to the post's writes nothing. The autosaved draft is discarded.
    """
    content = content.normalised()
    warnings = rules.check(content, to_publish=post.status in ON_THE_CALENDAR)
    if content == content_of(post):
        return warnings
    moment = now()
    written = await connection.execute(
        writes.SAVE_VERSION,
        writes.save_version_params(
            post_id=post.id,
            user_id=user_id,
            base_version=post.version,
            content=content,
            changed_by=user_id,
            reason=reason,
            now=moment,
        ),
    )
    if written.first() is None:
        # Changed, deleted or locked since it was read: say which.
        ensure_editable(await read(db, user_id=user_id, post_id=post.id), post.version)
        raise conflict("version_conflict", "The post changed while saving; reload it and save again")
    _show(post, content)
    post.version += 1
    post.updated_at = moment
    return warnings


async def update(
    *,
    db: Database,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    base_version: int,
    changes: Content,
    changed_fields: list[str],
    reason: str,
    may_publish: bool = True,
) -> Saved:
    """Replace the named content fields, if the post is still at base_version."""
    post = await read(db, user_id=user_id, post_id=post_id)
    ensure_editable(post, base_version)
    await ensure_writer_may_change(db, post, may_publish=may_publish)
    content = merged(content_of(post), changes, changed_fields)
    async with db.autocommit() as connection:
        warnings = await write_version(
            db, connection, post, content, user_id=user_id, reason=reason or "edited"
        )
    return Saved(post, warnings)


def deletion_problem(post: Post, deleted: bool):
    """Why post cannot be soft-deleted (deleted=True) or restored, or None."""
    if deleted and post.deleted_at is not None:
        return conflict("already_deleted", "The post is already deleted")
    if deleted and post.status == PostStatus.PUBLISHING:
        return conflict("post_locked", "The post is being published right now; it cannot be deleted")
    if not deleted and post.deleted_at is None:
        return conflict("not_deleted", "The post is not deleted")
    return None


async def set_deleted(*, db: Database, user_id: uuid.UUID, post_id: uuid.UUID, deleted: bool) -> Post:
    """Soft-delete a post (all versions kept) or bring it back."""
    post = await read(db, user_id=user_id, post_id=post_id)
    problem = deletion_problem(post, deleted)
    if problem:
        raise problem
    moment = now()
    async with db.autocommit() as connection:
        changed = await connection.execute(
            writes.SOFT_DELETE if deleted else writes.RESTORE,
            writes.set_deleted_params(post_ids=[post_id], user_id=user_id, now=moment),
        )
        if changed.first() is None:
            raise deletion_problem(await read(db, user_id=user_id, post_id=post_id), deleted) or conflict(
                "changed", "The post changed meanwhile; try again"
            )
    post.deleted_at = moment if deleted else None
    post.updated_at = moment
    return post
