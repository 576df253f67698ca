"""/ws/...: WebSockets forwarded to the realtime service, so that clients reach REST and
WebSocket at one origin. The token itself is checked there; here, as for every REST call,
that its session is still live (at the handshake, then every session check interval: a
logout or a password change ends the socket too), and that the user holds no more than
their share of connections. Otherwise this only carries frames both ways and the realtime
service's close code back to the client."""

import asyncio
import contextlib
import logging
from urllib.parse import quote

import websockets
from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketState
from websockets.asyncio.client import connect

from lib.common.auth_tokens import websocket_token
from lib.common.errors import ServiceError

router = APIRouter()
log = logging.getLogger(__name__)

UNAVAILABLE = 1013  # "try again later"
UNAUTHENTICATED = 4401
TOO_MANY = 4429
SESSION_ENDED = "the session has ended (logged out or password changed); log in again"
# Codes a server cannot send in a close frame: the link broke instead.
_NOT_SENDABLE = {1005, 1006, 1015}


class Connections:
    """Live connections per user through this gateway."""

    def __init__(self, most: int) -> None:
        self._most = most
        self._open: dict[str, int] = {}

    @contextlib.contextmanager
    def holding(self, user_id: str):
        """Counts one connection of user_id while inside; None when the user has no room."""
        if self._open.get(user_id, 0) >= self._most:
            yield None
            return
        self._open[user_id] = self._open.get(user_id, 0) + 1
        try:
            yield user_id
        finally:
            self._open[user_id] -= 1
            if not self._open[user_id]:
                del self._open[user_id]


async def _refuse(websocket: WebSocket, code: int, reason: str) -> None:
    # Accepted first: a close code can only be sent on an open WebSocket.
    await websocket.accept()
    await websocket.close(code, reason)


async def _session_live(state, claims) -> bool:
    """False once the users service says the session ended. While it cannot be asked, the
    socket stays (its token is still verified): an outage of the users service must not
    drop every live connection."""
    try:
        await state.live_sessions.require(state.clients.users, claims)
    except ServiceError as err:
        if err.kind == "unauthenticated":
            return False
        log.warning("session of a live connection not checked: %s", err)
    except Exception as err:  # noqa: BLE001 - see above: kept open, and said
        log.warning("session of a live connection not checked: %r", err)
    return True


@router.websocket("/ws/posts/{user_id}")
async def forward(websocket: WebSocket, user_id: str):
    state = websocket.app.state
    token, _, _ = websocket_token(websocket.headers, websocket.query_params)
    try:
        claims = state.verified_tokens.verify(token) if token else None
    except ServiceError:
        claims = None  # the realtime service says what is wrong with it
    if claims is not None and not await _session_live(state, claims):
        await _refuse(websocket, UNAUTHENTICATED, SESSION_ENDED)
        return
    with state.live_connections.holding(claims.user_id if claims else user_id) as held:
        if held is None:
            await _refuse(websocket, TOO_MANY, "too many live connections for this user; close one")
            return
        await _forward(websocket, user_id, claims)


async def _forward(websocket: WebSocket, user_id: str, claims) -> None:
    state = websocket.app.state
    settings = state.settings
    url = f"ws://{settings.realtime_host}:{settings.realtime_port}/ws/posts/{quote(user_id, safe='')}"
    if websocket.url.query:
        url += f"?{websocket.url.query}"
    offered = [p.strip() for p in websocket.headers.get("sec-websocket-protocol", "").split(",") if p.strip()]
    # Server-side clients sign the handshake with a header; it is checked upstream.
    headers = {"Authorization": auth} if (auth := websocket.headers.get("authorization")) else None
    try:
        upstream = await connect(
            url, subprotocols=offered or None, additional_headers=headers, open_timeout=5, ping_interval=None
        )
    except (OSError, TimeoutError, websockets.exceptions.WebSocketException):
        await websocket.accept()
        await websocket.close(UNAVAILABLE, "the realtime service is unavailable; retry shortly")
        return
    await websocket.accept(subprotocol=upstream.subprotocol)
    send_timeout = settings.realtime_send_timeout_seconds

    async def downstream() -> tuple[int, str]:
        try:
            async for message in upstream:
                # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow the
                # cancellation that ends this task (see services/realtime/connection.py).
                async with asyncio.timeout(send_timeout):
                    if isinstance(message, str):
                        await websocket.send_text(message)
                    else:
                        await websocket.send_bytes(message)
        except TimeoutError:
            return 4008, "slow consumer: a send took too long"
        except websockets.exceptions.ConnectionClosed:
            pass
        code = upstream.close_code
        if code is None or code in _NOT_SENDABLE:
            return 1011, "the realtime service went away; reconnect with last_event_id"
        return code, upstream.close_reason or ""

    async def upstream_from_client() -> tuple[int, str]:
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    return 1000, ""
                if message.get("text") is not None:
                    await upstream.send(message["text"])
                elif message.get("bytes") is not None:
                    await upstream.send(message["bytes"])
        except (WebSocketDisconnect, websockets.exceptions.ConnectionClosed):
            return 1000, ""

    async def session_ends() -> tuple[int, str]:
        while claims is not None:
            await asyncio.sleep(settings.session_check_seconds)
            if not await _session_live(state, claims):
                return UNAUTHENTICATED, SESSION_ENDED
        await asyncio.Event().wait()  # no token here: the realtime service refuses it
        return 1000, ""

    down = asyncio.create_task(downstream())
    up = asyncio.create_task(upstream_from_client())
    watch = asyncio.create_task(session_ends())
    done, pending = await asyncio.wait({down, up, watch}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    try:
        closing = next((task for task in (down, watch) if task in done), None)
        if closing is not None and websocket.application_state == WebSocketState.CONNECTED:
            # The client first (its close frame waits behind what it has not read yet);
            # the realtime service meanwhile holds no more than the socket buffers.
            with contextlib.suppress(Exception):
                async with asyncio.timeout(30):
                    await websocket.close(*closing.result())
    finally:
        with contextlib.suppress(Exception):
            async with asyncio.timeout(5):
                await upstream.close()
