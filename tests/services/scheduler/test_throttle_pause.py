"""Instagram's "too many calls" pauses the account for every worker: the pause is kept on the
account (the longest wins, a day at most) and read with its credentials, and a post due
meanwhile makes no call to Instagram before the pause ends (then publishes, once)."""

import random
import time
from datetime import UTC, datetime, timedelta

import grpc
import pytest

from protos import scheduler_pb2, scheduler_pb2_grpc
from tests.grpc_clients import aio_channel
from tests.services.scheduler.publishing import arm, publishes, schedule, wait_for_status


def _report(user, until: datetime) -> scheduler_pb2.ThrottleReport:
    report = scheduler_pb2.ThrottleReport(user_id=user.id, account_id=user.account_id)
    report.until.FromDatetime(until)
    return report


async def test_the_longest_pause_is_kept_on_the_account_for_a_day_at_most(system, publisher, instagram):
    until = (datetime.now(UTC) + timedelta(seconds=6)).replace(microsecond=0)
    async with aio_channel(system, caller="worker", service="scheduler") as channel:
        scheduler = scheduler_pb2_grpc.SchedulerStub(channel)
        kept = await scheduler.ReportThrottled(_report(publisher, until))
        assert kept.until.ToDatetime(tzinfo=UTC) == until
        # A shorter pause reported later does not cut the longer one short.
        shorter = await scheduler.ReportThrottled(_report(publisher, until - timedelta(seconds=5)))
        assert shorter.until.ToDatetime(tzinfo=UTC) == until
        # Nor can one last past a day.
        far = await scheduler.ReportThrottled(_report(publisher, until + timedelta(days=30)))
        assert far.until.ToDatetime(tzinfo=UTC) < datetime.now(UTC) + timedelta(days=1, minutes=1)
        credentials = await scheduler.GetPublishingCredentials(
            scheduler_pb2.AccountRef(user_id=publisher.id, account_id=publisher.account_id)
        )
        assert credentials.throttled_until == far.until
        stranger = scheduler_pb2.ThrottleReport(
            user_id=publisher.id, account_id="00000000-0000-4000-8000-000000000000"
        )
        stranger.until.FromDatetime(until)
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await scheduler.ReportThrottled(stranger)
        assert refused.value.code() == grpc.StatusCode.NOT_FOUND


async def test_a_post_due_during_a_pause_waits_for_it_then_publishes_once(system, publisher, instagram):
    until = datetime.now(UTC) + timedelta(seconds=6)
    async with aio_channel(system, caller="worker", service="scheduler") as channel:
        await scheduler_pb2_grpc.SchedulerStub(channel).ReportThrottled(_report(publisher, until))
    post = publisher.create_post(caption="Due during a pause")
    assert schedule(publisher, post["id"], 1).status_code == 200
    wait_for_status(publisher, post["id"], "published", timeout=45)
    (published,) = publishes(instagram, publisher.ig_user_id)
    assert published["published_at"] >= until.timestamp()
    containers = instagram.get("/_simulator/containers", params={"ig_user_id": publisher.ig_user_id}).json()
    assert len(containers) == 1


def test_posts_that_spend_the_accounts_call_budget_all_publish_once_it_reopens(api, instagram):
    # An account whose budget (counted by the simulator, per Meta's business use case
    # limit) runs out while three posts go out: the one refused waits for the window Meta
    # names in its usage headers (a minute), not counted as failed, and publishes then.
    user = api.new_user()
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    budget = {"call_budget": 8, "call_window_seconds": 40}
    instagram.post("/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token, **budget})
    user.account_id = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token}
    ).json()["id"]
    user.client.patch(f"/api/v1/accounts/{user.account_id}", json={"min_gap_minutes": 0})
    posts = [user.create_post(caption=f"Budget {n}") for n in range(3)]
    scheduled_at = time.time()
    for post in posts:
        assert schedule(user, post["id"], 2).status_code == 200
    for post in posts:
        status = wait_for_status(user, post["id"], "published", timeout=150)
        assert status["attempts"] <= 1, status
    times = sorted(p["published_at"] for p in publishes(instagram, ig_user_id))
    assert len(times) == 3
    # The budget did run out: what it refused went out after the minute Meta named (the
    # others with it, or before, depending on which call was refused: the pause is the
    # account's).
    assert times[-1] - scheduled_at >= 30


async def test_a_restricted_account_fails_its_post_and_pauses_the_others_for_a_day(
    system, publisher, instagram
):
    post = publisher.create_post(caption="Restricted")
    arm(instagram, publisher, "spam_restricted", "create")
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "failed", timeout=45)
    assert "other posts wait a day" in status["last_error"]
    async with aio_channel(system, caller="worker", service="scheduler") as channel:
        credentials = await scheduler_pb2_grpc.SchedulerStub(channel).GetPublishingCredentials(
            scheduler_pb2.AccountRef(user_id=publisher.id, account_id=publisher.account_id)
        )
    assert credentials.throttled_until.ToDatetime(tzinfo=UTC) > datetime.now(UTC) + timedelta(hours=23)
