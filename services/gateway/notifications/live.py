"""/ws/...: WebSockets forwarded to the realtime service, so that clients reach REST and
WebSocket at one origin. Authentication and everything else happen there; this only
carries frames both ways and the realtime service's close code back to the client."""

import asyncio
import contextlib
from urllib.parse import quote

import websockets
from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketState
from websockets.asyncio.client import connect

router = APIRouter()

UNAVAILABLE = 1013  # "try again later"
# Codes a server cannot send in a close frame: the link broke instead.
_NOT_SENDABLE = {1005, 1006, 1015}


@router.websocket("/ws/posts/{user_id}")
async def forward(websocket: WebSocket, user_id: str):
    settings = websocket.app.state.settings
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

    down = asyncio.create_task(downstream())
    up = asyncio.create_task(upstream_from_client())
    done, pending = await asyncio.wait({down, up}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    try:
        if down in done and websocket.application_state == WebSocketState.CONNECTED:
            # The client first (its close frame waits behind what it has not read yet);
            # the realtime service meanwhile holds no more than the socket buffers.
            with contextlib.suppress(Exception):
                async with asyncio.timeout(30):
                    await websocket.close(*down.result())
    finally:
        with contextlib.suppress(Exception):
            async with asyncio.timeout(5):
                await upstream.close()
