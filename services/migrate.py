"""Apply every service's Alembic migrations; each service owns one schema and its history.

Run as `python -m services.migrate` (make run, the tests and the deployment do).
"""

from pathlib import Path

from alembic import command

from lib.common.config import get_settings
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


def migrate_all(database_url: str) -> None:
    for service, schema in SERVICE_SCHEMAS.items():
        command.upgrade(alembic_config(SERVICES_DIR / service / "migrations", schema, database_url), "head")


if __name__ == "__main__":
    migrate_all(get_settings().require_database_url())
