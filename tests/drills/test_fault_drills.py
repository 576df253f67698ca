"""Fault drills: real processes of a Postflow of the drills' own are killed and started
again while a batch of posts sleeps and publishes. At the end, from the Graph API
simulator's record: every post published exactly once, none before its time, none stuck.

1. Temporal stopped and started again while the posts sleep, and again while they publish.
6. Every process but PostgreSQL killed with SIGKILL at once in the middle of a burst, then
   all started again.
"""

import signal
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from devtools import postgres, stack
from services.migrate import migrate_all
from tests.factories import Api

ACCOUNTS = 5
PER_ACCOUNT = 20  # 100 posts a drill: Instagram's limit is 50 an account a day
ENGINES = ("temporal", "nats")


@pytest.fixture(scope="module")
def drill_system(database_server_url, graph_simulator, tmp_path_factory):
    database = postgres.create_scratch_database(database_server_url, prefix="postflow_drill")
    migrate_all(database)
    running = stack.start(
        database,
        Path(tmp_path_factory.mktemp("drills")),
        extra_env={
            "POSTFLOW_GRAPH_API_BASE_URL": graph_simulator,
            "POSTFLOW_PUBLISH_LEAD_SECONDS": "3",
            "POSTFLOW_GRAPH_API_TIMEOUT_SECONDS": "2",
            "POSTFLOW_PUBLISH_UNKNOWN_AFTER_ATTEMPTS": "3",
            "POSTFLOW_RECONCILE_INTERVAL_SECONDS": "2",
            "POSTFLOW_RATE_LIMIT_WAIT_SECONDS": "1",
            "POSTFLOW_AUTH_ATTEMPTS_PER_IP_PER_MINUTE": "1000000",
            "POSTFLOW_AUTH_ATTEMPTS_PER_EMAIL_PER_MINUTE": "1000000",
            "POSTFLOW_AUDIENCE_ROUND_SECONDS": "3600",
        },
    )
    yield running
    running.stop()
    postgres.drop_database(database_server_url, database)


