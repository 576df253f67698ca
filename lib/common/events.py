"""The one place event subjects are named and events are shaped and published (NATS JetStream).

Every event is one of the typed events below (a frozen dataclass each, shared by the
services that publish it and those that read it), sent as JSON: {"type", "message_id",
"user_id", "timestamp", ...} and a post_id or a media_id, published on
postflow.<area>.<user_id>.<post or media id> into the POSTFLOW_EVENTS stream, so that a
client (through the realtime service) can follow one user's events and catch up after a
reconnect. `message_id` doubles as the Nats-Msg-Id, so a retried publish
is stored once; the stream's sequence number is the event id clients see (monotonic).
"""

import asyncio
import json
import logging
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import Any, ClassVar

import nats
from nats.js.api import StreamConfig
from nats.js.errors import BadRequestError

from lib.common import tracing

log = logging.getLogger(__name__)

STREAM = "POSTFLOW_EVENTS"
# Fire-and-forget events waiting for NATS at once, per process.
MAX_IN_FLIGHT = 1000
SUBJECT_PREFIX = "postflow.posts"
MEDIA_SUBJECT_PREFIX = "postflow.media"
NOTIFICATION_SUBJECT_PREFIX = "postflow.notifications"
ACCOUNT_SUBJECT_PREFIX = "postflow.accounts"
IMPORT_SUBJECT_PREFIX = "postflow.imports"
# postflow.<area>.<user_id>.<id>: one pattern, so that every consumer's filter (all events,
# or one user's) is a subset of the stream's subjects, as JetStream requires.
ALL_EVENTS = "postflow.*.*.*"
STREAM_SUBJECTS = [ALL_EVENTS]


def post_subject(user_id: str, post_id: str) -> str:
    return f"{SUBJECT_PREFIX}.{user_id}.{post_id}"


def media_subject(user_id: str, media_id: str) -> str:
    return f"{MEDIA_SUBJECT_PREFIX}.{user_id}.{media_id}"


def account_subject(user_id: str, account_id: str) -> str:
    return f"{ACCOUNT_SUBJECT_PREFIX}.{user_id}.{account_id}"


def user_subjects(user_id: str) -> str:
    """Every event of one user, posts and media (a subscription filter)."""
    return f"postflow.*.{user_id}.*"


def subject_of(event: dict[str, Any]) -> str:
    if event["type"] == "notification":
        return f"{NOTIFICATION_SUBJECT_PREFIX}.{event['user_id']}.{event['notification_id']}"
    if event["type"] == "account_changed":
        return account_subject(event["user_id"], event["account_id"])
    if event["type"] == "import_progress":
        return f"{IMPORT_SUBJECT_PREFIX}.{event['user_id']}.{event['import_id']}"
    if "media_id" in event:
        return media_subject(event["user_id"], event["media_id"])
    return post_subject(event["user_id"], event["post_id"])


# --- The events: one class each, shared by the services that publish them and those that
# read them. An event travels as JSON ({"type": ..., every field}); new fields get defaults,
# so that an event written before a change (an outbox row, the stream's history) still reads.


def _message_id() -> str:
    return uuid.uuid4().hex


def _now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass(frozen=True, kw_only=True)
class Event:
    TYPE: ClassVar[str] = ""
    user_id: str
    message_id: str = field(default_factory=_message_id)
    timestamp: str = field(default_factory=_now)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.TYPE, **asdict(self)}

    @property
    def subject(self) -> str:
        return subject_of(self.to_json())


@dataclass(frozen=True, kw_only=True)
class PostStatusUpdate(Event):
    TYPE: ClassVar[str] = "post_status_update"
    post_id: str
    status: str
    previous_status: str
    # published: permalink, instagram_media_id; failed / needs_reconcile: error.
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class PublishingProgress(Event):
    TYPE: ClassVar[str] = "publishing_progress"
    post_id: str
    # Percent, bounded where it is made.
    progress: int
    current_step: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "progress", max(0, min(100, self.progress)))


@dataclass(frozen=True, kw_only=True)
class ScheduleChanged(Event):
    """The post's publish time moved (scheduled_for None: taken off the schedule)."""

    TYPE: ClassVar[str] = "schedule_changed"
    post_id: str
    scheduled_for: str | None
    previous_scheduled_for: str | None
    timezone: str | None


