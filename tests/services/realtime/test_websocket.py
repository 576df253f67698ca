"""Live events over WebSocket, through the gateway's /ws (one origin with the REST API) to
the realtime service, fed by the real NATS JetStream stream the services publish to."""

import asyncio
import json
import subprocess
import sys
import time

import nats
import pytest

from devtools.stack import free_port, wait_listening
from lib.common.events import STREAM, PostStatusUpdate, user_subjects
from tests.services.media.helpers import make_video, upload
from tests.services.realtime.clients import (
    RawSocket,
    close_code,
    events_until,
    next_event,
    open_socket,
    quiet_for,
    token_of,
    ws_url,
)
from tests.services.scheduler.publishing import IMAGE, schedule, wait_for_status


def published(event: dict) -> bool:
    return event["type"] == "post_status_update" and event["status"] == "published"


def test_a_scheduled_post_is_watched_live_from_scheduled_to_published(api, publisher):
    post = publisher.create_post(media=[{"url": IMAGE}])
    with open_socket(api.base_url, publisher) as socket:
        assert schedule(publisher, post["id"], 2).status_code == 200
        events = events_until(socket, published, timeout=40)
    statuses = [(e["previous_status"], e["status"]) for e in events if e["type"] == "post_status_update"]
    assert statuses == [("draft", "scheduled"), ("scheduled", "publishing"), ("publishing", "published")]
    progress = [e for e in events if e["type"] == "publishing_progress"]
    assert len(progress) >= 2
    assert all(0 <= e["progress"] <= 100 and e["current_step"] and e["timestamp"] for e in progress)
    assert progress[-1]["progress"] == 100
    assert all(e["post_id"] == post["id"] for e in events)
    ids = [e["event_id"] for e in events]
    assert all(isinstance(i, int) for i in ids) and ids == sorted(set(ids))
    assert events[-1]["metadata"]["permalink"].startswith("https://www.instagram.com/p/")


def test_connections_without_a_valid_token_or_for_another_user_are_refused(api):
    user, other = api.new_user(), api.new_user()
    with open_socket(api.base_url, user, token="not-a-token", refused=True) as socket:
        assert close_code(socket) == 4401
    from websockets.sync.client import connect  # noqa: PLC0415

    with connect(ws_url(api.base_url, user.id), open_timeout=10) as socket:
        assert close_code(socket) == 4401
    with open_socket(api.base_url, user, token=token_of(other), refused=True) as socket:
        assert close_code(socket) == 4403
    # The token may come as a subprotocol instead (browsers cannot set headers).
    with connect(ws_url(api.base_url, user.id), subprotocols=["bearer", token_of(user)]) as socket:
        assert socket.subprotocol == "bearer"
        assert json.loads(socket.recv(timeout=10))["type"] == "connected"
        socket.send(json.dumps({"type": "ping", "data": "tab-1"}))
        pong = next_event(socket)
        assert (pong["type"], pong["data"]) == ("pong", "tab-1")


def test_each_user_receives_only_their_own_events_in_every_tab(api, publisher):
    stranger = api.new_user()
    post = publisher.create_post(media=[{"url": IMAGE}])
    with (
        open_socket(api.base_url, publisher) as first_tab,
        open_socket(api.base_url, publisher) as second_tab,
        open_socket(api.base_url, stranger) as strangers,
    ):
        assert schedule(publisher, post["id"], 3600).status_code == 200
        one, two = next_event(first_tab), next_event(second_tab)
        assert one == two and one["status"] == "scheduled"
        assert quiet_for(strangers, 1.5) == []


def stream_event_ids(nats_url: str, user_id: str) -> list[int]:
    """Every event id the stream holds for the user, read straight from JetStream."""

    async def read() -> list[int]:
        connection = await nats.connect(nats_url)
        subscription = await connection.jetstream().subscribe(
            user_subjects(user_id), stream=STREAM, ordered_consumer=True
        )
        ids = []
        while True:
            try:
                message = await subscription.next_msg(timeout=1)
            except (TimeoutError, nats.errors.TimeoutError):
                break
            ids.append(message.metadata.sequence.stream)
        await connection.close()
        return ids

    return asyncio.run(read())


def test_a_client_that_reconnects_with_its_last_event_id_misses_nothing_and_gets_nothing_twice(
    api, publisher, system
):
    post = publisher.create_post(media=[{"url": IMAGE}])
    with open_socket(api.base_url, publisher) as socket:
        assert schedule(publisher, post["id"], 2).status_code == 200
        scheduled = next_event(socket)
    assert scheduled["status"] == "scheduled"
    # Offline while the post publishes.
    wait_for_status(publisher, post["id"], "published", timeout=40)
    second = publisher.create_post(media=[{"url": IMAGE}])
    with open_socket(api.base_url, publisher, last_event_id=scheduled["event_id"]) as socket:
        missed = events_until(socket, published, timeout=20)
        # Then live: a new event arrives after the replayed ones.
        assert schedule(publisher, second["id"], 3600).status_code == 200
        live = events_until(socket, lambda e: e.get("post_id") == second["id"], timeout=20)
    received = [e["event_id"] for e in missed + live]
    stream = stream_event_ids(system.env["POSTFLOW_NATS_URL"], publisher.id)
    assert received == [i for i in stream if scheduled["event_id"] < i <= received[-1]]
    assert (live[-1]["type"], live[-1]["status"]) == ("post_status_update", "scheduled")


