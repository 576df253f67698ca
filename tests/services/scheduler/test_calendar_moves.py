"""POST /api/v1/calendar/reschedule: the calendar's drag and drop, all or nothing."""

import time
from datetime import UTC, datetime, timedelta

import grpc
import pytest

from lib.common.grpc_errors import from_rpc_error
from lib.common.proto_time import to_timestamp
from protos import posts_pb2, posts_pb2_grpc
from tests.grpc_clients import signed
from tests.services.scheduler.publishing import IMAGE, ZONE, local_in, publishes, schedule, wait_for_status


def _post(user, **body) -> dict:
    reply = user.client.post("/api/v1/posts", json={"caption": "c", "media": [{"url": IMAGE}], **body})
    assert reply.status_code == 201, reply.text
    return reply.json()


def _move(user, *moves, **extra):
    body = {"moves": [{"post_id": p, "scheduled_time": t, "timezone": ZONE} for p, t in moves], **extra}
    return user.client.post("/api/v1/calendar/reschedule", json=body)


def _get(user, post_id: str) -> dict:
    return user.client.get(f"/api/v1/posts/{post_id}").json()


def test_a_scheduled_post_and_a_planned_draft_move_together_and_the_workflow_follows(publisher, instagram):
    post = _post(publisher, caption="Moved up")
    assert schedule(publisher, post["id"], 3600).status_code == 200
    draft = _post(publisher, caption="An idea", scheduled_for="2027-05-01T10:00:00Z")
    reply = _move(publisher, (post["id"], local_in(3)), (draft["id"], "2027-05-02T09:30"))
    assert reply.status_code == 200, reply.text
    moved = {m["post_id"]: m for m in reply.json()["moved"]}
    assert moved[draft["id"]]["planned"] and moved[draft["id"]]["optimal_score"] is None
    assert moved[draft["id"]]["local_time"] == "2027-05-02T09:30:00+02:00"
    assert not moved[post["id"]]["planned"] and moved[post["id"]]["status"] == "scheduled"
    assert _get(publisher, draft["id"])["scheduled_for"] == "2027-05-02T07:30:00Z"
    assert _get(publisher, draft["id"])["status"] == "draft"
    # The sleeping workflow woke for the new time: published within seconds, once.
    wait_for_status(publisher, post["id"], "published", timeout=30)
    assert [p["caption"] for p in publishes(instagram, publisher.ig_user_id)] == ["Moved up"]


def test_one_move_that_cannot_be_made_moves_nothing_and_each_refusal_is_named(publisher):
    first, second = _post(publisher), _post(publisher)
    assert schedule(publisher, first["id"], 7200).status_code == 200
    assert schedule(publisher, second["id"], 4 * 3600).status_code == 200
    draft = _post(publisher, scheduled_for="2027-05-01T10:00:00Z")
    before = {p: _get(publisher, p)["scheduled_for"] for p in (first["id"], second["id"], draft["id"])}
    reply = _move(
        publisher,
        (draft["id"], "2027-05-03T10:00"),
        (second["id"], local_in(7200 + 120)),  # two minutes from the first: inside the 10-minute gap
        ("00000000-0000-0000-0000-000000000009", "2027-05-03T12:00"),
        ("not-an-id", "2027-05-03T13:00"),  # was a bare 404 for the whole request
    )
    assert reply.status_code == 409, reply.text
    error = reply.json()["error"]
    assert error["code"] == "moves_refused"
    named = {f["field"]: f["message"] for f in error["fields"]}
    assert set(named) == {"moves.1", "moves.2", "moves.3"}
    assert first["id"] in named["moves.1"] and "minutes apart" in named["moves.1"]
    assert "not found" in named["moves.2"] and "not found" in named["moves.3"]
    assert {p: _get(publisher, p)["scheduled_for"] for p in before} == before


def test_a_dry_run_answers_as_the_move_would_and_moves_nothing(publisher, instagram):
    """The calendar asks while a card is dragged over a slot, before the drop."""
    first, second = _post(publisher), _post(publisher)
    assert schedule(publisher, first["id"], 7200).status_code == 200
    assert schedule(publisher, second["id"], 4 * 3600).status_code == 200
    draft = _post(publisher, scheduled_for="2027-05-01T10:00:00Z")
    before = {p: _get(publisher, p)["scheduled_for"] for p in (first["id"], second["id"], draft["id"])}

    refused = _move(publisher, (second["id"], local_in(7200 + 120)), dry_run=True)
    assert refused.status_code == 409, refused.text
    assert "minutes apart" in refused.json()["error"]["fields"][0]["message"]
    skipped = _move(publisher, (draft["id"], "2031-03-30T02:30"), dry_run=True)
    assert skipped.status_code == 409 and "03:00" in skipped.json()["error"]["fields"][0]["message"]

    fine = _move(publisher, (second["id"], local_in(3)), (draft["id"], "2027-05-02T09:30"), dry_run=True)
    assert fine.status_code == 200, fine.text
    answered = {m["post_id"]: m for m in fine.json()["moved"]}
    assert answered[draft["id"]]["local_time"] == "2027-05-02T09:30:00+02:00"
    assert answered[second["id"]]["optimal_score"] is not None
    assert {p: _get(publisher, p)["scheduled_for"] for p in before} == before
    # Its workflow still sleeps for the old time: nothing goes out at the dry run's.
    time.sleep(6)
    assert publishes(instagram, publisher.ig_user_id) == []
    assert _get(publisher, second["id"])["status"] == "scheduled"


