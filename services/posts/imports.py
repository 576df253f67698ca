"""A CSV import, kept: the file's rows as checked (csv_import.py), then turned into posts a
batch at a time by ImportPostsWorkflow (workflows/imports/), each row's outcome recorded.

Once, whatever happens: the same file (with the same zone and choice) in the same
workspace is the same import, so starting it twice returns the first; a row's post has an
id derived from the import and the row, and is made in the transaction that records the
row's outcome, so a batch retried after a crash makes no second post."""

import hashlib
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

import grpc
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from lib.common.db import Database
from lib.common.errors import ServiceError, Violation, invalid, not_found
from lib.common.events import ImportProgress
from lib.common.outbox import Outbox
from protos import scheduler_pb2, scheduler_pb2_grpc
from services.posts import store
from services.posts.content import Content
from services.posts.csv_import import Checked
from services.posts.models import Import, ImportRow, Post

# Where a row stands: waiting, its post made (scheduling next), then how it ended.
PENDING, CREATED = "pending", "created"
ENDED = ("scheduled", "planned", "draft", "failed", "skipped")
IMPORTED = ("scheduled", "planned", "draft")
MAX_LISTED = 50


@dataclass
class Counts:
    total: int
    processed: int
    imported: int
    failed: int
    skipped: int


@dataclass
class ToSchedule:
    row: int
    post_id: uuid.UUID
    local_time: str
    zone: str
    account_id: str


def content_hash(text: str, zone: str, schedule: bool) -> str:
    return hashlib.sha256(f"{zone}\n{schedule}\n{text.removeprefix(chr(0xFEFF))}".encode()).hexdigest()


def post_id_of(import_id: uuid.UUID, row: int) -> uuid.UUID:
    return uuid.uuid5(import_id, f"row-{row}")


async def find(db: Database, *, user_id: uuid.UUID, text: str, zone: str, schedule: bool) -> Import | None:
    """The import this file (with this zone and choice) made before, if any."""
    async with db.reading() as session:
        return await session.scalar(
            select(Import).where(
                Import.user_id == user_id, Import.content_hash == content_hash(text, zone, schedule)
            )
        )


async def create(
    db: Database,
    *,
    checked: Checked,
    user_id: uuid.UUID,
    actor_id: uuid.UUID,
    text: str,
    zone: str,
    schedule: bool,
    filename: str,
) -> tuple[Import, bool]:
    """(the import, whether it was made before: this file was started already)."""
    if checked.problems:
        raise invalid([Violation(f"csv.{p.column}", p.message) for p in checked.problems])
    if not checked.valid:
        raise invalid([Violation("csv", "no row can be imported; the dry run names each row's problems")])
    digest = content_hash(text, zone, schedule)
    async with db.transaction() as session:
        made = await session.scalar(
            insert(Import)
            .values(
                user_id=user_id,
                created_by=actor_id,
                content_hash=digest,
                filename=filename[:200],
                timezone=zone,
                schedule=schedule,
                status="pending",
                total=len(checked.rows),
            )
            .on_conflict_do_nothing(index_elements=[Import.user_id, Import.content_hash])
            .returning(Import.id)
        )
        if made is None:
            found = await session.scalar(
                select(Import).where(Import.user_id == user_id, Import.content_hash == digest)
            )
            return found, True
        await session.execute(
            insert(ImportRow),
            [
                {
                    "import_id": made,
                    "row": row.row,
                    "data": row.data(),
                    "problems": [{"column": p.column, "message": p.message} for p in row.problems],
                    "outcome": PENDING if row.ok else "skipped",
                    "message": "; ".join(f"{p.column}: {p.message}" for p in row.problems),
                }
                for row in checked.rows
            ],
        )
        return await session.get(Import, made), False


async def start(
    scheduler: scheduler_pb2_grpc.SchedulerStub, *, user_id: uuid.UUID, import_id: uuid.UUID
) -> None:
    """Have the scheduler start the import's workflow (once: a started one is left as it
    is). The import stays kept when it cannot: sending the same file again starts it."""
    try:
        await scheduler.StartImport(
            scheduler_pb2.StartImportRequest(user_id=str(user_id), import_id=str(import_id)), timeout=10
        )
    except grpc.aio.AioRpcError as err:
        raise ServiceError(
            "unavailable",
            "import_not_started",
            "The import is kept but could not start now; send the same file again to start it",
        ) from err


async def start_import(
    db: Database,
    scheduler: scheduler_pb2_grpc.SchedulerStub,
    *,
    check: Callable[[], Awaitable[Checked]],
    user_id: uuid.UUID,
    actor_id: uuid.UUID,
    text: str,
    zone: str,
    schedule: bool,
    filename: str,
) -> tuple[Import, bool]:
    """(the import of this file, whether it was made before). A file imported before is not
    checked again (its times may be past by now): that import is the answer, started if its
    first start did not happen."""
    job = await find(db, user_id=user_id, text=text, zone=zone, schedule=schedule)
    repeated = job is not None
    if job is None:
        job, repeated = await create(
            db,
            checked=await check(),
            user_id=user_id,
            actor_id=actor_id,
            text=text,
            zone=zone,
            schedule=schedule,
            filename=filename,
        )
    if job.status == "pending":
        await start(scheduler, user_id=user_id, import_id=job.id)
    return job, repeated


def _counts(total: int, by: dict[str, int]) -> Counts:
    return Counts(
        total=total,
        processed=sum(by.get(o, 0) for o in ENDED),
        imported=sum(by.get(o, 0) for o in IMPORTED),
        failed=by.get("failed", 0),
        skipped=by.get("skipped", 0),
    )


