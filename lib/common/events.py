"""The one place event subjects are named and events are shaped and published (NATS JetStream).

Every event is JSON: {"type", "message_id", "user_id", "timestamp", ...} and a post_id or a
media_id, published on postflow.<area>.<user_id>.<post or media id> into the POSTFLOW_EVENTS
stream, so that a client (through the realtime service) can follow one user's events and
catch up after a reconnect. `message_id` doubles as the Nats-Msg-Id, so a retried publish
is stored once; the stream's sequence number is the event id clients see (monotonic).
"""

import asyncio
import json
import logging
import uuid
from datetime import UTC, datetime
from typing import Any

import nats
from nats.js.api import StreamConfig
from nats.js.errors import BadRequestError

log = logging.getLogger(__name__)

STREAM = "POSTFLOW_EVENTS"
# Fire-and-forget events waiting for NATS at once, per process.
MAX_IN_FLIGHT = 1000
SUBJECT_PREFIX = "postflow.posts"
MEDIA_SUBJECT_PREFIX = "postflow.media"
NOTIFICATION_SUBJECT_PREFIX = "postflow.notifications"
# postflow.<area>.<user_id>.<id>: one pattern, so that every consumer's filter (all events,
# or one user's) is a subset of the stream's subjects, as JetStream requires.
ALL_EVENTS = "postflow.*.*.*"
STREAM_SUBJECTS = [ALL_EVENTS]


def post_subject(user_id: str, post_id: str) -> str:
    return f"{SUBJECT_PREFIX}.{user_id}.{post_id}"


def media_subject(user_id: str, media_id: str) -> str:
    return f"{MEDIA_SUBJECT_PREFIX}.{user_id}.{media_id}"


def user_subjects(user_id: str) -> str:
    """Every event of one user, posts and media (a subscription filter)."""
    return f"postflow.*.{user_id}.*"


def subject_of(event: dict[str, Any]) -> str:
    if event["type"] == "notification":
        return f"{NOTIFICATION_SUBJECT_PREFIX}.{event['user_id']}.{event['notification_id']}"
    if "media_id" in event:
        return media_subject(event["user_id"], event["media_id"])
    return post_subject(event["user_id"], event["post_id"])


def _event(kind: str, user_id: str, post_id: str, **fields: Any) -> dict[str, Any]:
    return _user_event(kind, user_id, post_id=post_id, **fields)


def _user_event(kind: str, user_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "message_id": uuid.uuid4().hex,
        "user_id": user_id,
        "timestamp": datetime.now(UTC).isoformat(),
        **fields,
    }


def post_status_update(user_id: str, post_id: str, status: str, previous_status: str, **metadata) -> dict:
    return _event(
        "post_status_update",
        user_id,
        post_id,
        status=status,
        previous_status=previous_status,
        metadata=metadata,
    )


def publishing_progress(user_id: str, post_id: str, progress: int, current_step: str) -> dict:
    return _event(
        "publishing_progress",
        user_id,
        post_id,
        progress=max(0, min(100, progress)),
        current_step=current_step,
    )


def schedule_changed(
    user_id: str, post_id: str, scheduled_for: str | None, previous: str | None, timezone: str | None
) -> dict:
    """The post's publish time moved (scheduled_for None: taken off the schedule)."""
    return _event(
        "schedule_changed",
        user_id,
        post_id,
        scheduled_for=scheduled_for,
        previous_scheduled_for=previous,
        timezone=timezone,
    )


def media_processing(
    user_id: str, media_id: str, status: str, progress: int, failure_reason: str | None = None
) -> dict:
    """A media item's background processing moved on (progress in percent)."""
    return _user_event(
        "media_processing",
        user_id,
        media_id=media_id,
        status=status,
        progress=max(0, min(100, progress)),
        failure_reason=failure_reason,
    )


def notification(user_id: str, notification_id: str, **fields: Any) -> dict:
    """A notification made for the user (type, title, message, post_id / media_id)."""
    return _user_event("notification", user_id, notification_id=notification_id, **fields)


async def ensure_stream(js, retention_seconds: float) -> None:
    """The stream exists with today's subjects and retention (created or updated)."""
    config = StreamConfig(name=STREAM, subjects=STREAM_SUBJECTS, max_age=retention_seconds)
    try:
        await js.add_stream(config)
    except BadRequestError:
        await js.update_stream(config)


class EventPublisher:
    """A NATS connection that publishes events; events are best effort for their sender:
    a NATS outage is logged, never allowed to fail the change the event reports."""

    def __init__(self, url: str, retention_seconds: float) -> None:
        self._url = url
        self._retention = retention_seconds
        self._nc = None
        self._js = None
        self._in_flight: set[asyncio.Task] = set()

    async def connect(self) -> None:
        self._nc = await nats.connect(self._url, max_reconnect_attempts=-1, connect_timeout=5)
        self._js = self._nc.jetstream()
        await ensure_stream(self._js, self._retention)

    async def publish(self, event: dict) -> None:
        try:
            await self.publish_or_raise(event)
        except Exception as exc:  # noqa: BLE001 - see the class docstring
            log.warning("event %s not published: %r", event["type"], exc)

    def publish_soon(self, event: dict) -> None:
        """Best effort without waiting: for progress that must never hold up the work it
        reports (a NATS outage would cost each call its timeout). Dropped beyond a bound."""
        if len(self._in_flight) >= MAX_IN_FLIGHT:
            log.warning("event %s dropped: %d events already waiting for NATS", event["type"], MAX_IN_FLIGHT)
            return
        task = asyncio.create_task(self.publish(event))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)

    async def publish_or_raise(self, event: dict) -> None:
        """Stored by JetStream once this returns (the outbox relay deletes its row then)."""
        if self._js is None:
            await self.connect()
        await self._js.publish(
            subject_of(event),
            json.dumps(event).encode(),
            headers={"Nats-Msg-Id": event["message_id"]},
            timeout=5,
        )

    async def close(self) -> None:
        if self._nc is not None:
            try:
                await self._nc.drain()
            except Exception as exc:  # noqa: BLE001 - NATS already gone: nothing left to flush
                log.info("events: closed without draining: %r", exc)


def metrics_update(
    user_id: str,
    post_id: str,
    metrics: dict[str, int],
    age_seconds: int,
    *,
    previous: dict[str, int] | None = None,
    percentile_rank: float | None = None,
    account_median_reach: float | None = None,
) -> dict:
    """A published post's latest engagement figures, the ones before (to see milestones
    crossed), its rank among the account's earlier posts at the same age, and their median
    reach."""
    return _event(
        "metrics_update",
        user_id,
        post_id,
        metrics=metrics,
        age_seconds=age_seconds,
        previous=previous,
        percentile_rank=percentile_rank,
        account_median_reach=account_median_reach,
    )
