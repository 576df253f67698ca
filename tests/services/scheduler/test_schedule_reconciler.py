"""The schedule reconciler's round, on the running system: each way a post and its workflow
can disagree in normal running (a lost move, a lost take-back, a workflow ended behind the
post's back, a deletion, a post with no workflow at all) is found and repaired from the side
changed last, and a second round finds nothing more."""

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta

from temporalio.client import Client, WorkflowExecutionStatus, WorkflowFailureError

from protos import posts_pb2, posts_pb2_grpc, scheduler_pb2, scheduler_pb2_grpc
from tests.grpc_clients import aio_channel
from tests.services.scheduler.publishing import mark_scheduled, publishes, schedule, wait_for_status
from workflows.contracts.publishing import PUBLISH_AT_QUERY, workflow_id


async def _round(system) -> scheduler_pb2.ReconcileSchedulesReport:
    async with aio_channel(system, caller="worker", service="scheduler") as channel:
        return await scheduler_pb2_grpc.SchedulerStub(channel).ReconcileSchedules(
            scheduler_pb2.ReconcileSchedulesRequest(), timeout=120
        )


def _of(report, post_ids) -> dict[str, str]:
    return {one.post_id: one.action for one in [*report.repairs, *report.failed] if one.post_id in post_ids}


async def _status(client: Client, post_id: str) -> WorkflowExecutionStatus:
    return (await client.get_workflow_handle(workflow_id(post_id)).describe()).status


def _backdate(db, post_id: str, **times: datetime) -> None:
    """The post as a restored or long-untouched row would be: changed long ago."""
    assignments = ", ".join(f"{column} = %({column})s" for column in times)
    db.execute(f"UPDATE posts.posts SET {assignments} WHERE id = %(id)s", {**times, "id": post_id})


async def test_each_disagreement_is_repaired_from_the_side_changed_last(system, publisher, db, instagram):
    client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
    posts = {
        name: publisher.create_post(
            caption=f"Reconciled {name}", media=[{"url": "https://cdn.example.com/r.jpg"}]
        )
        for name in ("move lost", "take-back lost", "workflow cancelled", "deleted", "no workflow", "missed")
    }
    ids = {post["id"]: name for name, post in posts.items()}
    for name, hours in (("move lost", 1), ("take-back lost", 2), ("workflow cancelled", 3), ("deleted", 4)):
        assert schedule(publisher, posts[name]["id"], hours * 3600).status_code == 200, name

    # The post changed and its workflow never heard of it (the scheduler died in between).
    moved_to = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=5)
    await mark_scheduled(system, publisher, posts["move lost"]["id"], moved_to)
    async with aio_channel(system, caller="scheduler", service="posts") as channel:
        await posts_pb2_grpc.PostsStub(channel).MarkUnscheduled(
            posts_pb2.PostRef(user_id=publisher.id, post_id=posts["take-back lost"]["id"])
        )
    # The workflow ended and its post never heard of it (an operator cancelled it).
    await client.get_workflow_handle(workflow_id(posts["workflow cancelled"]["id"])).cancel()
    assert publisher.client.delete(f"/api/v1/posts/{posts['deleted']['id']}").status_code == 200
    # Marked scheduled, and no workflow ever started: due a minute ago, or two days ago.
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    for name, due in (("no workflow", timedelta(minutes=1)), ("missed", timedelta(days=2))):
        await mark_scheduled(system, publisher, posts[name]["id"], datetime.now(UTC) + timedelta(hours=1))
        _backdate(db, posts[name]["id"], scheduled_for=datetime.now(UTC) - due, updated_at=long_ago)
    with contextlib.suppress(WorkflowFailureError):  # until it has ended, cancelled
        await client.get_workflow_handle(workflow_id(posts["workflow cancelled"]["id"])).result()

    report = await _round(system)
    assert {ids[post_id]: action for post_id, action in _of(report, ids).items()} == {
        "move lost": "moved_workflow",
        "take-back lost": "cancelled_workflow",
        "workflow cancelled": "unscheduled_post",
        "deleted": "cancelled_workflow",
        "no workflow": "started_workflow",
        "missed": "failed_missed",
    }, report
    assert _of(await _round(system), ids) == {}, "a second round repaired again"

    handle = client.get_workflow_handle(workflow_id(posts["move lost"]["id"]))
    assert datetime.fromisoformat(await handle.query(PUBLISH_AT_QUERY)) == moved_to
    for name in ("take-back lost", "deleted"):
        assert await _status(client, posts[name]["id"]) == WorkflowExecutionStatus.CANCELED, name
    assert (
        publisher.client.get(f"/api/v1/posts/{posts['workflow cancelled']['id']}").json()["status"] == "draft"
    )
    # The one a minute late goes out now, once; the one two days late is not what anyone
    # wanted any more: it failed, with the reason.
    wait_for_status(publisher, posts["no workflow"]["id"], "published")
    missed = wait_for_status(publisher, posts["missed"]["id"], "failed")
    assert "Missed" in missed["last_error"], missed
    out = [p["caption"].split("\n")[0] for p in publishes(instagram, publisher.ig_user_id)]
    assert out == ["Reconciled no workflow"], out


def test_the_round_is_refused_to_the_gateway(system):
    async def ask() -> None:
        async with aio_channel(system, caller="gateway", service="scheduler") as channel:
            await scheduler_pb2_grpc.SchedulerStub(channel).ReconcileSchedules(
                scheduler_pb2.ReconcileSchedulesRequest(), timeout=30
            )

    try:
        asyncio.run(ask())
    except Exception as err:  # noqa: BLE001 - grpc.aio.AioRpcError
        assert "PERMISSION_DENIED" in str(err) or "permission" in str(err).lower(), err
    else:
        raise AssertionError("the gateway ran a reconcile round")
