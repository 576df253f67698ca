"""Status and progress events on NATS JetStream while a post is scheduled and published."""

import asyncio
import random
import time

import httpx

from tests.services.scheduler.publishing import IMAGE, schedule, user_events, wait_for_status


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

    everything = asyncio.run(user_events(system.env["POSTFLOW_NATS_URL"], user.id, time.monotonic() + 10))
    # Connecting the account was announced first, on the account's subject.
    [connected] = [e for e in everything if e["type"] == "account_changed"]
    assert (connected["change"], connected["account_id"]) == ("connected", user.account_id)
    events = [e for e in everything if e["type"] != "account_changed"]
    statuses = [(e["previous_status"], e["status"]) for e in events if e["type"] == "post_status_update"]
    assert statuses == [("draft", "scheduled"), ("scheduled", "publishing"), ("publishing", "published")]
    progress = [e for e in events if e["type"] == "publishing_progress"]
    assert len(progress) >= 4
    assert all(0 <= e["progress"] <= 100 for e in progress)
    # Each attempt climbs from its first step (a transient error retried, such as a connection
    # the simulator closed, starts its step again); the last reaches 100.
    values = [e["progress"] for e in progress]
    attempts = [[]]
    for before, value in zip([None, *values], values, strict=False):
        if before is not None and value < before:
            attempts.append([])
        attempts[-1].append(value)
    assert all(attempt == sorted(attempt) for attempt in attempts)
    assert len(attempts) <= 3 and attempts[-1][-1] == 100
    assert progress[-1]["progress"] == 100 and progress[-1]["current_step"] == "published"
    assert all(e["post_id"] == post["id"] and e["user_id"] == user.id for e in events)
    assert len({e["message_id"] for e in events}) == len(events)
    published = next(e for e in events if e.get("status") == "published")
    assert published["metadata"]["permalink"].startswith("https://www.instagram.com/p/")
