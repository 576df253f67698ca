"""Fault drill 6: PostgreSQL is restored from a backup while Temporal keeps what happened
since. Posts are scheduled, the database is backed up (pg_dump), posts are moved, taken back
and scheduled after it, then Postflow is stopped, the backup restored (pg_restore) and
Postflow started again. The schedule reconciler (`python -m services.scheduler.reconcile`,
as an operator runs it after a restore) repairs the posts from their workflows, and every
post publishes exactly once at the latest time it was given, or not at all when it was
taken back."""

import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pgserver
import pytest

from devtools import postgres, stack
from services.migrate import migrate_all
from tests.drills import batch
from tests.factories import Api

TOOLS = Path(pgserver.__file__).resolve().parent / "pginstall" / "bin"
SERVICES = ("users", "posts", "scheduler", "media", "realtime", "gateway", "worker")


@pytest.fixture(scope="module")
def restore_drill(database_server_url, graph_simulator, tmp_path_factory):
    url = postgres.create_scratch_database(database_server_url, prefix="postflow_restore")
    migrate_all(url)
    running = batch.drill_stack(url, Path(tmp_path_factory.mktemp("restore-drill-logs")), graph_simulator)
    yield running, url
    running.stop()
    postgres.drop_database(database_server_url, url)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _reconcile(running: stack.Stack) -> dict:
    """One round, asked of the scheduler as an operator would (it may still be starting)."""
    deadline = time.monotonic() + 60
    while True:
        done = subprocess.run(
            [sys.executable, "-m", "services.scheduler.reconcile"],
            env=running.env,
            cwd=stack.ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode == 0:
            return json.loads(done.stdout)
        assert time.monotonic() < deadline, done.stdout + done.stderr
        time.sleep(1)


def test_a_restore_from_backup_loses_no_schedule_and_publishes_each_post_once(
    restore_drill, instagram, tmp_path
):
    running, url = restore_drill
    user = batch.publishers(Api(running.base_url), instagram, accounts=1)[0]
    start = datetime.now(UTC).replace(microsecond=0)

    def at(seconds: int) -> str:
        return (start + timedelta(seconds=seconds)).isoformat()

    posts = {
        name: user.create_post(
            caption=f"Restore drill {name}", hashtags=[], media=[{"url": "https://cdn.example.com/a.jpg"}]
        )
        for name in ("kept", "moved later", "moved earlier", "taken back", "scheduled after")
    }

    def schedule(name: str, seconds: int, method: str = "post") -> None:
        reply = getattr(user.client, method)(
            f"/api/v1/posts/{posts[name]['id']}/schedule",
            json={"scheduled_time": at(seconds), "account_id": user.account_id},
        )
        assert reply.status_code == 200, reply.text

    # The repairs must be made before the earliest time they change (33 s): the restore and a
    # round took 11 s here, unloaded.
    schedule("kept", 30)
    schedule("moved later", 31)
    schedule("moved earlier", 45)
    schedule("taken back", 32)

    backup = tmp_path / "postflow.dump"
    subprocess.run(
        [TOOLS / "pg_dump", "--format=custom", f"--file={backup}", _libpq(url)], check=True, timeout=120
    )

    schedule("moved later", 40, "put")
    schedule("moved earlier", 33, "put")
    assert user.client.delete(f"/api/v1/posts/{posts['taken back']['id']}/schedule").status_code == 200
    schedule("scheduled after", 36)
    latest = {"kept": 30, "moved later": 40, "moved earlier": 33, "scheduled after": 36}

    running.kill(*SERVICES, sig=15)
    subprocess.run(
        [TOOLS / "pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={_libpq(url)}", backup],
        check=True,
        timeout=120,
    )
    running.restart(*SERVICES)
    stack.wait_healthy(running)
    assert batch.status_of(user, posts["scheduled after"]) == "draft", "the restore brought the old rows back"

    report = _reconcile(running)
    took = (datetime.now(UTC) - start).total_seconds()
    earliest = min(latest[name] for name in ("moved later", "moved earlier", "scheduled after"))
    assert took < earliest, f"the drill's times are too close: the round ended {took:.0f} s in"
    repaired = {one["postId"]: one["action"] for one in report["repairs"]}
    assert repaired == {
        posts["moved later"]["id"]: "moved_post",
        posts["moved earlier"]["id"]: "moved_post",
        posts["taken back"]["id"]: "unscheduled_post",
        posts["scheduled after"]["id"]: "scheduled_post",
    }, report
    assert not report["failed"], report
    assert _reconcile(running)["repairs"] == [], "a second round found more to repair"

    for name, seconds in latest.items():
        shown = user.client.get(f"/api/v1/posts/{posts[name]['id']}").json()
        assert shown["status"] == "scheduled", (name, shown["status"])
        assert datetime.fromisoformat(shown["scheduled_for"]) == start + timedelta(seconds=seconds), name
    assert batch.status_of(user, posts["taken back"]) == "draft"

    batch.wait_until(start + timedelta(seconds=max(latest.values()) + 5))
    deadline = time.monotonic() + 60
    while any(batch.status_of(user, posts[name]) != "published" for name in latest):
        assert time.monotonic() < deadline, {name: batch.status_of(user, posts[name]) for name in posts}
        time.sleep(0.5)
    time.sleep(2)  # a second publish of any of them would be out by now
    published: dict[str, list[float]] = {}
    for record in instagram.get("/_simulator/publishes", params={"ig_user_id": user.ig_user_id}).json():
        published.setdefault(record["caption"].split("\n")[0], []).append(record["published_at"])
    for name, seconds in latest.items():
        out = published.get(f"Restore drill {name}", [])
        assert len(out) == 1, (name, out)
        assert out[0] >= (start + timedelta(seconds=seconds)).timestamp(), (name, "published before its time")
    assert "Restore drill taken back" not in published