def _publishers(api: Api, instagram: httpx.Client) -> list:
    users = []
    for _ in range(ACCOUNTS):
        user = api.new_user()
        ig_user_id = str(uuid.uuid4().int % 10**17 + 10**16)
        token = f"EAAG-{ig_user_id}"
        instagram.post("/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
        account = user.client.post("/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
        assert account.status_code == 201, account.text
        user.account_id, user.ig_user_id = account.json()["id"], ig_user_id
        # Posts of one account due the same second: no minimum gap for the drill.
        user.client.patch(f"/api/v1/accounts/{user.account_id}", json={"min_gap_minutes": 0})
        users.append(user)
    return users


def _schedule_batch(users: list, due_in: list[float], label: str) -> dict[str, tuple]:
    """Each user's posts, due at the given offsets from now (UTC); caption -> (user, post, due)."""
    scheduled = {}
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)
    for user in users:
        for index in range(PER_ACCOUNT):
            caption = f"{label} {user.ig_user_id} no. {index}"
            post = user.create_post(
                caption=caption, hashtags=[], media=[{"url": "https://cdn.example.com/a.jpg"}]
            )
            due = start + timedelta(seconds=due_in[index % len(due_in)])
            reply = user.client.post(
                f"/api/v1/posts/{post['id']}/schedule",
                json={"scheduled_time": due.isoformat(), "account_id": user.account_id},
            )
            assert reply.status_code == 200, reply.text
            scheduled[caption] = (user, post, due)
    return scheduled


def _settled(scheduled: dict[str, tuple], instagram: httpx.Client, timeout: float) -> list[dict]:
    """Once every post is published (or the time is up): what Instagram published for them."""
    deadline = time.monotonic() + timeout
    waiting = dict(scheduled)
    while waiting and time.monotonic() < deadline:
        for caption, (user, post, _) in list(waiting.items()):
            status = _status(user, post)
            if status is None:
                break  # the gateway is restarting
            if status == "published":
                del waiting[caption]
        time.sleep(0.5)
    left = {caption: _status(user, post) for caption, (user, post, _) in waiting.items()}
    assert not left, f"{len(left)} posts not published: {list(left.items())[:5]}"
    published = []
    for user in {id(u): u for u, _, _ in scheduled.values()}.values():
        published += instagram.get("/_simulator/publishes", params={"ig_user_id": user.ig_user_id}).json()
    return published


def _status(user, post) -> str | None:
    try:
        return user.client.get(f"/api/v1/posts/{post['id']}").json().get("status")
    except (httpx.HTTPError, ValueError):
        return None


def _exactly_once_and_on_time(scheduled: dict[str, tuple], published: list[dict]) -> None:
    ours = [p for p in published if p["caption"].split("\n")[0] in scheduled]
    captions = [p["caption"].split("\n")[0] for p in ours]
    assert sorted(captions) == sorted(scheduled), "each post exactly once"
    for record in ours:
        _, post, due = scheduled[record["caption"].split("\n")[0]]
        assert record["published_at"] >= due.timestamp(), f"{post['id']} published before its time"


def _wait_until(moment: datetime) -> None:
    time.sleep(max(0.0, (moment - datetime.now(UTC)).total_seconds()))


def _out(users: list, instagram: httpx.Client, label: str) -> int:
    """How many of the batch Instagram has published so far."""
    count = 0
    for user in users:
        records = instagram.get("/_simulator/publishes", params={"ig_user_id": user.ig_user_id}).json()
        count += sum(1 for r in records if r["caption"].startswith(label))
    return count


def _once_the_first_is_out(users: list, instagram: httpx.Client, label: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while _out(users, instagram, label) == 0:
        assert time.monotonic() < deadline, "the burst never began"
        time.sleep(0.02)


def test_temporal_stopped_while_posts_sleep_and_while_they_publish(drill_system, graph_simulator):
    instagram = httpx.Client(base_url=graph_simulator, timeout=10)
    users = _publishers(Api(drill_system.base_url), instagram)
    began = datetime.now(UTC)
    scheduled = _schedule_batch(users, [30, 32, 50], "Temporal drill")

    # Asleep: Temporal goes away for 5 s, well before anything is due.
    _wait_until(began + timedelta(seconds=12))
    drill_system.kill("temporal", sig=signal.SIGTERM)
    time.sleep(5)
    drill_system.restart("temporal")
    # Publishing: away again as soon as the first post is out (the rest of its second's
    # wave in flight, the next ones held).
    _once_the_first_is_out(users, instagram, "Temporal drill")
    drill_system.kill("temporal", sig=signal.SIGKILL)
    assert _out(users, instagram, "Temporal drill") < len(scheduled)
    time.sleep(4)
    drill_system.restart("temporal")

    published = _settled(scheduled, instagram, timeout=150)
    _exactly_once_and_on_time(scheduled, published)


def test_everything_but_postgresql_killed_at_once_in_the_middle_of_a_burst(drill_system, graph_simulator):
    instagram = httpx.Client(base_url=graph_simulator, timeout=10)
    users = _publishers(Api(drill_system.base_url), instagram)
    scheduled = _schedule_batch(users, [25], "Blackout drill")

    # As soon as the burst has begun: some posts out, some in flight, the rest held.
    _once_the_first_is_out(users, instagram, "Blackout drill")
    everything = list(drill_system.processes)
    drill_system.kill(*everything, sig=signal.SIGKILL)
    out_at_the_kill = _out(users, instagram, "Blackout drill")
    assert 0 < out_at_the_kill < len(scheduled), out_at_the_kill
    time.sleep(2)
    drill_system.restart(*ENGINES)
    drill_system.restart(*(name for name in everything if name not in ENGINES))
    stack.wait_healthy(drill_system)

    published = _settled(scheduled, instagram, timeout=180)
    _exactly_once_and_on_time(scheduled, published)
