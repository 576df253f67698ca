"""Status and progress events on NATS JetStream while a post is scheduled and published."""

import asyncio
import json
import random
import time

import httpx
import nats

from lib.common.events import STREAM, user_subjects
from tests.services.scheduler.publishing import IMAGE, schedule, wait_for_status


async def _events(nats_url: str, user_id: str, until: float) -> list[dict]:
    """Everything the stream holds for user_id, read from the start (as a resuming client)."""
    connection = await nats.connect(nats_url)
    stream = connection.jetstream()
    subscription = await stream.subscribe(user_subjects(user_id), stream=STREAM, ordered_consumer=True)
    seen = []
    while time.monotonic() < until:
        try:
            message = await subscription.next_msg(timeout=0.5)
        except (TimeoutError, nats.errors.TimeoutError):
            # Quiet after the outcome (progress and status come from two processes, in
            # either order).
            if any(e.get("status") in ("published", "failed") for e in seen):
                break
            continue
        seen.append(json.loads(message.data))
    await connection.close()
    return seen


def test_scheduling_and_publishing_emit_status_and_progress_events(api, graph_simulator, system):
    instagram = httpx.Client(base_url=graph_simulator, timeout=10)
    user = api.new_user()
    ig_user_id = str(random.randint(10**16, 10**17))
    instagram.post("/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": "t-" + ig_user_id})
    account = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": "t-" + ig_user_id}
    )
    user.account_id = account.json()["id"]
    post = user.create_post(media=[{"url": IMAGE}])
    assert schedule(user, post["id"], 2).status_code == 200
    wait_for_status(user, post["id"], "published")

    events = asyncio.run(_events(system.env["POSTFLOW_NATS_URL"], user.id, time.monotonic() + 10))
    statuses = [(e["previous_status"], e["status"]) for e in events if e["type"] == "post_status_update"]
    assert statuses == [("draft", "scheduled"), ("scheduled", "publishing"), ("publishing", "published")]
    progress = [e for e in events if e["type"] == "publishing_progress"]
    assert len(progress) >= 4
    assert all(0 <= e["progress"] <= 100 for e in progress)
    assert [e["progress"] for e in progress] == sorted(e["progress"] for e in progress)
    assert progress[-1]["progress"] == 100 and progress[-1]["current_step"] == "published"
    assert all(e["post_id"] == post["id"] and e["user_id"] == user.id for e in events)
    assert len({e["message_id"] for e in events}) == len(events)
    published = next(e for e in events if e.get("status") == "published")
    assert published["metadata"]["permalink"].startswith("https://www.instagram.com/p/")
