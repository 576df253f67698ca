"""The migration that brought workspaces, on a database filled before it: two people, each
with posts (the posts service's own rows), a session and an audit entry. After it, each has
a personal workspace with their id, as its owner, holding everything they had; each one's
workspace is not found for the other; and nothing else changed."""

import asyncio
import uuid

import psycopg
import pytest
from alembic import command
from sqlalchemy import make_url

from devtools import postgres
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import ServiceError
from lib.common.migrations import alembic_config
from services.migrate import SERVICE_SCHEMAS, SERVICES_DIR, migrate_all
from services.users import workspaces

BEFORE = "0003_sessions_and_audit"


@pytest.fixture
def filled_before(database_server_url):
    url = postgres.create_scratch_database(database_server_url, prefix="postflow_migration")
    for service, schema in SERVICE_SCHEMAS.items():
        config = alembic_config(SERVICES_DIR / service / "migrations", schema, url)
        command.upgrade(config, BEFORE if service == "users" else "head")
    yield url
    postgres.drop_database(database_server_url, url)


def _connect(url: str) -> psycopg.Connection:
    return psycopg.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True
    )


def _rows(connection, query: str, *args) -> list[tuple]:
    return connection.execute(query, args).fetchall()


def test_everything_a_person_had_is_their_personal_workspaces_after_the_migration(filled_before):
    people = {"ana": uuid.uuid4(), "ben": uuid.uuid4()}
    with _connect(filled_before) as connection:
        for name, person in people.items():
            connection.execute(
                "INSERT INTO users.users (id, email, name, timezone, password_hash, created_at) "
                "VALUES (%s, %s, %s, 'Europe/Paris', 'x', now() - interval '40 days')",
                (person, f"{name}@example.com", name.title()),
            )
            connection.execute(
                "INSERT INTO users.sessions (id, user_id) VALUES (%s, %s)", (uuid.uuid4(), person)
            )
            connection.execute(
                "INSERT INTO users.audit_log (user_id, kind) VALUES (%s, 'signed_in')", (person,)
            )
            for n in range(3):
                connection.execute(
                    "INSERT INTO posts.posts (id, user_id, caption, post_type) VALUES (%s, %s, %s, 'photo')",
                    (uuid.uuid4(), person, f"{name} {n}"),
                )
        posts_before = _rows(connection, "SELECT id, user_id, caption FROM posts.posts ORDER BY id")
        audit_before = _rows(connection, "SELECT user_id, kind FROM users.audit_log ORDER BY id")

    migrate_all(filled_before)

    with _connect(filled_before) as connection:
        assert _rows(connection, "SELECT id, user_id, caption FROM posts.posts ORDER BY id") == posts_before
        assert _rows(connection, "SELECT user_id, kind FROM users.audit_log ORDER BY id") == audit_before
        made = _rows(
            connection,
            "SELECT w.id, w.personal, w.name, m.user_id, m.role FROM users.workspaces w "
            "JOIN users.memberships m ON m.workspace_id = w.id ORDER BY w.id",
        )
        assert sorted(made) == sorted((p, True, "Personal", p, "owner") for p in people.values())
        # Every post is in a workspace that exists: its owner's personal one.
        orphans = _rows(
            connection,
            "SELECT count(*) FROM posts.posts p "
            "LEFT JOIN users.workspaces w ON w.id = p.user_id WHERE w.id IS NULL",
        )
        assert orphans == [(0,)]

    async def check() -> None:
        db = Database(Settings(database_url=filled_before))
        try:
            for person in people.values():
                mine = await workspaces.of_user(db, user_id=person)
                assert [(a.workspace.id, a.role, a.timezone) for a in mine] == [
                    (person, "owner", "Europe/Paris")
                ]
            with pytest.raises(ServiceError) as refused:
                await workspaces.access(db, user_id=people["ana"], workspace_id=people["ben"])
            assert refused.value.kind == "not_found"
        finally:
            await db.dispose()

    asyncio.run(check())
