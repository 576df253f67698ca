"""The one place event subjects are named and events are shaped and published (NATS JetStream).

Every event is JSON: {"type", "event_id", "user_id", "post_id", "timestamp", ...}, published
on postflow.posts.<user_id>.<post_id> into the POSTFLOW_EVENTS stream, so that a client
(through the realtime service) can follow one user's posts and catch up after a reconnect.
`event_id` doubles as the Nats-Msg-Id, so a retried publish is stored once.
"""

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
SUBJECT_PREFIX = "postflow.posts"


def post_subject(user_id: str, post_id: str) -> str:
    return f"{SUBJECT_PREFIX}.{user_id}.{post_id}"


def user_subjects(user_id: str) -> str:
    """Every post event of one user (a subscription filter)."""
    return f"{SUBJECT_PREFIX}.{user_id}.*"


def _event(kind: str, user_id: str, post_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "event_id": uuid.uuid4().hex,
        "user_id": user_id,
        "post_id": post_id,
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


class EventPublisher:
    """A NATS connection that publishes events; events are best effort for their sender:
    a NATS outage is logged, never allowed to fail the change the event reports."""

    def __init__(self, url: str, retention_seconds: float) -> None:
        self._url = url
        self._retention = retention_seconds
        self._nc = None
        self._js = None

    async def connect(self) -> None:
        self._nc = await nats.connect(self._url, max_reconnect_attempts=-1, connect_timeout=5)
        self._js = self._nc.jetstream()
        config = StreamConfig(name=STREAM, subjects=[f"{SUBJECT_PREFIX}.>"], max_age=self._retention)
        try:
            await self._js.add_stream(config)
        except BadRequestError:
            await self._js.update_stream(config)

    async def publish(self, event: dict) -> None:
        try:
            if self._js is None:
                await self.connect()
            await self._js.publish(
                post_subject(event["user_id"], event["post_id"]),
                json.dumps(event).encode(),
                headers={"Nats-Msg-Id": event["event_id"]},
                timeout=5,
            )
        except Exception as exc:  # noqa: BLE001 - see the class docstring
            log.warning("event %s not published: %r", event["type"], exc)

    async def close(self) -> None:
        if self._nc is not None:
            await self._nc.drain()
