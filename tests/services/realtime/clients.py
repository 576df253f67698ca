"""WebSocket clients (the `websockets` library) as a browser tab would be one."""

import base64
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect


def token_of(user) -> str:
    return user.client.headers["Authorization"].split(" ", 1)[1]


def ws_url(base_url: str, user_id: str, **params) -> str:
    query = f"?{urlencode(params)}" if params else ""
    return base_url.replace("http://", "ws://", 1) + f"/ws/posts/{user_id}{query}"


@contextmanager
def open_socket(
    base_url: str, user, *, token: str | None = None, refused: bool = False, **params
) -> Iterator[ClientConnection]:
    """A connected tab: returned once the server says it is subscribed ("connected", whose
    `last_event_id` is kept as `resume_point`), so that no event published after this
    returns can pass it by. `refused=True` returns at once, for connections to be closed."""
    params = {"token": token or token_of(user), **params}
    with connect(ws_url(base_url, user.id, **params), open_timeout=10) as socket:
        if not refused:
            first = json.loads(socket.recv(timeout=10))
            assert first["type"] == "connected", first
            socket.resume_point = first["last_event_id"]
        yield socket


def next_event(socket: ClientConnection, timeout: float = 10.0) -> dict:
    """The next message that is not a heartbeat."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no event")
        message = json.loads(socket.recv(timeout=remaining))
        if message["type"] != "heartbeat":
            return message


def events_until(socket: ClientConnection, done, timeout: float = 30.0) -> list[dict]:
    """Events until done(event) is true for one (included)."""
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        event = next_event(socket, timeout=max(0.1, deadline - time.monotonic()))
        seen.append(event)
        if done(event):
            return seen


def quiet_for(socket: ClientConnection, seconds: float) -> list[dict]:
    """Every non-heartbeat message within `seconds` (expected: none)."""
    seen = []
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            message = json.loads(socket.recv(timeout=remaining))
        except TimeoutError:
            break
        if message["type"] != "heartbeat":
            seen.append(message)
    return seen


def close_code(socket: ClientConnection, timeout: float = 10.0) -> int:
    """The code the server closed with (messages before it are read and dropped)."""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            socket.recv(timeout=deadline - time.monotonic())
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else 1006
    raise AssertionError("the server did not close the connection")


class RawSocket:
    """A WebSocket client that reads nothing until asked, with a small kernel buffer: a
    tab on a slow link (client libraries keep reading into memory whatever they do)."""

    def __init__(self, base_url: str, path: str, receive_buffer: int = 64 * 1024) -> None:
        address = urlsplit(base_url)
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        self._sock.settimeout(10)
        self._sock.connect((address.hostname, address.port))
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {address.netloc}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self._sock.sendall(request.encode())
        self._buffer = b""
        while b"\r\n\r\n" not in self._buffer:
            self._buffer += self._sock.recv(4096)
        head, _, rest = self._buffer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 101"), head
        self._buffer, self._offset = bytearray(rest), 0
        # Subscribed once the server says so (see open_socket).
        first = json.loads(self._frame(time.monotonic() + 10)[1])
        assert first["type"] == "connected", first

    def _read(self, count: int, deadline: float) -> bytes:
        while len(self._buffer) - self._offset < count:
            self._sock.settimeout(max(0.1, deadline - time.monotonic()))
            chunk = self._sock.recv(1 << 20)
            if not chunk:
                raise EOFError("the server dropped the connection without a close frame")
            del self._buffer[: self._offset]
            self._offset = 0
            self._buffer += chunk
        data = bytes(self._buffer[self._offset : self._offset + count])
        self._offset += count
        return data

    def _pong(self, payload: bytes) -> None:
        # Client frames are masked (RFC 6455 5.3).
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self._sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask + masked)

    def _frame(self, deadline: float) -> tuple[int, bytes]:
        """The next frame from the server (unmasked): (opcode, payload)."""
        first, second = self._read(2, deadline)
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(self._read(2, deadline), "big")
        elif length == 127:
            length = int.from_bytes(self._read(8, deadline), "big")
        return first & 0x0F, self._read(length, deadline)

    def close_code(self, timeout: float = 30.0) -> tuple[int, int]:
        """Read every frame until the close frame: (its code, messages read before it).
        Pings are answered once read, as any client would."""
        deadline = time.monotonic() + timeout
        messages = 0
        while time.monotonic() < deadline:
            opcode, payload = self._frame(deadline)
            if opcode == 0x8:
                return int.from_bytes(payload[:2], "big"), messages
            if opcode == 0x9:
                self._pong(payload)
            elif opcode in (0x1, 0x2):
                messages += 1
        raise AssertionError(f"no close frame after {messages} messages")

    def close(self) -> None:
        self._sock.close()
