"""One client's WebSocket: authenticated, caught up from its last event id, then live.

Its first message is {"type": "connected", "last_event_id": N}: from then on every event
after N reaches it, and N is where to resume from until the first event arrives.

Two profiles of the same stream:
  full   (default) the greeting, every event, heartbeats on a quiet connection;
  brief  what the product brief's clients read: post_status_update and
         publishing_progress events only, nothing else (their tests take the first
         message after scheduling to be the post's status). The default for a client
         that signs the handshake with an Authorization header, as those clients do;
         ?profile=brief|full chooses either way.

Close codes (also in the README):
  4401  no valid token (missing, malformed, expired; also when it expires while connected)
  4403  the token's user is not the user in the path, nor a member of the workspace in it
        (also when they are removed from it while connected)
  4008  slow consumer: more than `max_queued` events waiting, or a send that did not
        finish within the send timeout
  1001  the server is shutting down (reconnect with your last event id)
"""

import asyncio
import contextlib
import json
import time
from datetime import UTC, datetime

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from lib.common import metrics
from lib.common.auth_tokens import VerifiedTokens, websocket_token
from lib.common.config import Settings
from lib.common.errors import ServiceError
from services.realtime.hub import Hub
from services.realtime.memberships import Memberships

UNAUTHENTICATED = 4401
FORBIDDEN = 4403
SLOW_CONSUMER = 4008
GOING_AWAY = 1001
# How long a close frame may wait behind data a slow client has not read yet; the memory
# held meanwhile is bounded (the transport's buffer, not the queue).
CLOSE_WAIT_SECONDS = 30
# A client may ask for the token to travel in Sec-WebSocket-Protocol: "bearer, <token>".
# Timeouts here are asyncio.timeout(), never asyncio.wait_for(): on Python 3.11 wait_for
# swallows a cancellation that arrives as the awaited send completes, and a connection
# told to close went on sending heartbeats instead (seen one run in twenty on a busy machine).
FULL, BRIEF = "full", "brief"
BRIEF_EVENT_TYPES = frozenset({"post_status_update", "publishing_progress"})


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _event_type(payload: str) -> str | None:
    try:
        event = json.loads(payload)
    except ValueError:
        return None
    return event.get("type") if isinstance(event, dict) else None