def test_two_posts_may_swap_slots_in_one_move(publisher):
    first, second = _post(publisher), _post(publisher)
    at_first, at_second = local_in(7200), local_in(7200 + 300)  # five minutes apart
    reply = publisher.client.post(
        f"/api/v1/posts/{first['id']}/schedule",
        json={"scheduled_time": at_first, "timezone": ZONE, "account_id": publisher.account_id},
    )
    assert reply.status_code == 200, reply.text
    publisher.client.patch(f"/api/v1/accounts/{publisher.account_id}", json={"min_gap_minutes": 4})
    reply = publisher.client.post(
        f"/api/v1/posts/{second['id']}/schedule",
        json={"scheduled_time": at_second, "timezone": ZONE, "account_id": publisher.account_id},
    )
    assert reply.status_code == 200, reply.text
    # Each alone would land on the other; together they swap (counted at their new times).
    assert _move(publisher, (first["id"], at_second)).status_code == 409
    reply = _move(publisher, (first["id"], at_second), (second["id"], at_first))
    assert reply.status_code == 200, reply.text
    assert _get(publisher, first["id"])["scheduled_local"].startswith(at_second)
    assert _get(publisher, second["id"])["scheduled_local"].startswith(at_first)


def test_times_the_clocks_skip_the_past_and_posts_that_cannot_move_are_refused(publisher, db):
    scheduled, done = _post(publisher), _post(publisher)
    assert schedule(publisher, scheduled["id"], 3600).status_code == 200
    db.execute("UPDATE posts.posts SET status = 'published' WHERE id = %s", (done["id"],))
    reply = _move(
        publisher,
        (scheduled["id"], "2031-03-30T02:30"),  # Paris springs forward from 02:00 to 03:00
        (done["id"], "2031-04-01T10:00"),
        (_post(publisher)["id"], "2020-01-01T10:00"),
    )
    assert reply.status_code == 409, reply.text
    named = {f["field"]: f["message"] for f in reply.json()["error"]["fields"]}
    assert "03:00" in named["moves.0"]
    assert "published" in named["moves.1"]
    assert "past" in named["moves.2"]


def test_the_request_itself_is_checked(publisher):
    post = _post(publisher)
    for body, field in (
        ({"moves": []}, "moves"),
        ({"moves": [{"post_id": post["id"], "scheduled_time": "2027-05-01T10:00"}] * 2}, "moves"),
        ({"moves": [{"post_id": post["id"], "scheduled_time": "soon"}]}, "moves.0"),
        ({"moves": [{"post_id": post["id"], "scheduled_time": "2027-05-01T10:00"}] * 51}, "moves"),
    ):
        reply = publisher.client.post("/api/v1/calendar/reschedule", json=body)
        assert reply.status_code in (409, 422), reply.text
        assert reply.json()["error"]["fields"][0]["field"] == field, (body, reply.text)


def test_the_posts_of_a_move_are_marked_in_one_write_all_or_nothing(publisher, system):
    """The posts service's side of a move: when one post cannot be scheduled (here it was
    deleted after the scheduler checked it), none of them changes."""
    kept = _post(publisher, caption="Would move")
    gone = _post(publisher, caption="Deleted meanwhile")
    assert publisher.client.delete(f"/api/v1/posts/{gone['id']}").status_code in (200, 204)
    when = datetime.now(UTC) + timedelta(days=2)

    def mark(*post_ids):
        request = posts_pb2.MarkScheduledManyRequest(
            user_id=publisher.id,
            posts=[
                posts_pb2.MarkScheduledRequest(
                    post_id=post_id,
                    account_id=publisher.account_id,
                    scheduled_for=to_timestamp(when + timedelta(hours=i)),
                    timezone=ZONE,
                    optimal_time_score=0.5,
                )
                for i, post_id in enumerate(post_ids)
            ],
        )
        with grpc.insecure_channel(f"127.0.0.1:{system.env['POSTFLOW_POSTS_GRPC_PORT']}") as channel:
            return posts_pb2_grpc.PostsStub(channel).MarkScheduledMany(
                request, timeout=10, metadata=signed(system, caller="scheduler", service="posts")
            )

    with pytest.raises(grpc.RpcError) as refused:
        mark(kept["id"], gone["id"])
    assert refused.value.code() == grpc.StatusCode.ABORTED
    detail = from_rpc_error(refused.value)
    assert [v.field for v in detail.violations] == ["posts.1"]
    assert _get(publisher, kept["id"])["status"] == "draft"

    assert mark(kept["id"]).marked == 1
    after = _get(publisher, kept["id"])
    assert after["status"] == "scheduled" and after["optimal_time_score"] == 0.5
    assert datetime.fromisoformat(after["scheduled_for"].replace("Z", "+00:00")) == when
    with pytest.raises(grpc.RpcError) as twice:
        mark(kept["id"], kept["id"])
    assert twice.value.code() == grpc.StatusCode.INVALID_ARGUMENT
