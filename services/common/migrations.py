"""Apply every service's Alembic migrations; each service owns one schema and its history.

Run as `python -m services.common.migrations` (make run and the tests do).
"""

from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import create_engine, text

from services.common.config import get_settings
from services.common.db import async_url

SERVICES_DIR = Path(__file__).resolve().parent.parent
# Order matters only for readability today; schemas do not reference each other.
SERVICE_SCHEMAS = {
    "users": "users",
    "posts": "posts",
    "scheduler": "scheduler",
    "media": "media",
    "realtime": "notifications",
}


def alembic_config(service: str, database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SERVICES_DIR / service / "migrations"))
    cfg.set_main_option("sqlalchemy.url", async_url(database_url).replace("%", "%%"))
    cfg.attributes["schema"] = SERVICE_SCHEMAS[service]
    return cfg


def run_env() -> None:
    """Body of every service's migrations/env.py: online migrations in the service's schema."""
    cfg = context.config
    schema = cfg.attributes["schema"]
    engine = create_engine(cfg.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        connection.commit()
        context.configure(
            connection=connection,
            version_table="alembic_version",
            version_table_schema=schema,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def migrate_all(database_url: str) -> None:
    for service in SERVICE_SCHEMAS:
        command.upgrade(alembic_config(service, database_url), "head")


if __name__ == "__main__":
    migrate_all(get_settings().require_database_url())
