"""The media library: one item, a filtered page of items, metadata changes, deletion."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import or_, select, update

from lib.common import cursors
from lib.common.db import Database
from lib.common.errors import Violation, invalid, not_found
from services.media.models import MediaFile

KINDS = ("image", "video")
MAX_TEXT = 2200
MAX_TAGS = 30


def _id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as exc:
        raise not_found("Media") from exc


async def get(db: Database, *, user_id: uuid.UUID, media_id: str) -> MediaFile:
    async with db.reading() as session:
        row = await session.scalar(
            select(MediaFile).where(
                MediaFile.id == _id(media_id), MediaFile.user_id == user_id, MediaFile.deleted_at.is_(None)
            )
        )
    if row is None:
        raise not_found("Media")
    return row


async def several(db: Database, *, user_id: uuid.UUID, media_ids: list[str]) -> dict[str, MediaFile]:
    """The user's items among media_ids (deleted ones and others' are simply absent)."""
    wanted = set()
    for value in media_ids:
        try:
            wanted.add(uuid.UUID(value))
        except ValueError:
            continue
    if not wanted:
        return {}
    async with db.reading() as session:
        rows = await session.scalars(
            select(MediaFile).where(
                MediaFile.id.in_(wanted), MediaFile.user_id == user_id, MediaFile.deleted_at.is_(None)
            )
        )
        return {str(row.id): row for row in rows}


async def by_filename(db: Database, *, user_id: uuid.UUID, filenames: list[str]) -> dict[str, MediaFile]:
    """The user's newest item (not deleted) of each file name; names without one are absent.
    A post may name its media the way the brief's clients do: "beach.jpg"."""
    wanted = {name for name in filenames if name}
    if not wanted:
        return {}
    async with db.reading() as session:
        rows = await session.scalars(
            select(MediaFile)
            .where(
                MediaFile.user_id == user_id,
                MediaFile.deleted_at.is_(None),
                MediaFile.filename.in_(wanted),
            )
            .order_by(MediaFile.created_at.desc())
        )
        found: dict[str, MediaFile] = {}
        for row in rows:
            found.setdefault(row.filename, row)
        return found


async def page(
    db: Database,
    *,
    user_id: uuid.UUID,
    kind: str,
    tag: str,
    text: str,
    cursor: str,
    limit: int,
    max_limit: int,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
) -> cursors.Page[MediaFile]:
    problems = []
    if kind and kind not in KINDS:
        problems.append(Violation("kind", f"must be one of {', '.join(KINDS)}"))
    if not 1 <= limit <= max_limit:
        problems.append(Violation("limit", f"must be between 1 and {max_limit}"))
    if created_from and created_to and created_to <= created_from:
        problems.append(Violation("created_to", "must be after created_from"))
    if problems:
        raise invalid(problems)
    conditions = [MediaFile.user_id == user_id, MediaFile.deleted_at.is_(None)]
    if created_from:
        conditions.append(MediaFile.created_at >= created_from)
    if created_to:
        conditions.append(MediaFile.created_at < created_to)
    if kind:
        conditions.append(MediaFile.kind == kind)
    if tag.strip():
        conditions.append(MediaFile.tags.contains([tag.strip().lower()]))
    if text.strip():
        pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(
                MediaFile.filename.ilike(pattern),
                MediaFile.description.ilike(pattern),
                MediaFile.alt_text.ilike(pattern),
            )
        )
    async with db.reading() as session:
        return await cursors.newest_first(session, MediaFile, conditions, cursor, limit)


async def change(
    db: Database,
    *,
    user_id: uuid.UUID,
    media_id: str,
    description: str | None,
    alt_text: str | None,
    tags: list[str] | None,
) -> MediaFile:
    problems, values = [], {}
    for name, value in (("description", description), ("alt_text", alt_text)):
        if value is not None:
            if len(value) > MAX_TEXT:
                problems.append(Violation(name, f"must be at most {MAX_TEXT} characters"))
            values[name] = value
    if tags is not None:
        cleaned = list(dict.fromkeys(t.strip().lower() for t in tags if t.strip()))
        if len(cleaned) > MAX_TAGS or any(len(t) > 100 for t in cleaned):
            problems.append(Violation("tags", f"at most {MAX_TAGS} tags of at most 100 characters"))
        values["tags"] = cleaned
    if problems:
        raise invalid(problems)
    current = await get(db, user_id=user_id, media_id=media_id)
    if not values:
        return current
    async with db.transaction() as session:
        return await session.scalar(
            update(MediaFile)
            .where(MediaFile.id == current.id)
            .values(**values, updated_at=datetime.now(UTC))
            .returning(MediaFile)
        )


async def remove(db: Database, *, user_id: uuid.UUID, media_id: str) -> MediaFile:
    """Out of the library; the stored files stay until a clean-up removes them (posts
    published with them keep working)."""
    current = await get(db, user_id=user_id, media_id=media_id)
    async with db.transaction() as session:
        return await session.scalar(
            update(MediaFile)
            .where(MediaFile.id == current.id)
            .values(deleted_at=datetime.now(UTC), updated_at=datetime.now(UTC))
            .returning(MediaFile)
        )
