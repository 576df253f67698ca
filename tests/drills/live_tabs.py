"""Browser tabs following a user's live events over WebSocket through a drill: each in a
thread of its own, reconnecting with the last event id it saw whenever its socket goes."""

import asyncio
import json
import threading

import nats
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from lib.common import events
from tests.services.realtime.clients import token_of, ws_url


class LiveTab:
    """`hang_up()` closes the socket as a tab losing its network would; the tab reconnects
    on its own, as a client following the README does."""

    def __init__(self, base_url: str, user) -> None:
        self.user = user
        self._base_url = base_url
        self.events: list[dict] = []
        self.connects = 0
        self.last_event_id: int | None = None
        # The first "connected" event id: every event of the user's after it is expected.
        self.started_after: int | None = None
        self._socket = None
        self._stop = threading.Event()
        self._subscribed = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"tab-{user.id}")

    def open(self) -> "LiveTab":
        self._thread.start()
        assert self._subscribed.wait(20), "the tab never connected"
        return self

    def hang_up(self) -> None:
        socket = self._socket
        if socket is not None:
            socket.close()

    def close(self) -> None:
        self._stop.set()
        self.hang_up()
        self._thread.join(timeout=20)

    def statuses(self, post_id: str) -> list[str]:
        return [
            e["status"] for e in self.events if e["type"] == "post_status_update" and e["post_id"] == post_id
        ]

    def _run(self) -> None:
        while not self._stop.is_set():
            params = {"token": token_of(self.user)}
            if self.last_event_id is not None:
                params["last_event_id"] = self.last_event_id
            try:
                with connect(ws_url(self._base_url, self.user.id, **params), open_timeout=5) as socket:
                    self._socket = socket
                    self.connects += 1
                    self._read(socket)
            except (ConnectionClosed, OSError, TimeoutError):
                pass
            finally:
                self._socket = None
            self._stop.wait(0.5)

    def _read(self, socket) -> None:
        while not self._stop.is_set():
            message = json.loads(socket.recv(timeout=60))
            if message["type"] == "connected":
                if self.last_event_id is None:
                    self.last_event_id = self.started_after = message["last_event_id"]
                self._subscribed.set()
            elif "event_id" in message:
                self.events.append(message)
                self.last_event_id = message["event_id"]


def stored_event_ids(nats_url: str, user_id: str, after: int) -> list[int]:
    """The ids of the user's events JetStream holds above `after`: what a tab must have seen."""

    async def read() -> list[int]:
        connection = await nats.connect(nats_url, connect_timeout=5)
        try:
            js = connection.jetstream()
            subscription = await js.pull_subscribe(
                events.user_subjects(user_id),
                stream=events.STREAM,
                config=ConsumerConfig(
                    deliver_policy=DeliverPolicy.BY_START_SEQUENCE,
                    opt_start_seq=after + 1,
                    ack_policy=AckPolicy.NONE,
                ),
            )
            pending = (await subscription.consumer_info()).num_pending
            ids = []
            while pending > 0:
                for message in await subscription.fetch(batch=min(pending, 256), timeout=5):
                    ids.append(message.metadata.sequence.stream)
                    pending = message.metadata.num_pending
            await subscription.unsubscribe()
            return ids
        finally:
            await connection.close()

    return asyncio.run(read())