async def _outcomes(session, import_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, int]]:
    """import id -> outcome -> rows, in one query."""
    found: dict[uuid.UUID, dict[str, int]] = {i: {} for i in import_ids}
    rows = await session.execute(
        select(ImportRow.import_id, ImportRow.outcome, func.count())
        .where(ImportRow.import_id.in_(import_ids))
        .group_by(ImportRow.import_id, ImportRow.outcome)
    )
    for import_id, outcome, n in rows:
        found[import_id][outcome] = n
    return found


async def counts(session, import_id: uuid.UUID, total: int) -> Counts:
    return _counts(total, (await _outcomes(session, [import_id]))[import_id])


async def _announce(events: Outbox, session, job: Import, status: str) -> None:
    now = await counts(session, job.id, job.total)
    await events.queue(
        session,
        [
            ImportProgress(
                user_id=str(job.user_id),
                import_id=str(job.id),
                status=status,
                total=now.total,
                processed=now.processed,
                imported=now.imported,
                failed=now.failed,
                skipped=now.skipped,
            )
        ],
    )


async def _job(session, import_id: uuid.UUID, user_id: uuid.UUID | None = None) -> Import:
    job = await session.get(Import, import_id, with_for_update=True)
    if job is None or (user_id is not None and job.user_id != user_id):
        raise not_found("Import")
    return job


def _post_columns(data: dict, *, schedule: bool) -> tuple[dict, str]:
    """(the post's columns besides its content, the row's outcome once the post is made)."""
    columns: dict = {}
    if data["campaign_id"]:
        columns["campaign_id"] = uuid.UUID(data["campaign_id"])
    if data["account_id"]:
        columns["account_id"] = uuid.UUID(data["account_id"])
    if not data["at"]:
        return columns, "draft"
    # On the calendar at its time from the start: a planned draft, scheduled next.
    columns |= {"scheduled_for": datetime.fromisoformat(data["at"]), "timezone": data["zone"]}
    return columns, CREATED if schedule else "planned"


async def advance(
    db: Database, events: Outbox, *, import_id: uuid.UUID, limit: int
) -> tuple[uuid.UUID, list[ToSchedule]]:
    """Make the posts of the next `limit` waiting rows: (the import's workspace, the rows
    whose post is made and is to be scheduled now, those of an earlier attempt too)."""
    async with db.transaction() as session:
        job = await _job(session, import_id)
        job.status = "running"
        rows = (
            await session.scalars(
                select(ImportRow)
                .where(ImportRow.import_id == import_id, ImportRow.outcome == PENDING)
                .order_by(ImportRow.row)
                .limit(limit)
            )
        ).all()
        connection = await session.connection()
        for row in rows:
            post_id = post_id_of(import_id, row.row)
            await store.insert_post(
                connection,
                user_id=job.user_id,
                content=Content.from_dict(row.data["content"]),
                reason=f"imported from {job.filename or 'a CSV file'}, row {row.row}",
                post_id=post_id,
            )
            columns, row.outcome = _post_columns(row.data, schedule=job.schedule)
            if columns:
                await session.execute(update(Post).where(Post.id == post_id).values(**columns))
            row.post_id = post_id
        await session.flush()
        await _announce(events, session, job, "running")
        waiting = (
            await session.scalars(
                select(ImportRow)
                .where(ImportRow.import_id == import_id, ImportRow.outcome == CREATED)
                .order_by(ImportRow.row)
            )
        ).all()
    events.sent()
    return job.user_id, [
        ToSchedule(r.row, r.post_id, r.data["local_time"], r.data["zone"], r.data["account_id"])
        for r in waiting
    ]


async def record(
    db: Database, events: Outbox, *, import_id: uuid.UUID, outcomes: list[tuple[int, str, str]]
) -> bool:
    """Record scheduled rows' outcomes ((row, scheduled or failed, why)); True once every row
    has ended (the import is then done)."""
    async with db.transaction() as session:
        job = await _job(session, import_id)
        for row, outcome, message in outcomes:
            await session.execute(
                update(ImportRow)
                .where(ImportRow.import_id == import_id, ImportRow.row == row, ImportRow.outcome == CREATED)
                .values(outcome=outcome if outcome in ENDED else "failed", message=message[:1000])
            )
        left = await session.scalar(
            select(func.count())
            .select_from(ImportRow)
            .where(ImportRow.import_id == import_id, ImportRow.outcome.in_([PENDING, CREATED]))
        )
        if not left and job.status != "done":
            job.status, job.finished_at = "done", store.now()
        await _announce(events, session, job, job.status)
    events.sent()
    return not left


async def get(
    db: Database, *, user_id: uuid.UUID, import_id: uuid.UUID
) -> tuple[Import, Counts, list[ImportRow]]:
    async with db.reading() as session:
        job = await session.get(Import, import_id)
        if job is None or job.user_id != user_id:
            raise not_found("Import")
        rows = (
            await session.scalars(
                select(ImportRow).where(ImportRow.import_id == import_id).order_by(ImportRow.row)
            )
        ).all()
        return job, await counts(session, import_id, job.total), list(rows)


async def list_of(db: Database, *, user_id: uuid.UUID) -> list[tuple[Import, Counts]]:
    async with db.reading() as session:
        jobs = (
            await session.scalars(
                select(Import)
                .where(Import.user_id == user_id)
                .order_by(Import.created_at.desc())
                .limit(MAX_LISTED)
            )
        ).all()
        by = await _outcomes(session, [job.id for job in jobs])
        return [(job, _counts(job.total, by[job.id])) for job in jobs]
