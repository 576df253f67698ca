"""A post's version history: list, read, compare, and bring an old version back."""

import difflib
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from lib.common.db import Database
from lib.common.errors import not_found
from services.posts import store
from services.posts.content import CONTENT_FIELDS
from services.posts.models import PostVersion


@dataclass
class FieldChange:
    field: str
    before: object
    after: object
    added: list | None = None
    removed: list | None = None
    text_diff: str = ""


async def list_versions(*, db: Database, user_id: uuid.UUID, post_id: uuid.UUID) -> list[PostVersion]:
    async with db.reading() as session:
        await store.load(session, user_id=user_id, post_id=post_id)
        rows = await session.scalars(
            select(PostVersion).where(PostVersion.post_id == post_id).order_by(PostVersion.version.desc())
        )
        return list(rows)


async def _version(session, post_id: uuid.UUID, number: int) -> PostVersion:
    row = await session.scalar(
        select(PostVersion).where(PostVersion.post_id == post_id, PostVersion.version == number)
    )
    if row is None:
        raise not_found(f"Version {number}")
    return row


async def get_version(*, db: Database, user_id: uuid.UUID, post_id: uuid.UUID, number: int) -> PostVersion:
    async with db.reading() as session:
        await store.load(session, user_id=user_id, post_id=post_id)
        return await _version(session, post_id, number)


async def diff(
    *, db: Database, user_id: uuid.UUID, post_id: uuid.UUID, from_number: int, to_number: int
) -> list[FieldChange]:
    async with db.reading() as session:
        await store.load(session, user_id=user_id, post_id=post_id)
        before = store.content_of(await _version(session, post_id, from_number)).as_dict()
        after = store.content_of(await _version(session, post_id, to_number)).as_dict()
    return [change for name in CONTENT_FIELDS if (change := _compare(name, before[name], after[name]))]


def _compare(name: str, before, after) -> FieldChange | None:
    if before == after:
        return None
    change = FieldChange(name, before, after)
    if isinstance(before, list):
        key = json.dumps
        before_keys, after_keys = {key(v) for v in before}, {key(v) for v in after}
        change.added = [v for v in after if key(v) not in before_keys]
        change.removed = [v for v in before if key(v) not in after_keys]
    if isinstance(before, str) and name == "caption":
        # Lines without their ends, joined after: a last line with no newline of its own
        # (most captions) would otherwise run into the next line of the diff.
        change.text_diff = "\n".join(
            difflib.unified_diff(
                before.splitlines() or [""],
                after.splitlines() or [""],
                fromfile="caption",
                tofile="caption",
                lineterm="",
            )
        )
    return change


async def restore_version(
    *,
    db: Database,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    number: int,
    base_version: int,
    may_publish: bool = True,
) -> store.Saved:
    """Make an old version's content current again, as a new version."""
    async with db.reading() as session:
        post = await store.load(session, user_id=user_id, post_id=post_id)
        store.ensure_editable(post, base_version)
        old = await _version(session, post_id, number)
    await store.ensure_writer_may_change(db, post, may_publish=may_publish)
    async with db.autocommit() as connection:
        warnings = await store.write_version(
            db, connection, post, store.content_of(old), user_id=user_id, reason=f"restored version {number}"
        )
    return store.Saved(post, warnings)
