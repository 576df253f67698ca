"""Helpers for tests that schedule posts and watch them publish."""

import json
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import nats

from lib.common.events import STREAM, user_subjects
from lib.common.proto_time import to_timestamp
from protos import posts_pb2, posts_pb2_grpc
from tests.grpc_clients import aio_channel

ZONE = "Europe/Paris"
IMAGE = "https://cdn.example.com/harbour.jpg"


def local_in(seconds: float, zone: str = ZONE) -> str:
    """At least `seconds` from now on the zone's wall clock, to the second (rounded up: a
    truncated time could already be past when a busy machine delivers the request)."""
    moment = (datetime.now(ZoneInfo(zone)) + timedelta(seconds=seconds)).replace(tzinfo=None)
    if moment.microsecond:
        moment = moment.replace(microsecond=0) + timedelta(seconds=1)
    return moment.isoformat(timespec="seconds")


def schedule(user, post_id: str, seconds: float, method: str = "POST", **extra):
    body = {"scheduled_time": local_in(seconds), "timezone": ZONE, "account_id": user.account_id, **extra}
    return user.client.request(method, f"/api/v1/posts/{post_id}/schedule", json=body)


def wait_for_status(user, post_id: str, wanted: str, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = user.client.get(f"/api/v1/posts/{post_id}/status")
        assert reply.status_code == 200, reply.text
        status = reply.json()
        if status["status"] == wanted:
            return status
        time.sleep(0.2)
    raise AssertionError(f"post {post_id} never became {wanted}: {status}")


def publishes(instagram, ig_user_id: str) -> list[dict]:
    return instagram.get("/_simulator/publishes", params={"ig_user_id": ig_user_id}).json()


def arm(instagram, user, kind: str, endpoint: str | None = None, times: int = 1, seconds: float = 0.0):
    """Make the Graph API simulator answer this account's next calls with a fault."""
    reply = instagram.post(
        "/_simulator/faults",
        json={
            "kind": kind,
            "ig_user_id": user.ig_user_id,
            "endpoint": endpoint,
            "times": times,
            "seconds": seconds,
        },
    )
    assert reply.status_code == 201, reply.text


async def user_events(nats_url: str, user_id: str, until: float) -> list[dict]:
    """Everything the stream holds for user_id, read from the start (as a resuming client)."""
    connection = await nats.connect(nats_url)
    stream = connection.jetstream()
    subscription = await stream.subscribe(user_subjects(user_id), stream=STREAM, ordered_consumer=True)
    seen = []
    while time.monotonic() < until:
        try:
            message = await subscription.next_msg(timeout=0.5)
        except (TimeoutError, nats.errors.TimeoutError):
            # Quiet after the outcome (progress and status come from two processes, in
            # either order).
            if any(e.get("status") in ("published", "failed") for e in seen):
                break
            continue
        seen.append(json.loads(message.data))
    await connection.close()
    return seen


async def mark_scheduled(system, user, post_id: str, publish_at: datetime) -> None:
    """The post marked scheduled as the scheduler marks it (for a test that starts the
    post's workflow itself, on a queue or with timings of its own)."""
    async with aio_channel(system, caller="scheduler", service="posts") as channel:
        await posts_pb2_grpc.PostsStub(channel).MarkScheduled(
            posts_pb2.MarkScheduledRequest(
                user_id=user.id,
                post_id=post_id,
                account_id=user.account_id,
                scheduled_for=to_timestamp(publish_at),
                timezone="UTC",
            )
        )
