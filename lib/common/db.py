"""The one place database engines and sessions are made (SQLAlchemy 2 async, psycopg 3)."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from lib.common.config import Settings

log = logging.getLogger(__name__)
# Connections per pool opened at start-up (Database.warm).
WARM_CONNECTIONS = 2


def async_url(url: str) -> str:
    """Accept plain postgresql:// URLs too, and use the psycopg 3 driver for them."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _engine(settings: Settings, **options) -> AsyncEngine:
    # No pool_pre_ping: it costs a round trip per request. A connection broken by a database
    # restart fails one request, and SQLAlchemy then drops the whole stale pool.
    return create_async_engine(
        async_url(settings.require_database_url()),
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
        pool_recycle=1800,
        **options,
    )


class Database:
    """The service's engines and session factories; one per service process.

    Multi-statement writes run in explicit transactions. Reads and single-statement writes
    use a second pool of autocommit connections: one statement needs no BEGIN/COMMIT round
    trips, which halves its cost here.
    """

    def __init__(self, settings: Settings) -> None:
        self.engine = _engine(settings)
        self.read_engine = _engine(settings, isolation_level="AUTOCOMMIT", pool_reset_on_return=None)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = async_sessionmaker(self.read_engine, expire_on_commit=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed on success, rolled back on error."""
        async with self._sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def autocommit(self) -> AsyncIterator[AsyncConnection]:
        """A connection whose every statement commits on its own: for writes that are one
        statement (data-modifying CTEs), which then need no BEGIN/COMMIT round trips."""
        async with self.read_engine.connect() as connection:
            yield connection

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A session for queries that change nothing; each statement sees committed data."""
        async with self._read_sessions() as session:
            yield session

    async def warm(self) -> None:
        """Open a few connections of each pool now, at start-up, rather than in the first
        requests' time (each costs a round trip and PostgreSQL's fork). Only a few: every
        process opening its whole pools at once would take a small PostgreSQL's every
        connection (the embedded one's 100) before any is needed. A database not there yet
        is left to the first requests, as before."""

        async def open_pool(engine: AsyncEngine) -> None:
            count = min(WARM_CONNECTIONS, engine.pool.size())
            connections = await asyncio.gather(
                *(engine.connect() for _ in range(count)), return_exceptions=True
            )
            for connection in connections:
                if isinstance(connection, BaseException):
                    log.warning("database pool not warmed: %s", connection)
                else:
                    await connection.close()

        await asyncio.gather(open_pool(self.engine), open_pool(self.read_engine))

    async def dispose(self) -> None:
        await self.engine.dispose()
        await self.read_engine.dispose()
