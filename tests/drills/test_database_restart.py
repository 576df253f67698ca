"""Fault drill 3: PostgreSQL stops and starts again under a steady stream of writes. While
it is down the API answers 503 with a body that says so (never a 500, never a hang); once it
is back the API works again without restarting anything; and every write the API
acknowledged is there."""

import os
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from devtools import postgres
from services.migrate import migrate_all
from tests.drills import batch
from tests.factories import Api


@pytest.fixture(scope="module")
def own_database(tmp_path_factory):
    """A PostgreSQL of the drill's own (the embedded server), to stop and start."""
    runtime = postgres.DATA_DIR / "runtime"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    import pgserver

    data = Path(tmp_path_factory.mktemp("drill-postgres")) / "data"
    data.mkdir()
    server = pgserver.get_server(str(data), cleanup_mode="stop")
    url = postgres.create_scratch_database(postgres.async_url(server.get_uri()), prefix="postflow_drill")
    migrate_all(url)
    holder = {"server": server, "data": data}
    yield url, holder
    holder["server"].cleanup()


@pytest.fixture(scope="module")
def drill_system(own_database, graph_simulator, tmp_path_factory):
    url, _ = own_database
    running = batch.drill_stack(url, Path(tmp_path_factory.mktemp("drill-logs")), graph_simulator)
    yield running
    running.stop()


class Writer(threading.Thread):
    """Creates posts one after another; keeps what was acknowledged and every other answer."""

    def __init__(self, client: httpx.Client) -> None:
        super().__init__(daemon=True)
        self.client = client
        self.acknowledged: dict[str, str] = {}  # post id -> caption
        self.refusals: list[tuple[int, dict]] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            caption = f"Written through a restart {uuid.uuid4().hex[:12]}"
            try:
                reply = self.client.post("/api/v1/posts", json={"caption": caption, "post_type": "photo"})
            except httpx.HTTPError as err:
                self.refusals.append((0, {"transport": repr(err)}))
                continue
            if reply.status_code == 201:
                self.acknowledged[reply.json()["id"]] = caption
            else:
                self.refusals.append((reply.status_code, reply.json()))
            time.sleep(0.02)


def test_postgresql_restarted_under_writes_loses_nothing_acknowledged(drill_system, own_database):
    import pgserver

    _, holder = own_database
    user = Api(drill_system.base_url).new_user()
    writer = Writer(user.client)
    writer.start()
    time.sleep(2)
    before_stop = len(writer.acknowledged)
    assert before_stop > 0

    holder["server"].cleanup()  # pg_ctl stop: every connection is cut
    time.sleep(5)
    down = list(writer.refusals)
    holder["server"] = pgserver.get_server(str(holder["data"]), cleanup_mode="stop")

    # Back without restarting any Postflow process: writes are acknowledged again.
    deadline = time.monotonic() + 30
    resumed_from = len(writer.acknowledged)
    while len(writer.acknowledged) <= resumed_from:
        assert time.monotonic() < deadline, f"no write acknowledged since the restart: {writer.refusals[-3:]}"
        time.sleep(0.2)
    time.sleep(1)
    writer.stopping.set()
    writer.join(timeout=30)

    assert down, "the writes went on as if the database were there"
    for status, body in writer.refusals:
        assert status == 503, (status, body)
        assert body["error"]["code"] == "database_unavailable", body
        assert "try again" in body["error"]["message"]
    for post_id, caption in writer.acknowledged.items():
        stored = user.client.get(f"/api/v1/posts/{post_id}")
        assert stored.status_code == 200 and stored.json()["caption"] == caption, post_id
    # Sign-in works too. The users service was idle through the restart: the first use of
    # each of its two pools (reads, transactions) meets a connection the restart cut, is
    # answered 503 like the rest, and makes SQLAlchemy drop that pool.
    anonymous = Api(drill_system.base_url).anonymous
    login = {"email": user.email, "password": user.password}
    answers = [anonymous.post("/api/v1/auth/login", json=login) for _ in range(3)]
    assert answers[-1].status_code == 200, answers[-1].text
    for early in answers[:-1]:
        assert early.status_code in (200, 503), early.text
        if early.status_code == 503:
            assert early.json()["error"]["code"] == "database_unavailable"
