"""Creating, reading, changing, deleting and restoring posts; every content change is a version."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete as sa_delete
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.db import Database
from services.common.errors import conflict, not_found
from services.posts import rules
from services.posts.content import CONTENT_FIELDS, Content
from services.posts.models import Autosave, Post, PostVersion

# Once Instagram has (or is about to have) the post, its content is history.
LOCKED_STATUSES = ("publishing", "published")


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
    )


def apply_content(post: Post, content: Content) -> None:
    post.caption = content.caption
    post.hashtags = content.hashtags
    post.media = content.media
    post.post_type = content.post_type
    post.tags = content.tags
    post.meta = content.metadata
    post.search_text = content.search_text()


def merged(current: Content, changes: Content, changed_fields: list[str]) -> Content:
    """current with the named fields taken from changes."""
    result = Content.from_dict(current.as_dict())
    for name in changed_fields:
        if name in CONTENT_FIELDS:
            setattr(result, name, getattr(changes, name))
    return result


def snapshot(post: Post, *, changed_by: uuid.UUID, reason: str) -> PostVersion:
    content = content_of(post)
    return PostVersion(
        post_id=post.id,
        version=post.version,
        caption=content.caption,
        hashtags=content.hashtags,
        media=content.media,
        post_type=content.post_type,
        tags=content.tags,
        meta=content.metadata,
        changed_by=changed_by,
        change_reason=reason,
    )


def now() -> datetime:
    return datetime.now(UTC)


async def load(
    session: AsyncSession, *, user_id: uuid.UUID, post_id: uuid.UUID, for_update: bool = False
) -> Post:
    """The user's post (deleted ones too); anyone else's is not found."""
    query = select(Post).where(Post.id == post_id, Post.user_id == user_id)
    if for_update:
        query = query.with_for_update()
    post = await session.scalar(query)
    if post is None:
        raise not_found("Post")
    return post


async def insert_post(
    session: AsyncSession,
    *,
    user_id: uuid.UUID,
    content: Content,
    reason: str,
    template_name: str | None = None,
) -> Post:
    """Add a new draft and its first version to the session."""
    post = Post(id=uuid.uuid4(), user_id=user_id, status="draft", version=1, template_name=template_name)
    apply_content(post, content)
    post.created_at = post.updated_at = now()
    session.add(post)
    session.add(snapshot(post, changed_by=user_id, reason=reason))
    return post


async def create(*, db: Database, user_id: uuid.UUID, content: Content, reason: str) -> Saved:
    content = content.normalised()
    warnings = rules.check(content)
    async with db.transaction() as session:
        post = await insert_post(session, user_id=user_id, content=content, reason=reason or "created")
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
    if post.status in LOCKED_STATUSES:
        raise conflict("post_locked", f"The post is {post.status}; it can no longer be changed")
    if base_version != post.version:
        raise conflict(
            "version_conflict",
            f"The post changed since version {base_version}; it is now at version {post.version}. "
            "Reload it, reapply your change, and save again",
            current_version=str(post.version),
        )


async def save_version(
    session: AsyncSession, post: Post, content: Content, *, user_id: uuid.UUID, reason: str
) -> list[rules.Warning]:
    """Validate content, write it to the post as the next version, and drop any autosave."""
    content = content.normalised()
    warnings = rules.check(content)
    if content == content_of(post):
        return warnings
    apply_content(post, content)
    post.version += 1
    post.updated_at = now()
    session.add(snapshot(post, changed_by=user_id, reason=reason))
    await drop_autosave(session, post.id)
    return warnings


async def drop_autosave(session: AsyncSession, post_id: uuid.UUID) -> None:
    await session.execute(sa_delete(Autosave).where(Autosave.post_id == post_id))


async def update(
    *,
    db: Database,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    base_version: int,
    changes: Content,
    changed_fields: list[str],
    reason: str,
) -> Saved:
    """Replace the named content fields, if the post is still at base_version."""
    async with db.transaction() as session:
        post = await load(session, user_id=user_id, post_id=post_id, for_update=True)
        ensure_editable(post, base_version)
        content = merged(content_of(post), changes, changed_fields)
        warnings = await save_version(session, post, content, user_id=user_id, reason=reason or "edited")
    return Saved(post, warnings)


async def soft_delete(session: AsyncSession, post: Post) -> None:
    if post.deleted_at is not None:
        raise conflict("already_deleted", "The post is already deleted")
    if post.status == "publishing":
        raise conflict("post_locked", "The post is being published right now; it cannot be deleted")
    post.deleted_at = post.updated_at = now()


async def restore(session: AsyncSession, post: Post) -> None:
    if post.deleted_at is None:
        raise conflict("not_deleted", "The post is not deleted")
    post.deleted_at = None
    post.updated_at = now()


async def delete(*, db: Database, user_id: uuid.UUID, post_id: uuid.UUID) -> Post:
    async with db.transaction() as session:
        post = await load(session, user_id=user_id, post_id=post_id, for_update=True)
        await soft_delete(session, post)
    return post


async def undelete(*, db: Database, user_id: uuid.UUID, post_id: uuid.UUID) -> Post:
    async with db.transaction() as session:
        post = await load(session, user_id=user_id, post_id=post_id, for_update=True)
        await restore(session, post)
    return post
