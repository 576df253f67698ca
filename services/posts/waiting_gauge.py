"""The postflow_posts gauge: how many posts wait in each state on the way to Instagram
(scheduled, publishing, needs_reconcile), counted every few seconds by the posts service
(a partial index keeps the count to the waiting posts alone)."""

import asyncio
import contextlib
import logging

from sqlalchemy import text

from lib.common import metrics
from lib.common.db import Database
from lib.post_status import PostStatus

log = logging.getLogger(__name__)

WAITING = (PostStatus.SCHEDULED, PostStatus.PUBLISHING, PostStatus.NEEDS_RECONCILE)
COUNT = text(
    "SELECT status, count(*) FROM posts.posts "
    "WHERE status IN ('scheduled', 'publishing', 'needs_reconcile') AND deleted_at IS NULL "
    "GROUP BY status"
)


class WaitingGauge:
    def __init__(self, db: Database, every_seconds: float = 10.0) -> None:
        self._db = db
        self._every = every_seconds
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="waiting-posts-gauge")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def count_once(self) -> None:
        async with self._db.reading() as session:
            counted = dict((await session.execute(COUNT)).all())
        for status in WAITING:
            metrics.POSTS.labels(str(status)).set(counted.get(str(status), 0))

    async def _run(self) -> None:
        while True:
            try:
                await self.count_once()
            except Exception:  # noqa: BLE001 - the database away: count again next time
                log.warning("could not count the waiting posts", exc_info=True)
            await asyncio.sleep(self._every)
