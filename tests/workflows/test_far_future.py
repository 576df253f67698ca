"""Posts due weeks ahead, on Temporal's time-skipping test server: the workflow's durable
waits are real (timers of 30 and 60 days), the activities run for real against the
session's services and the Graph API simulator."""

import asyncio
import shutil
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
import pytest
from temporalio.client import WorkflowUpdateFailedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from protos import posts_pb2, posts_pb2_grpc, scheduler_pb2_grpc
from services.common.events import EventPublisher
from services.common.proto_time import to_timestamp
from services.instagram.graph_api import GraphApiClient
from tests.scheduler.publishing import publishes
from workflows.publishing.activities import PublishingActivities
from workflows.publishing.shared import WORKFLOW_NAME, Outcome, PublishPostInput, workflow_id
from workflows.publishing.workflows import PublishPostWorkflow

TEST_SERVER = shutil.which("temporal-test-server", path=str(Path(sys.executable).parent))


@pytest.fixture
async def far_future(system, graph_simulator):
    """A time-skipping Temporal with a worker running the real activities."""
    posts_channel = grpc.aio.insecure_channel(f"127.0.0.1:{system.env['POSTFLOW_POSTS_GRPC_PORT']}")
    scheduler_channel = grpc.aio.insecure_channel(f"127.0.0.1:{system.env['POSTFLOW_SCHEDULER_GRPC_PORT']}")
    graph = GraphApiClient(base_url=graph_simulator, version="v21.0", timeout=5)
    events = EventPublisher(system.env["POSTFLOW_NATS_URL"], 3600)
    activities = PublishingActivities(
        posts=posts_pb2_grpc.PostsStub(posts_channel),
        scheduler=scheduler_pb2_grpc.SchedulerStub(scheduler_channel),
        graph=graph,
        events=events,
        poll_seconds=0.1,
    )
    queue = f"far-future-{uuid.uuid4().hex[:8]}"
    async with await WorkflowEnvironment.start_time_skipping(test_server_existing_path=TEST_SERVER) as env:
        async with Worker(
            env.client,
            task_queue=queue,
            workflows=[PublishPostWorkflow],
            activities=[
                activities.prepare,
                activities.publish,
                activities.reconcile,
                activities.record_result,
            ],
        ):
            yield env, queue, posts_pb2_grpc.PostsStub(posts_channel)
    await events.close()
    await graph.close()
    await posts_channel.close()
    await scheduler_channel.close()


async def _schedule(env, queue, posts, user, post_id: str, days: float):
    publish_at = await env.get_current_time() + timedelta(days=days)
    await posts.MarkScheduled(
        posts_pb2.MarkScheduledRequest(
            user_id=user.id,
            post_id=post_id,
            account_id=user.account_id,
            scheduled_for=to_timestamp(publish_at),
            timezone="UTC",
        )
    )
    handle = await env.client.start_workflow(
        WORKFLOW_NAME,
        PublishPostInput(post_id, user.id, user.account_id, publish_at.isoformat(), lead_seconds=300),
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
    await handle.execute_update("reschedule", moved.isoformat())
    assert await handle.query("publish_at") == moved.isoformat()

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
    assert await env.get_current_time() >= due - timedelta(seconds=300)
    assert publishes(instagram, publisher.ig_user_id) == []


async def test_a_reschedule_into_the_past_is_refused_by_the_sleeping_workflow(far_future, publisher):
    env, queue, posts = far_future
    post = publisher.create_post()
    handle, due = await _schedule(env, queue, posts, publisher, post["id"], days=10)
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    with pytest.raises(WorkflowUpdateFailedError) as refused:
        await handle.execute_update("reschedule", past)
    assert "in the past" in str(refused.value.cause)
    assert await handle.query("publish_at") == due.isoformat()
    await handle.cancel()
