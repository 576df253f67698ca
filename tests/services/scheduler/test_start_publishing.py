"""StartPublishing: a worker's wave of posts moved to publishing in one call, each guarded as
RecordPublishing guards one."""

import asyncio
import time
import uuid
from datetime import datetime

import grpc

from lib.common.proto_time import to_timestamp
from protos import posts_pb2, posts_pb2_grpc
from tests.grpc_clients import signed
from tests.services.scheduler.publishing import IMAGE, ZONE, local_in, user_events


def _start(system, starts: list[posts_pb2.PublishingStart]) -> list[posts_pb2.PublishingStarted]:
    with grpc.insecure_channel(f"127.0.0.1:{system.env['POSTFLOW_POSTS_GRPC_PORT']}") as channel:
        return list(
            posts_pb2_grpc.PostsStub(channel)
            .StartPublishing(
                posts_pb2.StartPublishingRequest(posts=starts),
                timeout=10,
                metadata=signed(system, caller="worker", service="posts"),
            )
            .results
        )


def test_a_wave_moves_each_post_still_as_prepared_and_says_why_not_for_the_others(publisher, system, db):
    posts = [publisher.create_post(caption=f"Wave {n}", media=[{"url": IMAGE}]) for n in range(5)]
    due = {}
    for n, post in enumerate(posts):
        reply = publisher.client.post(
            f"/api/v1/posts/{post['id']}/schedule",
            json={
                "scheduled_time": local_in(3600 + 900 * n),
                "timezone": ZONE,
                "account_id": publisher.account_id,
            },
        )
        assert reply.status_code == 200, reply.text
        due[post["id"]] = datetime.fromisoformat(reply.json()["scheduled_for"])
    ready, edited, moved, unscheduled, retried = posts
    assert (
        publisher.client.put(
            f"/api/v1/posts/{edited['id']}", json={"version": edited["version"], "caption": "Edited"}
        ).status_code
        == 200
    )
    later = publisher.client.put(
        f"/api/v1/posts/{moved['id']}/schedule",
        json={"scheduled_time": local_in(9000), "timezone": ZONE, "account_id": publisher.account_id},
    )
    assert later.status_code == 200, later.text
    assert publisher.client.delete(f"/api/v1/posts/{unscheduled['id']}/schedule").status_code == 200

    def start(post) -> posts_pb2.PublishingStart:
        return posts_pb2.PublishingStart(
            user_id=publisher.id,
            post_id=post["id"],
            expected_version=post["version"],
            expected_scheduled_for=to_timestamp(due[post["id"]]),
        )

    # A retried publish finds its post publishing already: that is no refusal.
    assert not _start(system, [start(retried)])[0].HasField("error")
    results = _start(system, [start(p) for p in posts])
    assert [r.post_id for r in results] == [p["id"] for p in posts]
    errors = [r.error.code if r.HasField("error") else None for r in results]
    assert errors == [None, "post_changed_since_prepared", "post_moved", "post_changed", None]
    assert datetime.fromisoformat(results[2].error.context["scheduled_for"]) == datetime.fromisoformat(
        later.json()["scheduled_for"]
    )
    statuses = [publisher.client.get(f"/api/v1/posts/{p['id']}").json()["status"] for p in posts]
    assert statuses == ["publishing", "scheduled", "scheduled", "draft", "publishing"]
    # Each move announced once: the wave's second start of `retried` announced nothing.
    events = asyncio.run(user_events(system.env["POSTFLOW_NATS_URL"], publisher.id, time.monotonic() + 3))
    to_publishing = [
        (e["post_id"], e["previous_status"])
        for e in events
        if e["type"] == "post_status_update" and e["status"] == "publishing"
    ]
    assert sorted(to_publishing) == sorted([(ready["id"], "scheduled"), (retried["id"], "scheduled")])
    for post in (edited, moved):
        publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")
    db.execute("UPDATE posts.posts SET status = 'failed' WHERE id = ANY(%s)", ([ready["id"], retried["id"]],))


def test_a_wave_is_refused_whole_when_it_names_a_post_twice(publisher, system):
    post = publisher.create_post(caption="Twice", media=[{"url": IMAGE}])
    one = posts_pb2.PublishingStart(user_id=publisher.id, post_id=post["id"], expected_version=1)
    try:
        _start(system, [one, one])
        raise AssertionError("a wave naming a post twice was accepted")
    except grpc.RpcError as err:
        assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "draft"


def test_an_empty_wave_is_answered_with_no_results(system):
    assert _start(system, []) == []


def test_an_oversized_wave_is_refused_naming_the_field_and_a_malformed_id_is_nobodys_post(publisher, system):
    oversized = [
        posts_pb2.PublishingStart(user_id=publisher.id, post_id=str(uuid.uuid4()), expected_version=1)
        for _ in range(501)
    ]
    malformed = [posts_pb2.PublishingStart(user_id=publisher.id, post_id="not-a-uuid", expected_version=1)]
    for starts, code, says in (
        (oversized, grpc.StatusCode.INVALID_ARGUMENT, "posts: at most 500"),
        (malformed, grpc.StatusCode.NOT_FOUND, "Post not found"),
    ):
        try:
            _start(system, starts)
            raise AssertionError(f"accepted: {says}")
        except grpc.RpcError as err:
            assert err.code() == code
            assert says in err.details(), err.details()
