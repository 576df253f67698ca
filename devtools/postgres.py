"""A PostgreSQL for make run, make test and make bench: the configured one, else embedded.

The embedded server is the `pgserver` wheel (PostgreSQL 16 in a package): it starts offline
in about a second and listens on a unix socket under the data folder.
"""

import os
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from lib.common.db import async_url

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / ".data"

_embedded = None


def embedded_url(data_dir: Path = DATA_DIR / "postgres") -> str:
    """Start (or reuse) the embedded server; it stops when this process exits."""
    global _embedded
    if _embedded is None:
        runtime = DATA_DIR / "runtime"
        runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
        import pgserver  # imported late: it reads XDG_RUNTIME_DIR at import

        data_dir.mkdir(parents=True, exist_ok=True)
        _embedded = pgserver.get_server(str(data_dir), cleanup_mode="stop")
    return async_url(_embedded.get_uri())


def server_url() -> str:
    """POSTFLOW_DATABASE_URL when set, else the embedded server's."""
    configured = os.environ.get("POSTFLOW_DATABASE_URL", "")
    return async_url(configured) if configured else embedded_url()


def create_scratch_database(url: str, prefix: str = "postflow_test") -> str:
    """A new empty database on url's server; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, database_url: str) -> None:
    name = make_url(database_url).database
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()
