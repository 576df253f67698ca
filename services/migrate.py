"""Apply every service's Alembic migrations; each service owns one schema and its history.

Run as `python -m services.migrate` (make run, the tests, and in Kubernetes every pod that
uses the database, as its init container, before its new code starts). Several at once take
turns (a PostgreSQL advisory lock), and a database already at the head changes nothing.
"""

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from lib.common.config import get_settings
from lib.common.db import async_url
from lib.common.migrations import alembic_config

SERVICES_DIR = Path(__file__).resolve().parent
# Order matters only for readability today; schemas do not reference each other.
SERVICE_SCHEMAS = {
    "users": "users",
    "posts": "posts",
    "scheduler": "scheduler",
    "media": "media",
    "realtime": "notifications",
}


# pg_advisory_lock's key for "Postflow's migrations" (any constant of our own).
MIGRATIONS_LOCK = 0x706F7374666C6F77 >> 1


def migrate_all(database_url: str) -> None:
    # A plain (synchronous) engine for the lock, held on its own connection throughout.
    engine = create_engine(async_url(database_url), pool_size=1)
    try:
        with engine.connect() as lock:
            lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATIONS_LOCK})
            try:
                for service, schema in SERVICE_SCHEMAS.items():
                    config = alembic_config(SERVICES_DIR / service / "migrations", schema, database_url)
                    command.upgrade(config, "head")
            finally:
                lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATIONS_LOCK})
    finally:
        engine.dispose()


if __name__ == "__main__":
    migrate_all(get_settings().require_database_url())
