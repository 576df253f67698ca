"""The simulator's world kept in a file, so that a restart of make run forgets no account,
token or published media (as PostgreSQL and Temporal remember theirs): loaded at start,
written at shutdown, and every half minute while requests come (a kill loses at most
that). Not more often: writing a large world pauses the simulator, and the benchmarks time
it. Pickle, because the file is the simulator's own, written and read by the same code on
one machine."""

import asyncio
import contextlib
import logging
import os
import pickle
from pathlib import Path

from devtools.graph_simulator.state import World

# What is kept: everything but the armed faults and the record of where tokens travelled.
KEPT = (
    "clock_offset",
    "apps",
    "tokens",
    "facebook_users",
    "grants",
    "accounts",
    "containers",
    "media",
    "publishes",
    "history",
    "comments",
    "_ids",
)
log = logging.getLogger(__name__)


class Saver:
    EVERY_SECONDS = 30.0

    def __init__(self, world: World, path: str) -> None:
        self._world = world
        self._path = Path(path) if path else None

    def load(self) -> None:
        if self._path is None or not self._path.exists():
            return
        try:
            saved = pickle.loads(self._path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            log.warning("simulator state %s unreadable, starting empty: %r", self._path, exc)
            return
        for name in KEPT:
            if name in saved:
                setattr(self._world, name, saved[name])

    def save(self) -> None:
        if self._path is None:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        snapshot = pickle.dumps({name: getattr(self._world, name) for name in KEPT})
        partial = self._path.with_suffix(".partial")
        partial.write_bytes(snapshot)
        os.replace(partial, self._path)

    async def _keep_saving(self) -> None:
        last = None
        while True:
            await asyncio.sleep(self.EVERY_SECONDS)
            marker = self._world.changes
            if marker != last:
                self.save()
                last = marker

    @contextlib.asynccontextmanager
    async def kept(self):
        """Loaded on entering, saved while it runs and on leaving."""
        self.load()
        task = asyncio.create_task(self._keep_saving()) if self._path else None
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
            self.save()
