"""One change of a post's schedule at a time, across scheduler replicas.

Two clicks on Schedule arrive together: both would pass the "already scheduled" check, one
would start the workflow and the other, refused by Temporal, would undo the winner's
marking. So each change first claims the post (a row with a short lease, no connection
held while it works); a change that finds the post claimed is told it is being scheduled
right now (409), and nothing of the first is touched.
"""

import contextlib
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert

from lib.common.db import Database
from lib.common.errors import conflict
from lib.common.ids import parse_id
from services.scheduler.models import ScheduleClaim

# Longer than a change can take (its calls time out within seconds).
LEASE = timedelta(seconds=60)


@contextlib.asynccontextmanager
async def claimed(db: Database, post_id: str):
    key, token, now = parse_id(post_id, "Post"), uuid.uuid4(), datetime.now(UTC)
    async with db.transaction() as session:
        got = await session.scalar(
            insert(ScheduleClaim)
            .values(post_id=key, token=token, until=now + LEASE)
            .on_conflict_do_update(
                index_elements=[ScheduleClaim.post_id],
                set_={"token": token, "until": now + LEASE},
                where=ScheduleClaim.until < now,
            )
            .returning(ScheduleClaim.token)
        )
    if got != token:
        raise in_progress(key)
    try:
        yield
    finally:
        async with db.transaction() as session:
            await session.execute(
                delete(ScheduleClaim).where(ScheduleClaim.post_id == key, ScheduleClaim.token == token)
            )


@contextlib.asynccontextmanager
async def claimed_some(db: Database, keys: list[uuid.UUID]):
    """Claim every post that is free, in one statement; yields the set claimed (a post being
    changed by another request is left out), released together at the end."""
    keys, token, now = sorted(set(keys)), uuid.uuid4(), datetime.now(UTC)
    if not keys:
        yield set()
        return
    async with db.transaction() as session:
        got = set(
            await session.scalars(
                insert(ScheduleClaim)
                .values([{"post_id": key, "token": token, "until": now + LEASE} for key in keys])
                .on_conflict_do_update(
                    index_elements=[ScheduleClaim.post_id],
                    set_={"token": token, "until": now + LEASE},
                    where=ScheduleClaim.until < now,
                )
                .returning(ScheduleClaim.post_id)
            )
        )
    try:
        yield got
    finally:
        async with db.transaction() as session:
            await session.execute(
                delete(ScheduleClaim).where(ScheduleClaim.post_id.in_(keys), ScheduleClaim.token == token)
            )


def in_progress(key: uuid.UUID):
    return conflict(
        "schedule_in_progress",
        f"Post {key}'s schedule is being changed right now; reload it",
        post_id=str(key),
    )


@contextlib.asynccontextmanager
async def claimed_all(db: Database, post_ids: list[str]):
    """Claim every post in one statement (a drag and drop of many): all of them, or none
    and a 409 naming one that is being changed."""
    keys = sorted({parse_id(p, "Post") for p in post_ids})
    async with claimed_some(db, keys) as got:
        if busy := [key for key in keys if key not in got]:
            raise in_progress(busy[0])
        yield
