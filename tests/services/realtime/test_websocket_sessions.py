"""A live connection lasts as long as its session: a logout (or a password change) closes it
(4401), and a token of an ended session cannot open one. One user holds at most their share
of connections through a gateway (4429), and gets one back when they close one."""

import contextlib
import time

import pytest
from websockets.exceptions import ConnectionClosed

from lib.common.config import Settings
from tests.services.realtime.clients import open_socket, token_of

MOST = Settings().realtime_max_connections_per_user


def closed_with(socket, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    with pytest.raises(ConnectionClosed):
        while time.monotonic() < deadline:
            socket.recv(timeout=max(0.1, deadline - time.monotonic()))
    return socket.close_code


def test_a_logout_ends_the_sessions_live_connections(api):
    user = api.new_user()
    token = token_of(user)
    with open_socket(api.base_url, user) as socket:
        assert user.client.post("/api/v1/auth/logout").status_code == 204
        # Within a session check interval (10 s by default).
        assert closed_with(socket, timeout=Settings().session_check_seconds + 5) == 4401
        assert "session has ended" in socket.close_reason
    with open_socket(api.base_url, user, token=token, refused=True) as again:
        assert closed_with(again, timeout=5) == 4401


def test_a_user_holds_at_most_their_share_of_connections(api):
    user = api.new_user()
    with contextlib.ExitStack() as held:
        sockets = [held.enter_context(open_socket(api.base_url, user)) for _ in range(MOST)]
        with open_socket(api.base_url, user, refused=True) as one_more:
            assert closed_with(one_more, timeout=5) == 4429
        # Another user is not counted with them.
        with open_socket(api.base_url, api.new_user()):
            pass
        sockets[0].close()
        time.sleep(0.5)
        with open_socket(api.base_url, user):
            pass