def test_a_client_gone_before_its_first_event_resumes_from_where_it_connected(api, publisher):
    post = publisher.create_post(media=[{"url": IMAGE}])
    with open_socket(api.base_url, publisher) as socket:
        resume_point = socket.resume_point
    # Offline: the first event since it connected happens now.
    assert schedule(publisher, post["id"], 3600).status_code == 200
    with open_socket(api.base_url, publisher, last_event_id=resume_point) as socket:
        assert socket.resume_point == resume_point
        missed = next_event(socket)
    assert (missed["type"], missed["status"]) == ("post_status_update", "scheduled")
    assert missed["post_id"] == post["id"]
    assert missed["event_id"] > resume_point


def flood(nats_url: str, user_id: str, count: int) -> None:
    """count events of 8 KB for the user, published as the services publish theirs."""
    post_id = "00000000-0000-4000-8000-000000000000"

    async def publish() -> None:
        connection = await nats.connect(nats_url)
        js = connection.jetstream()
        for n in range(count):
            event = PostStatusUpdate(
                user_id=user_id,
                post_id=post_id,
                status="scheduled",
                previous_status="draft",
                metadata={"note": "x" * 8_000, "n": n},
            )
            await js.publish(event.subject, json.dumps(event.to_json()).encode())
        await connection.close()

    asyncio.run(publish())


@pytest.mark.parametrize("route", ["direct", "gateway"])
def test_a_client_that_cannot_keep_up_is_disconnected_and_others_are_not(api, system, route):
    slow, steady = api.new_user(), api.new_user()
    base_url = (
        api.base_url if route == "gateway" else f"http://127.0.0.1:{system.env['POSTFLOW_REALTIME_PORT']}"
    )
    # Both tabs are subscribed when they return (the server said "connected"): on a busy
    # machine part of the flood could otherwise pass before the slow tab was registered.
    lagging = RawSocket(base_url, f"/ws/posts/{slow.id}?token={token_of(slow)}")
    try:
        with open_socket(base_url, steady) as other:
            # 16 MB the slow tab does not read: more than the socket buffers on the way hold.
            flood(system.env["POSTFLOW_NATS_URL"], slow.id, 2000)
            # ...for long enough that the events reach the server's side of the socket even
            # on a busy machine, and well past the send timeout (2 s in the tests).
            time.sleep(10)
            code, delivered = lagging.close_code(timeout=60)
            assert code == 4008
            assert delivered < 2000
            other.send(json.dumps({"type": "ping"}))
            assert next_event(other)["type"] == "pong"
    finally:
        lagging.close()


def test_heartbeats_arrive_on_an_idle_connection(api):
    user = api.new_user()
    with open_socket(api.base_url, user) as socket:
        message = json.loads(socket.recv(timeout=5))
        assert message["type"] == "heartbeat" and message["timestamp"]


def test_reschedules_and_media_processing_are_events_too(api, publisher, tmp_path):
    post = publisher.create_post(media=[{"url": IMAGE}])
    assert schedule(publisher, post["id"], 3600).status_code == 200
    with open_socket(api.base_url, publisher) as socket:
        assert schedule(publisher, post["id"], 7200, method="PUT").status_code == 200
        moved = next_event(socket)
        assert moved["type"] == "schedule_changed"
        assert moved["previous_scheduled_for"] < moved["scheduled_for"]
        content = make_video(tmp_path / "clip.mp4", seconds=4, size="640x360", rate=12)
        item = upload(publisher, content, filename="clip.mp4").json()["items"][0]
        seen = events_until(
            socket, lambda e: e["type"] == "media_processing" and e["status"] != "processing", timeout=60
        )
    processing = [e for e in seen if e["type"] == "media_processing"]
    assert all(e["media_id"] == item["id"] for e in processing)
    assert processing[-1]["status"] == "ready" and processing[-1]["progress"] == 100
    assert [e["progress"] for e in processing] == sorted(e["progress"] for e in processing)


def test_several_realtime_replicas_each_deliver_every_event(api, publisher, system, tmp_path):
    port = free_port()
    replica = subprocess.Popen(
        [sys.executable, "-m", "services.realtime.main"],
        env={
            **system.env,
            "POSTFLOW_REALTIME_PORT": str(port),
            "POSTFLOW_REALTIME_GRPC_PORT": str(free_port()),
        },
        stdout=(tmp_path / "replica.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_listening(port, replica)
        post = publisher.create_post(media=[{"url": IMAGE}])
        with (
            open_socket(api.base_url, publisher) as through_gateway,
            open_socket(f"http://127.0.0.1:{port}", publisher) as direct,
        ):
            assert schedule(publisher, post["id"], 3600).status_code == 200
            assert next_event(through_gateway) == next_event(direct)
    finally:
        replica.terminate()
        replica.wait()


@pytest.mark.parametrize("last_event_id", ["-1", "abc"])
def test_a_malformed_last_event_id_is_refused(api, last_event_id):
    user = api.new_user()
    with open_socket(api.base_url, user, last_event_id=last_event_id, refused=True) as socket:
        assert close_code(socket) == 1008
