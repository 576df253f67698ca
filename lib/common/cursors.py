"""Opaque page cursors for lists ordered newest first by (created_at, id)."""

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lib.common.errors import invalid_field

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One page of a list, and the cursor of the next page (None on the last)."""

    items: list[T]
    next_cursor: str | None = None


def encode(created_at: datetime, row_id: uuid.UUID) -> str:
    raw = json.dumps({"t": created_at.isoformat(), "id": str(row_id)})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime, uuid.UUID]:
    """The (created_at, id) the previous page ended at; a 422 on `cursor` if it is not one."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return datetime.fromisoformat(raw["t"]), uuid.UUID(raw["id"])
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise invalid_field("cursor", "is not a cursor this API returned") from exc


def older_than(created_column, id_column, cursor: str):
    """The SQL condition for rows after the cursor, newest first."""
    created, last = decode(cursor)
    return (created_column < created) | ((created_column == created) & (id_column < last))


async def newest_first(session: AsyncSession, model, conditions: list, cursor: str, limit: int) -> Page:
    """One page of `model` rows matching `conditions`, newest first by (created_at, id),
    after `cursor`; with the cursor of the next page ('' on the last)."""
    if cursor:
        conditions = [*conditions, older_than(model.created_at, model.id, cursor)]
    rows = list(
        await session.scalars(
            select(model)
            .where(*conditions)
            .order_by(model.created_at.desc(), model.id.desc())
            .limit(limit + 1)
        )
    )
    if len(rows) <= limit:
        return Page(rows)
    rows = rows[:limit]
    return Page(rows, encode(rows[-1].created_at, rows[-1].id))