@dataclass(frozen=True, kw_only=True)
class MediaProcessing(Event):
    """A media item's background processing moved on (progress in percent)."""

    TYPE: ClassVar[str] = "media_processing"
    media_id: str
    status: str
    progress: int
    failure_reason: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "progress", max(0, min(100, self.progress)))


@dataclass(frozen=True, kw_only=True)
class NotificationMade(Event):
    """A notification made for the user, pushed to their open tabs."""

    TYPE: ClassVar[str] = "notification"
    notification_id: str
    notification_type: str
    title: str
    message: str
    post_id: str | None = None
    media_id: str | None = None
    created_at: str | None = None


@dataclass(frozen=True, kw_only=True)
class MetricsUpdate(Event):
    """A published post's latest engagement figures, the ones before (to see milestones
    crossed), its rank among the account's earlier posts at the same age, and their median
    reach."""

    TYPE: ClassVar[str] = "metrics_update"
    post_id: str
    metrics: dict[str, int]
    age_seconds: int
    previous: dict[str, int] | None = None
    percentile_rank: float | None = None
    account_median_reach: float | None = None


@dataclass(frozen=True, kw_only=True)
class AccountChanged(Event):
    """An Instagram account was connected, reconnected or disconnected, or its health
    changed: needs_reauth (Instagram refused its token: its due posts wait for a reconnect),
    expiring (its token ends on expires_at and cannot be refreshed) or refreshed."""

    TYPE: ClassVar[str] = "account_changed"
    account_id: str
    username: str
    change: str
    reason: str = ""
    # ISO 8601, UTC: when the token ends (expiring, refreshed).
    expires_at: str | None = None
    # The account's scheduled posts that wait on it (needs_reauth) or fall after expires_at
    # (expiring), earliest first, at most POSTS_AT_RISK_LISTED: {post_id, scheduled_for}.
    posts_at_risk: list[dict[str, str]] = field(default_factory=list)
    posts_at_risk_total: int = 0


POSTS_AT_RISK_LISTED = 20


@dataclass(frozen=True, kw_only=True)
class FirstCommentChanged(Event):
    """A published post's first comment: pending (its step runs), posted, or failed (with
    the reason; the person may retry it)."""

    TYPE: ClassVar[str] = "first_comment"
    post_id: str
    status: str
    comment_id: str = ""
    error: str = ""


@dataclass(frozen=True, kw_only=True)
class ReviewChanged(Event):
    """A post's review moved: submitted (in_review), approved, changes_requested, an edit
    that voided an approval (edited_since_approval), or held at its due second because
    what would go out is not approved (awaiting_approval). `approved_version` is the
    version last approved (the diff since it is what the approver needs to see)."""

    TYPE: ClassVar[str] = "review_changed"
    post_id: str
    status: str
    version: int
    approved_version: int | None = None
    actor_id: str = ""
    actor_kind: str = "member"
    comment: str = ""


@dataclass(frozen=True, kw_only=True)
class CommentAdded(Event):
    """A comment on a post, or a thread resolved or reopened. Sent to the workspace
    (user_id); and, for each member it mentions, to that person's own inbox (user_id: their
    personal workspace), with `workspace_id` naming where the post is."""

    TYPE: ClassVar[str] = "comment"
    post_id: str
    comment_id: str
    thread_id: str
    change: str  # added, resolved, reopened
    author_id: str = ""
    author_kind: str = "member"
    author_name: str = ""
    body: str = ""
    mentioned: bool = False
    workspace_id: str = ""


@dataclass(frozen=True, kw_only=True)
class ImportProgress(Event):
    """A CSV import's rows so far: `processed` of `total` done, of which `imported` became
    posts (scheduled, planned or drafts), `failed` could not be scheduled (the post is kept
    as a draft) and `skipped` had problems. `status`: running, then done."""

    TYPE: ClassVar[str] = "import_progress"
    import_id: str
    status: str
    total: int
    processed: int
    imported: int = 0
    failed: int = 0
    skipped: int = 0


@dataclass(frozen=True, kw_only=True)
class PreflightChecked(Event):
    """A scheduled post's pre-flight (a day before, or `final`: in the hour before): `ok`,
    or the `problems` found, in words a person can act on, while there is time to fix them."""

    TYPE: ClassVar[str] = "preflight"
    post_id: str
    ok: bool
    stage: str = "day_before"
    scheduled_for: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class ReminderChanged(Event):
    """A post published by hand: its reminder went out (`due`, with what to publish), it was
    marked `done`, or it was not in time (`missed`)."""

    TYPE: ClassVar[str] = "reminder"
    post_id: str
    state: str
    post_type: str = ""
    caption: str = ""
    scheduled_for: str = ""


