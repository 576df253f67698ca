"""Alembic in a service's own schema: the config for one migrations folder, and the body of
every service's migrations/env.py. Which services there are is known one floor up, in
services/migrate.py."""

from pathlib import Path

from alembic import context
from alembic.config import Config
from sqlalchemy import create_engine, text

from lib.common.db import async_url


def alembic_config(migrations: Path, schema: str, database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations))
    cfg.set_main_option("sqlalchemy.url", async_url(database_url).replace("%", "%%"))
    cfg.attributes["schema"] = schema
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
