"""Transactional outbox: events written to PostgreSQL with the change they report, and
relayed to NATS JetStream by a background task.

A service used to commit, then publish; with NATS away at that moment the event ("the post
is published") was gone, and with it the live update, the notification, the email and the
webhook. Now the event is a row committed with the change; the relay publishes rows in
order and deletes them only once JetStream has stored them. A relay that dies between the
two publishes the row again, with the same Nats-Msg-Id, which JetStream stores once.
Several replicas share the table (claims use SKIP LOCKED).
"""

import asyncio
import contextlib
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Text, delete, func, insert, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from lib.common.db import Database
from lib.common.events import Event, EventPublisher, with_trace

log = logging.getLogger(__name__)


class OutboxEventColumns:
    """The columns of a service's outbox table (each service has one in its own schema)."""

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


BATCH = 100
# Rows left by another replica or before a restart are found at least this often.
# (A replica relays what it wrote at once; this is for what a stopped one left.)
POLL_SECONDS = 5.0
MAX_BACKOFF_SECONDS = 10.0


class Outbox:
    """`model`: the service's outbox table (id, message_id, subject, payload)."""

    def __init__(self, db: Database, model, publisher: EventPublisher) -> None:
        self._db = db
        self._model = model
        self._publisher = publisher
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None

    def _rows(self, events: list[Event]) -> list[dict[str, Any]]:
        # The trace the change was made in travels with the row to the relay (another task).
        return [
            {"message_id": e.message_id, "subject": e.subject, "payload": with_trace(e.to_json())}
            for e in events
        ]

    async def queue(self, session: AsyncSession, events: list[Event]) -> None:
        """Write events in the caller's transaction; call sent() after it commits."""
        if events:
            await session.execute(insert(self._model), self._rows(events))

    def sent(self) -> None:
        """Rows were committed: relay them now rather than at the next poll."""
        self._wake.set()

    async def publish(self, event: Event) -> None:
        """An event of its own (no change to commit with it): stored, then relayed."""
        async with self._db.transaction() as session:
            await self.queue(session, [event])
        self.sent()

    def start(self) -> None:
        self._task = asyncio.create_task(self._relay(), name="outbox-relay")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def relay_once(self) -> int:
        """Publish and remove up to a batch of rows, oldest first; how many went out. Rows
        whose publish fails stay (the transaction is rolled back)."""
        table = self._model.__table__
        async with self._db.transaction() as session:
            rows = (
                await session.execute(
                    select(table.c.id, table.c.payload)
                    .order_by(table.c.id)
                    .limit(BATCH)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            for row in rows:
                await self._publisher.publish_or_raise(row.payload)
            if rows:
                await session.execute(delete(table).where(table.c.id.in_([row.id for row in rows])))
        return len(rows)

    async def _relay(self) -> None:
        backoff = 0.0
        while True:
            self._wake.clear()
            try:
                if await self.relay_once() == BATCH:
                    continue
                backoff = 0.0
            except Exception as err:  # noqa: BLE001 - NATS or the database away: rows wait
                backoff = min(MAX_BACKOFF_SECONDS, backoff * 2 or 0.5)
                log.warning(
                    "outbox: events wait for NATS or the database (%r); again in %.1f s", err, backoff
                )
                await asyncio.sleep(backoff)
                continue
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(POLL_SECONDS):
                    await self._wake.wait()
