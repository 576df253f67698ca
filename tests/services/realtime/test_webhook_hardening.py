"""A hostile webhook (a URL httpx cannot parse, a receiver that never finishes answering)
costs only its own send: every other user's webhook is still delivered."""

import socket
import threading
import time

import pytest

from tests.services.realtime.test_notifications import Receiver, delivery_state, leave_waiting, verified


class Trickler:
    """A receiver that starts an answer and never finishes it: a byte every half second."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/hook"
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._trickle, args=(connection,), daemon=True).start()

    def _trickle(self, connection: socket.socket) -> None:
        with connection:
            try:
                connection.recv(65536)
                connection.sendall(b"HTTP/1.1 200 OK\r\n")
                while True:
                    connection.sendall(b"X")
                    time.sleep(0.5)
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()


@pytest.mark.parametrize("url", ["http://exa\x01mple.com/hook", "http://example.com/ho ok", "http://[::1/x"])
def test_urls_that_cannot_be_sent_to_are_refused_when_saved(api, url):
    user = api.new_user()
    reply = user.client.post("/api/v1/notifications/preferences", json={"webhook_url": url})
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == "webhook_url"


def test_hostile_webhooks_do_not_stop_the_others(api, db):
    user = api.new_user()
    trickler = Trickler()
    good = Receiver()
    try:
        # Saved before URLs were checked as they are now: what the delivery meets must not kill it.
        _, control_id = leave_waiting(db, user.id, "http://exa\x01mple.com/hook", "s")
        _, trickle_id = leave_waiting(db, user.id, trickler.url, "s")
        good_ids = [leave_waiting(db, user.id, good.url, "good-secret") for _ in range(3)]

        for _, delivery_id in good_ids:
            assert delivery_state(db, delivery_id)[:3] == (2, True, False)
        assert len(good.received) == 3
        assert all(verified("good-secret", headers, body) for headers, body in good.received)

        attempts, delivered, failed, error = delivery_state(db, control_id)
        assert (delivered, failed) == (False, True) and "control characters" in error

        # The trickling receiver was cut off by the overall timeout and is being retried.
        deadline = time.monotonic() + 30
        while True:
            attempts, error = db.execute(
                "SELECT attempts, last_error FROM notifications.notification_deliveries WHERE id = %s",
                (trickle_id,),
            ).fetchone()
            if attempts >= 2 and "did not answer" in (error or ""):
                break
            assert time.monotonic() < deadline, (attempts, error)
            time.sleep(0.2)
        assert trickler.connections >= 1

        # And the deliveries keep working after all of it.
        _, later_id = leave_waiting(db, user.id, good.url, "good-secret")
        assert delivery_state(db, later_id)[:3] == (2, True, False)
    finally:
        trickler.close()
        good.server.shutdown()