class Session:
    def __init__(
        self,
        websocket: WebSocket,
        user_id: str,
        hub: Hub,
        settings: Settings,
        profile: str = FULL,
        still_member=None,
    ) -> None:
        self._ws = websocket
        self._brief = profile == BRIEF
        # The workspace whose events these are (a person's own id: their personal one).
        self._user_id = user_id
        self._still_member = still_member
        self._hub = hub
        self._settings = settings
        self._queue: asyncio.Queue[tuple[int, str]] = asyncio.Queue(settings.realtime_max_queued_events)
        self._sent_up_to = 0
        self._send_lock = asyncio.Lock()
        self._closed = asyncio.Event()
        self._close = (1000, "")

    # -- called by the hub, on its task: never blocks ----------------------------------

    def offer(self, event_id: int, payload: str) -> None:
        try:
            self._queue.put_nowait((event_id, payload))
        except asyncio.QueueFull:
            self.end(SLOW_CONSUMER, f"slow consumer: more than {self._queue.maxsize} events behind")

    def end(self, code: int, reason: str) -> None:
        if not self._closed.is_set():
            self._close = (code, reason)
            self._closed.set()
            if code == SLOW_CONSUMER:
                metrics.WEBSOCKET_SLOW_CONSUMERS.inc()

    # -- the connection's own tasks ----------------------------------------------------

    async def _send(self, text: str) -> None:
        async with self._send_lock:
            try:
                async with asyncio.timeout(self._settings.realtime_send_timeout_seconds):
                    await self._ws.send_text(text)
            except TimeoutError:
                self.end(SLOW_CONSUMER, "slow consumer: a send took too long")
                raise

    async def _send_event(self, event_id: int, payload: str) -> None:
        # Replayed and live events can overlap; each goes out once, in order.
        if event_id <= self._sent_up_to:
            return
        if not self._brief or _event_type(payload) in BRIEF_EVENT_TYPES:
            await self._send(payload)
        self._sent_up_to = event_id

    async def _connected(self, resume_from: int) -> None:
        # The client's resume point until its first event arrives: without it, a client that
        # drops before any event could not ask for what it missed meanwhile.
        if self._brief:
            return
        await self._send(json.dumps({"type": "connected", "last_event_id": resume_from, "timestamp": _now()}))

    async def _resume_incomplete(self, oldest: int) -> None:
        # Events the client missed have left the stream: it should reload state over REST.
        await self._send(json.dumps({"type": "resume_incomplete", "oldest_event_id": oldest}))

    async def _forward(self) -> None:
        heartbeat = self._settings.realtime_heartbeat_seconds
        while True:
            try:
                async with asyncio.timeout(heartbeat):
                    event_id, payload = await self._queue.get()
            except TimeoutError:
                if not self._brief:
                    await self._send(json.dumps({"type": "heartbeat", "timestamp": _now()}))
                continue
            await self._send_event(event_id, payload)

    async def _listen(self) -> None:
        """Client messages: {"type": "ping"} is answered with a pong; others are ignored."""
        while True:
            text = await self._ws.receive_text()
            try:
                message = json.loads(text)
            except ValueError:
                continue
            if isinstance(message, dict) and message.get("type") == "ping":
                await self._send(
                    json.dumps({"type": "pong", "timestamp": _now(), "data": message.get("data")})
                )

    async def _expiry(self, expires_at: int) -> None:
        await asyncio.sleep(max(0.0, expires_at - time.time()))
        self.end(UNAUTHENTICATED, "the access token expired; reconnect with a new one")

    async def _membership(self) -> None:
        """A member removed from the workspace stops hearing it within one check interval."""
        if self._still_member is None:
            await asyncio.Event().wait()
        while True:
            await asyncio.sleep(self._settings.session_check_seconds)
            if await self._still_member() is False:
                self.end(FORBIDDEN, "you are no longer a member of this workspace")
                return

    async def run(self, last_event_id: int | None, expires_at: int) -> None:
        self._hub.add(self._user_id, self)
        tasks: list[asyncio.Task] = []
        try:
            if last_event_id is None:
                await self._connected(self._hub.last_event_id)
            else:
                # A resuming client's point stays its own until the replay moves it on.
                await self._connected(last_event_id)
                self._sent_up_to = last_event_id
                await self._hub.replay(
                    self._user_id, last_event_id, self._send_event, self._resume_incomplete
                )
            tasks = [
                asyncio.create_task(self._forward()),
                asyncio.create_task(self._listen()),
                asyncio.create_task(self._expiry(expires_at)),
                asyncio.create_task(self._membership()),
                asyncio.create_task(self._closed.wait()),
            ]
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if task.exception() and not isinstance(task.exception(), WebSocketDisconnect | TimeoutError):
                    raise task.exception()
        except (WebSocketDisconnect, TimeoutError):
            # Gone, or too slow for the first messages or the replay (the close says which).
            pass
        finally:
            self._hub.remove(self._user_id, self)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if self._ws.application_state == WebSocketState.CONNECTED:
                # A slow consumer's socket may not even take the close frame.
                with contextlib.suppress(Exception):
                    async with asyncio.timeout(CLOSE_WAIT_SECONDS):
                        await self._ws.close(*self._close)


async def serve(
    websocket: WebSocket,
    user_id: str,
    hub: Hub,
    tokens: VerifiedTokens,
    settings: Settings,
    memberships: Memberships,
) -> None:
    """user_id (the brief's name for the path's id) names a workspace: the person's own id
    their personal one, another a workspace they are a member of."""
    token, protocol, from_header = websocket_token(websocket.headers, websocket.query_params)
    # Accepted first: a close code (4401/4403) can only be sent on an open WebSocket.
    await websocket.accept(subprotocol=protocol)
    try:
        claims = tokens.verify(token) if token else None
    except ServiceError:
        claims = None
    if claims is None:
        await websocket.close(
            UNAUTHENTICATED,
            "send a valid access token (?token=, Sec-WebSocket-Protocol or Authorization: Bearer)",
        )
        return
    if not await memberships.holds(claims.user_id, user_id):
        # Unsure (the users service away) is a refusal here: nothing is open yet.
        await websocket.close(FORBIDDEN, "the token is another user's, not a member of this workspace")
        return
    raw = websocket.query_params.get("last_event_id")
    last_event_id = None
    if raw is not None:
        if not raw.isdigit():
            await websocket.close(1008, "last_event_id must be a non-negative integer")
            return
        last_event_id = int(raw)
    profile = websocket.query_params.get("profile") or (BRIEF if from_header else FULL)
    if profile not in (FULL, BRIEF):
        await websocket.close(1008, "profile must be full or brief")
        return
    still_member = None
    if claims.user_id != user_id:

        async def still_member():
            return await memberships.holds(claims.user_id, user_id)

    session = Session(websocket, user_id, hub, settings, profile, still_member)
    await session.run(last_event_id, claims.expires_at)
