"""A worker killed while media_publish is in flight: the post is published exactly once.

The workflow runs on a task queue of its own, served by worker processes this test starts
and kills; everything else (Temporal, the services, the simulator) is the session's system.
"""

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from temporalio.client import Client

from lib.common.proto_time import to_timestamp
from protos import posts_pb2, posts_pb2_grpc
from tests.grpc_clients import aio_channel
from tests.services.scheduler.publishing import mark_scheduled, publishes
from workflows.contracts.publishing import WORKFLOW_NAME, Outcome, PublishPostInput, workflow_id

ROOT = Path(__file__).resolve().parents[2]


def start_worker(system, queue: str, log: Path) -> subprocess.Popen:
    env = {
        **system.env,
        "POSTFLOW_TEMPORAL_TASK_QUEUE": queue,
        # Longer than the simulator's hang: the worker is killed while it waits.
        "POSTFLOW_GRAPH_API_TIMEOUT_SECONDS": "30",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "workflows.worker"],
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )


async def _start(client, queue: str, user, post: dict, publish_at: datetime, **timing):
    """The post's publishing workflow, on this test's own task queue."""
    return await client.start_workflow(
        WORKFLOW_NAME,
        PublishPostInput(post["id"], user.id, user.account_id, publish_at.isoformat(), **timing),
        id=workflow_id(post["id"]),
        task_queue=queue,
        result_type=Outcome,
    )


def wait_for_post_status(user, post_id: str, wanted: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if user.client.get(f"/api/v1/posts/{post_id}").json()["status"] == wanted:
            return
        time.sleep(0.05)
    raise AssertionError(f"post never became {wanted}")


async def test_a_worker_killed_during_publish_publishes_exactly_once(system, publisher, instagram, tmp_path):
    post = publisher.create_post(caption="Published by a worker that died")
    publish_at = datetime.now(UTC) + timedelta(seconds=3)
    await mark_scheduled(system, publisher, post["id"], publish_at)
    # media_publish hangs 4 s, then publishes: the worker dies before it hears anything.
    instagram.post(
        "/_simulator/faults",
        json={"kind": "timeout", "ig_user_id": publisher.ig_user_id, "endpoint": "publish", "seconds": 4},
    )
    queue = f"worker-killed-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    doomed = start_worker(system, queue, log)
    replacement = None
    try:
        client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
        handle = await _start(
            client, queue, publisher, post, publish_at, lead_seconds=1, reconcile_interval_seconds=2
        )
        await asyncio.to_thread(wait_for_post_status, publisher, post["id"], "publishing")
        await asyncio.sleep(0.5)  # the media_publish call is on its way
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=10)
        assert publishes(instagram, publisher.ig_user_id) == [], "killed before Instagram answered"

        replacement = start_worker(system, queue, log)
        outcome = await asyncio.wait_for(handle.result(), timeout=90)
    finally:
        for process in (doomed, replacement):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=10)

    assert outcome.status == "published", log.read_text()[-3000:]
    published = publishes(instagram, publisher.ig_user_id)
    assert len(published) == 1
    stored = publisher.client.get(f"/api/v1/posts/{post['id']}").json()
    assert stored["status"] == "published"
    assert stored["instagram_media_id"] == published[0]["media_id"]


async def _held(handle) -> bool:
    described = await handle.describe()
    return any(p.activity_type.name == "publish" for p in described.raw_description.pending_activities)


async def test_a_worker_killed_while_holding_a_burst_loses_none_and_publishes_each_once(
    system, publisher, instagram, tmp_path
):
    """Twenty posts due at the same second, their publishes held by one worker until then:
    the worker is killed while it holds them all; a replacement publishes each exactly once,
    none before its time."""
    posts = [publisher.create_post(caption=f"Burst held {i}") for i in range(20)]
    publish_at = datetime.now(UTC) + timedelta(seconds=8)
    async with aio_channel(system, caller="scheduler", service="posts") as channel:
        stub = posts_pb2_grpc.PostsStub(channel)
        for post in posts:
            await stub.MarkScheduled(
                posts_pb2.MarkScheduledRequest(
                    user_id=publisher.id,
                    post_id=post["id"],
                    account_id=publisher.account_id,
                    scheduled_for=to_timestamp(publish_at),
                    timezone="UTC",
                )
            )
    queue = f"worker-killed-holding-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    doomed = start_worker(system, queue, log)
    replacement = None
    try:
        client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
        handles = [await _start(client, queue, publisher, post, publish_at, lead_seconds=7) for post in posts]
        while not all([await _held(handle) for handle in handles]):
            assert datetime.now(UTC) < publish_at - timedelta(seconds=1), "not all held in time"
            await asyncio.sleep(0.1)
        # Prepared and holding: to the user it is waiting for its time, not publishing.
        status = publisher.client.get(f"/api/v1/posts/{posts[0]['id']}/status").json()
        assert status["step"] == "waiting" and status["status"] == "scheduled", status
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=10)
        assert publishes(instagram, publisher.ig_user_id) == [], "killed before the due second"

        replacement = start_worker(system, queue, log)
        outcomes = await asyncio.wait_for(asyncio.gather(*(h.result() for h in handles)), timeout=90)
    finally:
        for process in (doomed, replacement):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=10)

    assert {o.status for o in outcomes} == {"published"}, log.read_text()[-3000:]
    published = publishes(instagram, publisher.ig_user_id)
    # Instagram's caption is the post's caption with its hashtags after it.
    assert sorted(p["caption"].split("\n")[0] for p in published) == sorted(p["caption"] for p in posts)
    assert all(p["published_at"] >= publish_at.timestamp() for p in published), "none early"
