"""Posts due weeks ahead, on Temporal's time-skipping test server: the workflow's durable
waits are real (timers of 30 and 60 days), the activities run for real against the
session's services and the Graph API simulator.

The lead is a few seconds here: a publish holds from its preparation until its due second
inside its activity, and the test server does not skip time while an activity runs."""

import asyncio
import shutil
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from temporalio.client import WorkflowUpdateFailedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from lib.common.proto_time import to_timestamp
from protos import posts_pb2, posts_pb2_grpc
from tests.grpc_clients import aio_channel
from tests.services.scheduler.publishing import publishes
from tests.worker_activities import publishing_activities
from workflows.contracts.publishing import (
    PUBLISH_AT_QUERY,
    RESCHEDULE_UPDATE,
    WORKFLOW_NAME,
    Outcome,
    PublishPostInput,
    workflow_id,
)
from workflows.contracts.recurring import SERIES_WORKFLOW_NAME, SeriesInput, SeriesRule, series_workflow_id
from workflows.recurring.activities import SeriesActivities
from workflows.worker import WORKFLOWS, activity_functions

LEAD = 2.0
TEST_SERVER = shutil.which("temporal-test-server", path=str(Path(sys.executable).parent))


@pytest.fixture
async def far_future(system, graph_simulator):
    """A time-skipping Temporal with a worker running the real activities."""
    worker_posts = aio_channel(system, caller="worker", service="posts")
    # Marking a post scheduled is the scheduler's call.
    marking_channel = aio_channel(system, caller="scheduler", service="posts")
    series = SeriesActivities(posts=posts_pb2_grpc.PostsStub(worker_posts))
    queue = f"far-future-{uuid.uuid4().hex[:8]}"
    async with (
        publishing_activities(system, graph_simulator, poll_seconds=0.1, graph_timeout=5) as activities,
        await WorkflowEnvironment.start_time_skipping(test_server_existing_path=TEST_SERVER) as env,
        Worker(
            env.client,
            task_queue=queue,
            workflows=WORKFLOWS,
            activities=activity_functions(activities, series),
        ),
    ):
        yield env, queue, posts_pb2_grpc.PostsStub(marking_channel)
    await worker_posts.close()
    await marking_channel.close()


async def _mark(posts, user, post_id: str, publish_at: datetime) -> None:
    """What the scheduler writes on the post before it starts or moves the workflow."""
    await posts.MarkScheduled(
        posts_pb2.MarkScheduledRequest(
            user_id=user.id,
            post_id=post_id,
            account_id=user.account_id,
            scheduled_for=to_timestamp(publish_at),
            timezone="UTC",
        )
    )


async def _schedule(env, queue, posts, user, post_id: str, days: float):
    publish_at = await env.get_current_time() + timedelta(days=days)
    await _mark(posts, user, post_id, publish_at)
    handle = await env.client.start_workflow(
        WORKFLOW_NAME,
        PublishPostInput(post_id, user.id, user.account_id, publish_at.isoformat(), lead_seconds=LEAD),
        id=workflow_id(post_id),
        task_queue=queue,
        result_type=Outcome,
    )
    return handle, publish_at


async def test_a_post_due_in_30_days_moved_to_60_publishes_at_60(far_future, publisher, instagram):
    env, queue, posts = far_future
    post = publisher.create_post(caption="Two months out")
    handle, first = await _schedule(env, queue, posts, publisher, post["id"], days=30)
    moved = first + timedelta(days=30)
    await _mark(posts, publisher, post["id"], moved)
    await handle.execute_update(RESCHEDULE_UPDATE, moved.isoformat())
    assert await handle.query(PUBLISH_AT_QUERY) == moved.isoformat()

    outcome = await asyncio.wait_for(handle.result(), timeout=60)
    assert outcome.status == "published"
    assert await env.get_current_time() >= moved, "never before its (moved) time"
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "published"


async def test_a_post_deleted_weeks_before_its_time_never_publishes(far_future, publisher, instagram):
    env, queue, posts = far_future
    post = publisher.create_post(caption="Deleted while it slept")
    handle, due = await _schedule(env, queue, posts, publisher, post["id"], days=21)
    assert publisher.client.delete(f"/api/v1/posts/{post['id']}").status_code == 200

    outcome = await asyncio.wait_for(handle.result(), timeout=60)
    assert outcome.status == "deleted"
    assert await env.get_current_time() >= due - timedelta(seconds=LEAD)
    assert publishes(instagram, publisher.ig_user_id) == []


async def test_a_reschedule_into_the_past_is_refused_by_the_sleeping_workflow(far_future, publisher):
    env, queue, posts = far_future
    post = publisher.create_post()
    handle, due = await _schedule(env, queue, posts, publisher, post["id"], days=10)
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    with pytest.raises(WorkflowUpdateFailedError) as refused:
        await handle.execute_update(RESCHEDULE_UPDATE, past)
    assert "in the past" in str(refused.value.cause)
    assert await handle.query(PUBLISH_AT_QUERY) == due.isoformat()
    await handle.cancel()


async def test_a_daily_series_publishes_day_after_day(far_future, publisher, instagram):
    # (Continue-as-new is exercised on the dev server, tests/services/scheduler/test_recurrence.py: the
    # time-skipping server stops skipping once a run that started abandoned children
    # continues as new.)
    env, queue, _posts = far_future
    reply = publisher.client.patch(f"/api/v1/accounts/{publisher.account_id}", json={"min_gap_minutes": 0})
    assert reply.status_code == 200
    post = publisher.create_post(caption="Every day at noon")
    start = (datetime.now(UTC) + timedelta(days=1)).replace(hour=12, minute=0, second=0, microsecond=0)
    handle = await env.client.start_workflow(
        SERIES_WORKFLOW_NAME,
        SeriesInput(
            post_id=post["id"],
            user_id=publisher.id,
            account_id=publisher.account_id,
            rule=SeriesRule("FREQ=DAILY;COUNT=5", "UTC", start.replace(tzinfo=None).isoformat()),
            lead_seconds=LEAD,
        ),
        id=series_workflow_id(post["id"]),
        task_queue=queue,
    )
    assert await asyncio.wait_for(handle.result(), timeout=60) == 5

    made = publisher.client.get(
        "/api/v1/posts", params={"series_id": post["id"], "sort": "scheduled_for", "order": "asc"}
    )
    copies = made.json()["items"]
    assert [datetime.fromisoformat(c["scheduled_for"]) for c in copies] == [
        start + timedelta(days=n) for n in range(5)
    ]
    # The series ended with its last copy made; four copies have had their day and are
    # published, the fifth waits for its own (the time-skipping server skips time only for
    # the workflow a client awaits, so it is not driven further here).
    assert len(publishes(instagram, publisher.ig_user_id)) == 4
    statuses = [publisher.client.get(f"/api/v1/posts/{c['id']}").json()["status"] for c in copies]
    assert statuses == ["published"] * 4 + ["scheduled"]
    last = env.client.get_workflow_handle(workflow_id(copies[-1]["id"]))
    assert await last.query(PUBLISH_AT_QUERY) == (start + timedelta(days=4)).isoformat()
