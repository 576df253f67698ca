"""Staying connected: a token Instagram refuses makes its account needs_reauth and its due
posts wait (the user is told, with the posts at risk), a reconnect through Meta's login
keeps the account and publishes them once; a token 59 days on is refreshed by the upkeep
round and the account keeps publishing after the old token's end."""

import asyncio
import random
import time
from datetime import UTC, datetime, timedelta

import pytest
from temporalio.client import Client

from lib.common.config import Settings
from lib.common.proto_time import to_timestamp
from protos import scheduler_pb2, scheduler_pb2_grpc
from tests.grpc_clients import aio_channel
from tests.meta_dialogs import new_account
from tests.services.realtime.test_notifications import wait_for_notification
from tests.services.scheduler.publishing import arm, mark_scheduled, publishes, schedule, wait_for_status
from tests.services.scheduler.test_meta_logins import complete, login
from workflows.contracts.publishing import WORKFLOW_NAME, Outcome, PublishPostInput, workflow_id

IMAGE = "https://cdn.example.com/harbour.jpg"
DAY = 86400


def connect_with_instagram(user, system, instagram, username: str) -> dict:
    fields = {"username": username, "decision": "allow"}
    done = complete(user, login(user, system, instagram, "instagram", fields))
    assert done.status_code == 200, done.text
    [account] = done.json()["accounts"]
    return account


def account_of(user, account_id: str) -> dict:
    [account] = [a for a in user.client.get("/api/v1/accounts").json() if a["id"] == account_id]
    return account


