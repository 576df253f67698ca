"""The one place database engines and sessions are made (SQLAlchemy 2 async, psycopg 3)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from services.common.config import Settings


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

    Writes run in explicit transactions. Reads use a second pool of autocommit connections:
    a single statement needs no BEGIN/ROLLBACK round trips, which halves a read's cost here.
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
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A session for queries that change nothing; each statement sees committed data."""
        async with self._read_sessions() as session:
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()
        await self.read_engine.dispose()
