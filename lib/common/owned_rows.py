"""Rows a user owns, named uniquely among theirs (campaigns, schedule templates): created
under a per-user cap, then read, replaced and deleted by id. Another user's id answers as
not found; a name already taken answers `taken()` (a 409)."""

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from lib.common.db import Database
from lib.common.errors import ServiceError, invalid_field, not_found


async def create(
    db: Database,
    model: Any,
    *,
    user_id: uuid.UUID,
    values: dict,
    limit: int,
    taken: Callable[[], ServiceError],
) -> Any:
    try:
        async with db.transaction() as session:
            count = await session.scalar(select(func.count()).where(model.user_id == user_id))
            if count >= limit:
                raise invalid_field("name", f"at most {limit} of these; delete old ones first")
            row = model(user_id=user_id, **values)
            session.add(row)
            await session.flush()
            await session.refresh(row)
            return row
    except IntegrityError as exc:
        raise taken() from exc


async def read(db: Database, model: Any, *, user_id: uuid.UUID, row_id: uuid.UUID, what: str) -> Any:
    async with db.reading() as session:
        found = await session.scalar(select(model).where(model.id == row_id, model.user_id == user_id))
    if found is None:
        raise not_found(what)
    return found


async def replace(
    db: Database,
    model: Any,
    *,
    user_id: uuid.UUID,
    row_id: uuid.UUID,
    values: dict,
    what: str,
    taken: Callable[[], ServiceError],
) -> Any:
    try:
        async with db.transaction() as session:
            found = await session.scalar(
                update(model)
                .where(model.id == row_id, model.user_id == user_id)
                .values(**values, updated_at=func.now())
                .returning(model)
            )
    except IntegrityError as exc:
        raise taken() from exc
    if found is None:
        raise not_found(what)
    return found


async def remove(db: Database, model: Any, *, user_id: uuid.UUID, row_id: uuid.UUID, what: str) -> Any:
    async with db.transaction() as session:
        found = await session.scalar(
            delete(model).where(model.id == row_id, model.user_id == user_id).returning(model)
        )
    if found is None:
        raise not_found(what)
    return found
