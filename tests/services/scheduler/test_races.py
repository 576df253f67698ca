"""Races that used to lose or corrupt a publish: a double-click on Schedule, an edit landing
between the publish step's check and its move to publishing, and a slow Instagram during
preparation (no heartbeat: spurious retries and duplicate containers)."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import grpc
from temporalio.client import Client
from temporalio.testing import ActivityEnvironment

from lib.post_status import PostStatus
from protos import posts_pb2, posts_pb2_grpc
from tests.grpc_clients import signed
from tests.services.scheduler.publishing import IMAGE, ZONE, local_in, publishes, wait_for_status
from tests.worker_activities import publishing_activities
from workflows.contracts.publishing import PostRef, workflow_id


def test_ten_simultaneous_schedule_clicks_make_one_workflow_and_one_publication(publisher, instagram, system):
    post = publisher.create_post(caption="Double click", media=[{"url": IMAGE}])
    body = {"scheduled_time": local_in(6), "timezone": ZONE, "account_id": publisher.account_id}

    def click(_):
        return publisher.client.post(f"/api/v1/posts/{post['id']}/schedule", json=body)

    with ThreadPoolExecutor(10) as pool:
        replies = list(pool.map(click, range(10)))
    statuses = sorted(r.status_code for r in replies)
    assert statuses == [200] + [409] * 9, [r.text for r in replies]
    assert {r.json()["error"]["code"] for r in replies if r.status_code == 409} <= {
        "already_scheduled",
        "schedule_in_progress",
    }
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "scheduled"

    async def runs() -> int:
        client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
        return len([r async for r in client.list_workflows(f"WorkflowId = '{workflow_id(post['id'])}'")])

    assert asyncio.run(runs()) == 1
    wait_for_status(publisher, post["id"], "published", timeout=40)
    time.sleep(1)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1


def _record(system, request: posts_pb2.RecordPublishingRequest):
    """RecordPublishing as the publishing worker calls it."""
    with grpc.insecure_channel(f"127.0.0.1:{system.env['POSTFLOW_POSTS_GRPC_PORT']}") as channel:
        return posts_pb2_grpc.PostsStub(channel).RecordPublishing(
            request, timeout=10, metadata=signed(system, caller="worker", service="posts")
        )


def test_the_move_to_publishing_is_guarded_by_the_prepared_version(publisher, system, db):
    post = publisher.create_post(caption="Prepared at version 1", media=[{"url": IMAGE}])
    reply = publisher.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": local_in(3600), "timezone": ZONE, "account_id": publisher.account_id},
    )
    assert reply.status_code == 200, reply.text
    # The edit lands after preparation (version 1), before the move to publishing.
    edited = publisher.client.put(
        f"/api/v1/posts/{post['id']}", json={"version": post["version"], "caption": "Edited in the gap"}
    )
    assert edited.status_code == 200, edited.text
    try:
        _record(
            system,
            posts_pb2.RecordPublishingRequest(
                user_id=publisher.id,
                post_id=post["id"],
                status=PostStatus.PUBLISHING.to_proto(),
                expected_version=post["version"],
            ),
        )
        raise AssertionError("a stale version moved to publishing")
    except grpc.RpcError as err:
        assert err.code() == grpc.StatusCode.ABORTED
    after = publisher.client.get(f"/api/v1/posts/{post['id']}").json()
    assert (after["status"], after["caption"]) == ("scheduled", "Edited in the gap")
    # At the version it now has, the move goes through; a change then is refused plainly.
    _record(
        system,
        posts_pb2.RecordPublishingRequest(
            user_id=publisher.id,
            post_id=post["id"],
            status=PostStatus.PUBLISHING.to_proto(),
            expected_version=after["version"],
        ),
    )
    late = publisher.client.put(
        f"/api/v1/posts/{post['id']}", json={"version": after["version"], "caption": "Too late"}
    )
    assert late.status_code == 409
    assert late.json()["error"]["code"] == "already_publishing"
    assert "already publishing" in late.json()["error"]["message"]
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["caption"] == "Edited in the gap"
    publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")
    db.execute("UPDATE posts.posts SET status = 'failed' WHERE id = %s", (post["id"],))


def test_preparation_heartbeats_while_instagram_is_slow(publisher, instagram, system, graph_simulator):
    post = publisher.create_post(caption="Slow Instagram", media=[{"url": IMAGE}])
    reply = publisher.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": local_in(3600), "timezone": ZONE, "account_id": publisher.account_id},
    )
    assert reply.status_code == 200, reply.text
    instagram.post(
        "/_simulator/faults",
        json={"kind": "timeout", "endpoint": "create", "ig_user_id": publisher.ig_user_id, "seconds": 5},
    )

    async def prepare():
        beats: list[float] = []
        activity_env = ActivityEnvironment()
        activity_env.on_heartbeat = lambda *details: beats.append(time.monotonic())
        async with publishing_activities(system, graph_simulator, poll_seconds=0.2, graph_timeout=30) as acts:
            started = time.monotonic()
            prepared = await activity_env.run(
                acts.prepare, PostRef(post["id"], publisher.id, publisher.account_id)
            )
            return prepared, [b - started for b in beats], time.monotonic() - started

    prepared, beats, took = asyncio.run(prepare())
    assert prepared.outcome == "ready", prepared
    assert took >= 5
    # Beats all through the five seconds the container creation hung, not only after it.
    assert len([b for b in beats if b < 5]) >= 3, beats
    publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")


def test_a_rejected_guard_says_why(publisher, system):
    post = publisher.create_post(caption="Never scheduled", media=[{"url": IMAGE}])
    try:
        _record(
            system,
            posts_pb2.RecordPublishingRequest(
                user_id=publisher.id,
                post_id=post["id"],
                status=PostStatus.PUBLISHING.to_proto(),
                expected_version=1,
            ),
        )
        raise AssertionError("a draft moved to publishing")
    except grpc.RpcError as err:
        assert err.code() == grpc.StatusCode.ABORTED
        assert "draft" in err.details()
