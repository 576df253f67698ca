"""A batch of posts on several simulated Instagram accounts, and what the Graph API
simulator recorded of it: the drills' shared steps."""

import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from devtools import stack
from tests.factories import Api

ACCOUNTS = 5
PER_ACCOUNT = 20  # 100 posts a batch: Instagram's limit is 50 an account a day


def drill_stack(database_url: str, log_dir: Path, graph_simulator: str) -> stack.Stack:
    """A Postflow of a drill's own, to kill and start again: Instagram's refusals wait a
    second, an unknown outcome is checked every two, and one test address signs up freely."""
    return stack.start(
        database_url,
        log_dir,
        extra_env={
            "POSTFLOW_META_SIMULATOR_URL": graph_simulator,
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


def publishers(api: Api, instagram: httpx.Client, accounts: int = ACCOUNTS) -> list:
    users = []
    for _ in range(accounts):
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


def schedule_batch(
    users: list, due_in: list[float], label: str, per_account: int = PER_ACCOUNT
) -> dict[str, tuple]:
    """Each user's posts, due at the given offsets from now (UTC); caption -> (user, post, due)."""
    scheduled = {}
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)
    for user in users:
        for index in range(per_account):
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


def settled(scheduled: dict[str, tuple], instagram: httpx.Client, timeout: float) -> list[dict]:
    """Once every post is published (or the time is up): what Instagram published for them."""
    deadline = time.monotonic() + timeout
    waiting = dict(scheduled)
    while waiting and time.monotonic() < deadline:
        for caption, (user, post, _) in list(waiting.items()):
            status = status_of(user, post)
            if status is None:
                break  # the gateway is restarting
            if status == "published":
                del waiting[caption]
        time.sleep(0.5)
    left = {caption: status_of(user, post) for caption, (user, post, _) in waiting.items()}
    assert not left, f"{len(left)} posts not published: {list(left.items())[:5]}"
    published = []
    for user in {id(u): u for u, _, _ in scheduled.values()}.values():
        published += instagram.get("/_simulator/publishes", params={"ig_user_id": user.ig_user_id}).json()
    return published


def status_of(user, post) -> str | None:
    try:
        return user.client.get(f"/api/v1/posts/{post['id']}").json().get("status")
    except (httpx.HTTPError, ValueError):
        return None


def exactly_once_and_on_time(scheduled: dict[str, tuple], published: list[dict]) -> None:
    ours = [p for p in published if p["caption"].split("\n")[0] in scheduled]
    captions = [p["caption"].split("\n")[0] for p in ours]
    assert sorted(captions) == sorted(scheduled), "each post exactly once"
    for record in ours:
        _, post, due = scheduled[record["caption"].split("\n")[0]]
        assert record["published_at"] >= due.timestamp(), f"{post['id']} published before its time"


def wait_until(moment: datetime) -> None:
    time.sleep(max(0.0, (moment - datetime.now(UTC)).total_seconds()))


def out(users: list, instagram: httpx.Client, label: str) -> int:
    """How many of the batch Instagram has published so far."""
    count = 0
    for user in users:
        records = instagram.get("/_simulator/publishes", params={"ig_user_id": user.ig_user_id}).json()
        count += sum(1 for r in records if r["caption"].startswith(label))
    return count


def once_the_first_is_out(users: list, instagram: httpx.Client, label: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while out(users, instagram, label) == 0:
        assert time.monotonic() < deadline, "the burst never began"
        time.sleep(0.02)