def wait_for_health(user, account_id: str, wanted: str, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (account := account_of(user, account_id))["health"] == wanted:
            return account
        time.sleep(0.2)
    raise AssertionError(f"the account never became {wanted}: {account}")


def test_a_revoked_token_makes_the_post_wait_and_a_reconnect_publishes_it_once(api, system, instagram):
    user = api.new_user()
    ig_user_id, username = new_account(instagram, "pier")
    first = connect_with_instagram(user, system, instagram, username)
    user.account_id = first["id"]
    # The person removes the app on Instagram: every token Postflow holds for them dies.
    assert instagram.post("/_simulator/revoke", json={"ig_user_id": ig_user_id}).json()["revoked"] >= 1
    post = user.create_post(media=[{"url": IMAGE}])
    later = user.create_post(media=[{"url": IMAGE}], caption="Tomorrow's")
    assert schedule(user, post["id"], 2).status_code == 200
    assert schedule(user, later["id"], DAY).status_code == 200

    broken = wait_for_health(user, first["id"], "needs_reauth")
    assert "Reconnect the account" in broken["health_reason"]
    told = wait_for_notification(user, "account_needs_reauth")
    assert told["title"] == f"Reconnect @{username}"
    assert "2 scheduled posts are at risk" in told["message"], told["message"]
    time.sleep(3)  # several polls of the waiting workflow: it neither fails nor publishes
    assert user.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "scheduled"
    assert publishes(instagram, ig_user_id) == []

    again = connect_with_instagram(user, system, instagram, username)
    assert again["id"] == first["id"] and again["health"] == "connected"
    status = wait_for_status(user, post["id"], "published", timeout=30)
    published = publishes(instagram, ig_user_id)
    assert len(published) == 1 and status["instagram_media_id"] == published[0]["media_id"]
    assert user.client.get(f"/api/v1/posts/{later['id']}").json()["status"] == "scheduled"
    user.client.delete(f"/api/v1/posts/{later['id']}/schedule")


@pytest.mark.parametrize("kind", ["revoked_token", "permission_missing"])
def test_a_refusal_while_publishing_is_reported_once_and_a_pasted_token_resumes_it(
    publisher, instagram, kind
):
    # Instagram refuses the token (190) or a permission (10) once, at the container's
    # creation (the fault is one-shot): the account needs a reconnect; pasting the token
    # again is one.
    post = publisher.create_post(media=[{"url": IMAGE}])
    arm(instagram, publisher, kind, "create")
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_health(publisher, publisher.account_id, "needs_reauth")
    assert publishes(instagram, publisher.ig_user_id) == []
    again = publisher.client.post(
        "/api/v1/accounts",
        json={"ig_user_id": publisher.ig_user_id, "access_token": f"EAAG-{publisher.ig_user_id}"},
    )
    assert again.status_code == 201, again.text
    assert again.json()["id"] == publisher.account_id
    wait_for_status(publisher, post["id"], "published", timeout=30)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
    told = [
        n
        for n in publisher.client.get("/api/v1/notifications").json()["items"]
        if n["type"] == "account_needs_reauth"
    ]
    assert len(told) == 1, "one refusal, one notification"


async def test_a_post_that_waits_past_the_limit_fails_saying_what_to_do(system, publisher, instagram):
    post = publisher.create_post(media=[{"url": IMAGE}])
    publish_at = datetime.now(UTC) + timedelta(seconds=2)
    await mark_scheduled(system, publisher, post["id"], publish_at)
    instagram.post("/_simulator/revoke", json={"ig_user_id": publisher.ig_user_id})
    client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
    handle = await client.start_workflow(
        WORKFLOW_NAME,
        PublishPostInput(
            post["id"],
            publisher.id,
            publisher.account_id,
            publish_at.isoformat(),
            lead_seconds=1,
            reauth_wait_seconds=4,
            reauth_poll_seconds=1,
        ),
        id=workflow_id(post["id"]),
        task_queue=system.env.get("POSTFLOW_TEMPORAL_TASK_QUEUE", Settings().temporal_task_queue),
        result_type=Outcome,
    )
    outcome = await asyncio.wait_for(handle.result(), timeout=60)
    assert outcome.status == "failed"
    assert "not reconnected within" in outcome.error and "reconnect it" in outcome.error
    status = publisher.client.get(f"/api/v1/posts/{post['id']}/status").json()
    assert status["status"] == "failed" and "reconnect" in status["last_error"]
    assert publishes(instagram, publisher.ig_user_id) == []


async def _keep_connected(system, as_of: datetime) -> scheduler_pb2.KeepAccountsConnectedResult:
    async with aio_channel(system, caller="worker", service="scheduler") as channel:
        return await scheduler_pb2_grpc.SchedulerStub(channel).KeepAccountsConnected(
            scheduler_pb2.KeepAccountsConnectedRequest(as_of=to_timestamp(as_of))
        )


async def test_a_token_59_days_old_is_refreshed_and_publishes_on_day_70(api, system, instagram):
    user = api.new_user()
    ig_user_id, username = new_account(instagram, "jetty")
    account = await asyncio.to_thread(connect_with_instagram, user, system, instagram, username)
    user.account_id = account["id"]
    connected_until = datetime.fromisoformat(account["token_expires_at"])
    try:
        instagram.post("/_simulator/clock", json={"offset_seconds": 59 * DAY})
        day_59 = datetime.now(UTC) + timedelta(days=59)
        kept = await _keep_connected(system, day_59)
        assert kept.refreshed >= 1
        refreshed = account_of(user, account["id"])
        assert datetime.fromisoformat(refreshed["token_expires_at"]) > connected_until + timedelta(days=58)
        assert (await _keep_connected(system, day_59)).refreshed == 0, "refreshed once, not every round"

        # Day 70: the first token has ended (day 60); the refreshed one publishes.
        instagram.post("/_simulator/clock", json={"offset_seconds": 70 * DAY})
        post = user.create_post(media=[{"url": IMAGE}])
        assert schedule(user, post["id"], 2).status_code == 200
        await asyncio.to_thread(wait_for_status, user, post["id"], "published", 30)
        assert len(publishes(instagram, ig_user_id)) == 1
        assert account_of(user, account["id"])["health"] == "connected"
    finally:
        instagram.post("/_simulator/clock", json={"offset_seconds": 0})


async def test_an_unrefreshable_token_is_warned_of_once_with_the_posts_after_its_end(api, system, instagram):
    # A Facebook token pasted with a known end (Meta's debug_token says when): nothing can
    # refresh it, so the user is told a week ahead, once, with the posts that fall after it.
    user = api.new_user()
    ig_user_id, token = str(random.randint(10**16, 10**17)), f"EAAG-wharf-{random.randint(0, 10**9)}"
    made = instagram.post(
        "/_simulator/accounts",
        json={"ig_user_id": ig_user_id, "access_token": token, "expires_in_seconds": 5 * DAY},
    )
    assert made.status_code == 201, made.text
    account = user.client.post("/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    assert account.status_code == 201, account.text
    account = account.json()
    user.account_id = account["id"]
    ends = datetime.fromisoformat(account["token_expires_at"])
    assert timedelta(days=4) < ends - datetime.now(UTC) < timedelta(days=6)
    before = user.create_post(media=[{"url": IMAGE}], caption="before")
    after = user.create_post(media=[{"url": IMAGE}], caption="after")
    assert schedule(user, before["id"], DAY).status_code == 200
    assert schedule(user, after["id"], 6 * DAY).status_code == 200
    first = await _keep_connected(system, datetime.now(UTC))
    assert first.warned >= 1
    told = await asyncio.to_thread(wait_for_notification, user, "account_expiring")
    assert f"{ends:%Y-%m-%d}" in told["message"]
    assert "1 scheduled post is at risk" in told["message"], told["message"]
    assert (await _keep_connected(system, datetime.now(UTC))).warned == 0
    assert account_of(user, account["id"])["health"] == "expiring"
    for post in (before, after):
        user.client.delete(f"/api/v1/posts/{post['id']}/schedule")
