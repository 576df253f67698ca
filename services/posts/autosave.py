"""Auto-saved work in progress: cheap to write often, turned into a version on commit."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert

from lib.common.db import Database
from lib.common.errors import conflict, invalid_field
from services.posts import store
from services.posts.content import Content
from services.posts.models import Autosave

# Generous: an autosave must never refuse what a person typed, only absurd payloads.
MAX_AUTOSAVE_CAPTION = 20_000


@dataclass
class Draft:
    content: Content
    base_version: int
    saved_at: datetime


async def _load(db: Database, user_id: uuid.UUID, post_id: uuid.UUID):
    async with db.reading() as session:
        post = await store.load(session, user_id=user_id, post_id=post_id)
        return post, await session.get(Autosave, post_id)


async def save(
    *,
    db: Database,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    changes: Content,
    changed_fields: list[str],
    base_version: int,
) -> Draft:
    """Store the draft as typed; Instagram's rules are checked only when it is committed.

    Fields not sent keep the value of the existing draft, else of the post.
    """
    if len(changes.caption) > MAX_AUTOSAVE_CAPTION:
        raise invalid_field("caption", f"must be at most {MAX_AUTOSAVE_CAPTION} characters")
    post, existing = await _load(db, user_id, post_id)
    if post.deleted_at is not None:
        raise conflict("post_deleted", "The post is deleted; restore it before editing it")
    if existing is not None:
        current, draft_base = Content.from_dict(existing.content), existing.base_version
    else:
        current, draft_base = store.content_of(post), post.version
    content = store.merged(current, changes, changed_fields)
    base_version = base_version or draft_base
    saved_at = store.now()
    statement = insert(Autosave).values(
        post_id=post_id,
        user_id=user_id,
        content=content.as_dict(),
        base_version=base_version,
        saved_at=saved_at,
    )
    async with db.autocommit() as connection:
        await connection.execute(
            statement.on_conflict_do_update(
                index_elements=[Autosave.post_id],
                set_={
                    "content": statement.excluded.content,
                    "base_version": statement.excluded.base_version,
                    "saved_at": statement.excluded.saved_at,
                },
            )
        )
    return Draft(content, base_version, saved_at)


async def get(*, db: Database, user_id: uuid.UUID, post_id: uuid.UUID) -> Draft | None:
    _, row = await _load(db, user_id, post_id)
    if row is None:
        return None
    return Draft(Content.from_dict(row.content), row.base_version, row.saved_at)


async def discard(*, db: Database, user_id: uuid.UUID, post_id: uuid.UUID) -> None:
    await store.read(db, user_id=user_id, post_id=post_id)
    async with db.autocommit() as connection:
        await connection.execute(delete(Autosave).where(Autosave.post_id == post_id))


async def commit(
    *, db: Database, user_id: uuid.UUID, post_id: uuid.UUID, reason: str, may_publish: bool = True
) -> store.Saved:
    """Save the autosaved draft as the post's next version (it must pass the rules then)."""
    post, row = await _load(db, user_id, post_id)
    if row is None:
        raise conflict("no_autosave", "There is no autosaved draft to commit")
    store.ensure_editable(post, row.base_version)
    await store.ensure_writer_may_change(db, post, may_publish=may_publish)
    async with db.autocommit() as connection:
        version_before = post.version
        warnings = await store.write_version(
            db,
            connection,
            post,
            Content.from_dict(row.content),
            user_id=user_id,
            reason=reason or "autosave committed",
        )
        if post.version == version_before:
            # An unchanged draft leaves no version behind, but it is consumed all the same.
            await connection.execute(delete(Autosave).where(Autosave.post_id == post_id))
    return store.Saved(post, warnings)
