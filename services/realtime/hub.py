"""One JetStream consumer per realtime replica, fanned out to that replica's WebSockets.

Each replica reads every new event once (an ordered consumer of its own, so replicas run
side by side independently) and hands it to the connections of the event's user. The
stream sequence is the event id clients see; the JSON is amended once per event, not
once per connection. A reconnecting client's missed events are read separately
(`replay`), from a consumer filtered to its user.

`last_event_id` is the newest event the fan-out has handled: a connection added now gets
every event after it, so a client that goes away before its first event can still resume
from there."""

import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

import nats
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

from lib.common import events, tracing

log = logging.getLogger(__name__)

REPLAY_BATCH = 256


class Listener(Protocol):
    def offer(self, event_id: int, payload: str) -> None: ...
    def end(self, code: int, reason: str) -> None: ...


def with_event_id(data: bytes, event_id: int) -> str:
    """The event's JSON with "event_id" (the stream sequence) added at its end."""
    text = data.decode()
    return f'{text[:-1]},"event_id":{event_id}}}' if text.endswith("}") else text


def user_of(subject: str) -> str:
    # postflow.<area>.<user_id>.<id>
    return subject.split(".")[2]


class Hub:
    def __init__(self, nats_url: str, retention_seconds: float, replicas: int = 1) -> None:
        self._url = nats_url
        self._retention = retention_seconds
        self._replicas = replicas
        self._listeners: dict[str, set[Listener]] = {}
        self._nc = None
        self._js = None
        self._subscription = None
        self._last_event_id = 0

    async def start(self) -> None:
        self._nc = await nats.connect(self._url, max_reconnect_attempts=-1, connect_timeout=5)
        self._js = self._nc.jetstream()
        await events.ensure_stream(self._js, self._retention, self._replicas)
        # Read before the consumer starts at "new": an event in between is one the fan-out
        # never sees, and a resume from this id replays it.
        self._last_event_id = (await self._js.stream_info(events.STREAM)).state.last_seq
        self._subscription = await self._js.subscribe(
            events.ALL_EVENTS,
            stream=events.STREAM,
            ordered_consumer=True,
            config=ConsumerConfig(deliver_policy=DeliverPolicy.NEW),
            cb=self._deliver,
            # Bounded: a replica that cannot keep up drops its consumer's backlog rather
            # than its memory; connections then resume from their last event id.
            pending_msgs_limit=100_000,
        )

    @property
    def jetstream(self):
        return self._js

    async def stop(self) -> None:
        if self._nc is not None:
            await self._nc.close()

    def add(self, user_id: str, listener: Listener) -> None:
        self._listeners.setdefault(user_id, set()).add(listener)

    def remove(self, user_id: str, listener: Listener) -> None:
        listeners = self._listeners.get(user_id)
        if listeners is not None:
            listeners.discard(listener)
            if not listeners:
                del self._listeners[user_id]

    def end_all(self, code: int, reason: str) -> None:
        for listeners in list(self._listeners.values()):
            for listener in list(listeners):
                listener.end(code, reason)

    @property
    def last_event_id(self) -> int:
        return self._last_event_id

    @property
    def nats_connected(self) -> bool:
        return self._nc is not None and self._nc.is_connected

    @property
    def connections(self) -> int:
        return sum(len(listeners) for listeners in self._listeners.values())

    async def _deliver(self, message) -> None:
        event_id = message.metadata.sequence.stream
        self._last_event_id = max(self._last_event_id, event_id)
        listeners = self._listeners.get(user_of(message.subject))
        if not listeners:
            return
        with tracing.consuming("fan out to websockets", message) as span:
            span.set_attribute("postflow.websockets", len(listeners))
            payload = with_event_id(message.data, event_id)
            for listener in list(listeners):
                listener.offer(event_id, payload)

    async def replay(
        self,
        user_id: str,
        after: int,
        send: Callable[[int, str], Awaitable[None]],
        lost: Callable[[int], Awaitable[None]],
    ) -> None:
        """Send the user's events with ids above `after` that the stream still holds; first
        `lost(oldest id)` when some above `after` have already left the stream."""
        info = await self._js.stream_info(events.STREAM)
        if after + 1 < info.state.first_seq:
            await lost(info.state.first_seq)
        if info.state.last_seq <= after:
            return
        config = ConsumerConfig(
            deliver_policy=DeliverPolicy.BY_START_SEQUENCE,
            opt_start_seq=max(after + 1, 1),
            ack_policy=AckPolicy.NONE,
            inactive_threshold=30,
        )
        subscription = await self._js.pull_subscribe(
            events.user_subjects(user_id), stream=events.STREAM, config=config
        )
        consumer = None
        try:
            consumer = await subscription.consumer_info()
            pending = consumer.num_pending
            while pending > 0:
                for message in await subscription.fetch(batch=min(pending, REPLAY_BATCH), timeout=5):
                    event_id = message.metadata.sequence.stream
                    await send(event_id, with_event_id(message.data, event_id))
                    pending = message.metadata.num_pending
        finally:
            await subscription.unsubscribe()
            if consumer is not None:
                try:
                    await self._js.delete_consumer(events.STREAM, consumer.name)
                except nats.js.errors.NotFoundError:
                    pass