EVENT_TYPES: dict[str, type[Event]] = {
    cls.TYPE: cls
    for cls in (
        PostStatusUpdate,
        PublishingProgress,
        ScheduleChanged,
        MediaProcessing,
        NotificationMade,
        MetricsUpdate,
        AccountChanged,
        FirstCommentChanged,
        ReviewChanged,
        CommentAdded,
        ImportProgress,
        PreflightChecked,
        ReminderChanged,
    )
}


def parse(data: dict[str, Any]) -> Event | None:
    """The typed event, or None for a type this code does not know (a newer producer's).
    Fields this code does not know are left out; a missing required one is a ValueError."""
    cls = EVENT_TYPES.get(data.get("type", ""))
    if cls is None:
        return None
    known = {f.name for f in fields(cls) if f.init}
    try:
        return cls(**{k: v for k, v in data.items() if k in known})
    except TypeError as exc:
        raise ValueError(f"{data.get('type')} event: {exc}") from exc


# Where an event's JSON, on its way to NATS (an outbox row, say), keeps the trace context
# it was made in; sent as message headers, never in the body clients see.
TRACE_KEY = "_trace"


def with_trace(event: dict[str, Any]) -> dict[str, Any]:
    """The event's JSON with the current trace context, to be published later or now."""
    headers = tracing.current_headers()
    return {**event, TRACE_KEY: headers} if headers else event


async def ensure_stream(js, retention_seconds: float, replicas: int = 1) -> None:
    """The stream exists with today's subjects, retention and replicas (created or updated:
    an update to fewer replicas than a cluster's stream has would scale it down)."""
    config = StreamConfig(
        name=STREAM, subjects=STREAM_SUBJECTS, max_age=retention_seconds, num_replicas=replicas
    )
    try:
        await js.add_stream(config)
    except BadRequestError:
        await js.update_stream(config)


class EventPublisher:
    """A NATS connection that publishes events; events are best effort for their sender:
    a NATS outage is logged, never allowed to fail the change the event reports."""

    def __init__(self, url: str, retention_seconds: float, replicas: int = 1) -> None:
        self._url = url
        self._retention = retention_seconds
        self._replicas = replicas
        self._nc = None
        self._js = None
        self._in_flight: set[asyncio.Task] = set()

    async def connect(self) -> None:
        self._nc = await nats.connect(self._url, max_reconnect_attempts=-1, connect_timeout=5)
        self._js = self._nc.jetstream()
        await ensure_stream(self._js, self._retention, self._replicas)

    async def publish(self, event: Event) -> None:
        try:
            await self.publish_or_raise(with_trace(event.to_json()))
        except Exception as exc:  # noqa: BLE001 - see the class docstring
            log.warning("event %s not published: %r", event.TYPE, exc)

    def publish_soon(self, event: Event) -> None:
        """Best effort without waiting: for progress that must never hold up the work it
        reports (a NATS outage would cost each call its timeout). Dropped beyond a bound."""
        if len(self._in_flight) >= MAX_IN_FLIGHT:
            log.warning("event %s dropped: %d events already waiting for NATS", event.TYPE, MAX_IN_FLIGHT)
            return
        task = asyncio.create_task(self.publish(event))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)

    async def publish_or_raise(self, event: dict[str, Any]) -> None:
        """An event's JSON (as an outbox row keeps it) stored by JetStream once this returns
        (the outbox relay deletes its row then). The trace it was made in goes in headers."""
        if self._js is None:
            await self.connect()
        # Copied only when it carries a trace (most events, with tracing off, do not).
        body = event if TRACE_KEY not in event else {k: v for k, v in event.items() if k != TRACE_KEY}
        await self._js.publish(
            subject_of(body),
            json.dumps(body).encode(),
            headers={**event.get(TRACE_KEY, {}), "Nats-Msg-Id": body["message_id"]},
            timeout=5,
        )

    async def close(self) -> None:
        if self._nc is not None:
            try:
                await self._nc.drain()
            except Exception as exc:  # noqa: BLE001 - NATS already gone: nothing left to flush
                log.info("events: closed without draining: %r", exc)
