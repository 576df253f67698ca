"""Notifications made from events: pushed over WebSocket, stored, listed, marked read, and
held back (still stored) by the user's preferences and quiet hours."""

import asyncio
import hashlib
import hmac
import json
import re
import threading
import time
import uuid
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

import httpx

from lib.common import public_target as webhook_target
from tests.scraped_metrics import metrics_url, sample, wait_for
from tests.services.realtime.clients import events_until, open_socket, quiet_for
from tests.services.scheduler.publishing import IMAGE, arm, schedule, wait_for_status


def notifications(user, **params) -> dict:
    reply = user.client.get("/api/v1/notifications", params=params)
    assert reply.status_code == 200, reply.text
    return reply.json()


def wait_for_notification(user, kind: str, timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for item in notifications(user)["items"]:
            if item["type"] == kind:
                return item
        time.sleep(0.2)
    raise AssertionError(f"no {kind} notification")


def test_a_published_post_notifies_live_and_is_listed_until_read(api, publisher):
    post = publisher.create_post(media=[{"url": IMAGE}])
    with open_socket(api.base_url, publisher) as socket:
        assert schedule(publisher, post["id"], 2).status_code == 200
        seen = events_until(
            socket, lambda e: e["type"] == "notification" and e["notification_type"] == "post_published", 40
        )
    pushed = seen[-1]
    assert pushed["post_id"] == post["id"] and pushed["title"] == "Post published"
    stored = wait_for_notification(publisher, "post_published")
    assert stored["id"] == pushed["notification_id"]
    assert (stored["post_id"], stored["delivered"], stored["read_at"]) == (post["id"], True, None)
    assert "instagram.com" in stored["message"]
    page = notifications(publisher, unread="true")
    assert page["unread_count"] >= 1 and stored["id"] in [n["id"] for n in page["items"]]

    read = publisher.client.post(f"/api/v1/notifications/{stored['id']}/read")
    assert read.status_code == 200 and read.json()["read_at"]
    assert stored["id"] not in [n["id"] for n in notifications(publisher, unread="true")["items"]]
    assert publisher.client.post("/api/v1/notifications/read-all").status_code == 200
    assert notifications(publisher)["unread_count"] == 0
    # Pages end with a null cursor; another user sees none of it, and cannot mark it.
    everything = publisher.client.get("/api/v1/notifications", params={"limit": 100}).json()
    assert everything["next_cursor"] is None
    stranger = api.new_user()
    assert notifications(stranger)["items"] == [] and notifications(stranger)["next_cursor"] is None
    assert stranger.client.post(f"/api/v1/notifications/{stored['id']}/read").status_code == 404


def test_a_failed_post_notifies_with_the_reason(publisher, instagram):
    post = publisher.create_post(media=[{"url": IMAGE}])
    arm(instagram, publisher, "media_fetch_failure", "create")
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "failed", timeout=40)
    failed = wait_for_notification(publisher, "post_failed")
    assert failed["post_id"] == post["id"]
    assert "could not be fetched" in failed["message"]


def test_preferences_turn_a_type_off_and_quiet_hours_hold_pushes_back(api, publisher):
    changed = publisher.client.post(
        "/api/v1/notifications/preferences", json={"channels": {"schedule_changed": {"websocket": False}}}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["channels"]["schedule_changed"] == {
        "websocket": False,
        "email": False,
        "webhook": False,
    }
    assert changed.json()["channels"]["post_published"] == {
        "websocket": True,
        "email": False,
        "webhook": False,
    }
    post = publisher.create_post(media=[{"url": IMAGE}])
    assert schedule(publisher, post["id"], 3600).status_code == 200
    with open_socket(api.base_url, publisher) as socket:
        assert schedule(publisher, post["id"], 7200, method="PUT").status_code == 200
        held = wait_for_notification(publisher, "schedule_changed")
        assert held["delivered"] is False
        assert [e for e in quiet_for(socket, 1.5) if e["type"] == "notification"] == []

    # Quiet now (an hour either side, in the user's zone): stored, not pushed.
    zone = "America/New_York"
    now = datetime.now(ZoneInfo(zone))
    quiet = {
        "start": (now - timedelta(hours=1)).strftime("%H:%M"),
        "end": (now + timedelta(hours=1)).strftime("%H:%M"),
    }
    reply = publisher.client.post(
        "/api/v1/notifications/preferences", json={"quiet_hours": quiet, "timezone": zone}
    )
    assert reply.status_code == 200, reply.text
    assert reply.json()["quiet_hours"] == quiet
    assert reply.json()["channels"]["schedule_changed"]["websocket"] is True  # replaced
    with open_socket(api.base_url, publisher) as socket:
        assert schedule(publisher, post["id"], 10800, method="PUT").status_code == 200
        deadline = time.monotonic() + 20
        while len([n for n in notifications(publisher)["items"] if n["type"] == "schedule_changed"]) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        newest = notifications(publisher)["items"][0]
        assert (newest["type"], newest["delivered"]) == ("schedule_changed", False)
        assert [e for e in quiet_for(socket, 1.5) if e["type"] == "notification"] == []


def test_bad_preferences_are_422_naming_the_field(api):
    user = api.new_user()
    for body, field in (
        ({"channels": {"post_exploded": {"websocket": True}}}, "channels.post_exploded"),
        ({"quiet_hours": {"start": "25:00", "end": "07:00"}}, "quiet_hours.start"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"channels": {"post_failed": {"websocket": "yes"}}}, "channels.post_failed.websocket"),
    ):
        reply = user.client.post("/api/v1/notifications/preferences", json=body)
        assert reply.status_code == 422, (body, reply.text)
        assert reply.json()["error"]["fields"][0]["field"] == field
    assert user.client.get("/api/v1/notifications/preferences").json()["quiet_hours"] is None
    assert user.client.get("/api/v1/notifications", params={"limit": 0}).status_code == 422
    garbled = user.client.get("/api/v1/notifications", params={"cursor": "not-a-cursor"})
    assert garbled.status_code == 422
    assert garbled.json()["error"]["fields"][0]["field"] == "cursor"


class Receiver:
    """A webhook receiver on this machine: answers with the queued statuses (then 200) and
    keeps what it was sent."""

    def __init__(self, statuses=()) -> None:
        self.received: list[tuple[dict, bytes]] = []
        self.statuses = list(statuses)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.received.append((dict(self.headers), body))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/postflow"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, count: int, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            assert time.monotonic() < deadline, f"{len(self.received)} of {count} webhook calls"
            time.sleep(0.1)


def verified(secret: str, headers: dict, body: bytes) -> bool:
    """What a receiver does: recompute the signature over "<t>." + body."""
    fields = dict(part.split("=", 1) for part in headers["X-Postflow-Signature"].split(","))
    expected = hmac.new(secret.encode(), fields["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["v1"]) and abs(time.time() - int(fields["t"])) < 300


def confirm_address(user, smtp_sink, address: str, timeout: float = 15.0) -> None:
    """What the owner of the address does: open the link mailed to it."""
    deadline = time.monotonic() + timeout
    while not smtp_sink.to(address):
        assert time.monotonic() < deadline, "no confirmation email"
        time.sleep(0.1)
    body = smtp_sink.to(address)[-1].get_content()
    path = re.search(r"(/api/v1/notifications/email/confirm\?token=[A-Za-z0-9_\-]+)", body).group(1)
    reply = user.client.get(path)
    assert reply.status_code == 200, reply.text
    assert reply.json()["email_address"] == address


def test_email_and_signed_webhooks_deliver_what_the_user_chose(system, publisher, instagram, smtp_sink):
    receiver = Receiver(statuses=[503])  # the first call fails: the second delivers
    realtime = metrics_url(system, "realtime")
    counted = "postflow_notification_deliveries_total"
    retried_before = sample(realtime, counted, channel="webhook", result="retrying")
    delivered_before = sample(realtime, counted, channel="webhook", result="delivered")
    address = f"team-{publisher.id[:8]}@example.com"
    reply = publisher.client.post(
        "/api/v1/notifications/preferences",
        json={
            "channels": {
                "post_failed": {"websocket": True, "email": True, "webhook": True},
                "schedule_changed": {"websocket": True, "email": False, "webhook": False},
            },
            "email_address": address,
            "webhook_url": receiver.url,
        },
    )
    assert reply.status_code == 200, reply.text
    # The answer shows the choices as saved (email and webhook included), and so does a GET.
    for answer in (reply.json(), publisher.client.get("/api/v1/notifications/preferences").json()):
        assert answer["channels"]["post_failed"] == {"websocket": True, "email": True, "webhook": True}
        assert answer["channels"]["schedule_changed"] == {"websocket": True, "email": False, "webhook": False}
    secret = reply.json()["webhook_secret"]
    assert len(secret) == 64
    assert reply.json()["email_confirmed"] is False
    confirm_address(publisher, smtp_sink, address)
    post = publisher.create_post(media=[{"url": IMAGE}])
    arm(instagram, publisher, "media_fetch_failure", "create")
    assert schedule(publisher, post["id"], 2).status_code == 200
    failed = wait_for_notification(publisher, "post_failed", timeout=40)

    receiver.wait(2)
    (first_headers, first_body), (headers, body) = receiver.received
    assert first_body == body  # the same notification, retried
    assert verified(secret, headers, body)
    assert not verified("another secret", headers, body)
    sent = json.loads(body)
    assert (sent["id"], sent["type"], sent["post_id"]) == (failed["id"], "post_failed", post["id"])
    assert wait_for(realtime, counted, delivered_before + 1, channel="webhook", result="delivered") >= (
        delivered_before + 1
    )
    assert sample(realtime, counted, channel="webhook", result="retrying") >= retried_before + 1

    deadline = time.monotonic() + 20
    while not smtp_sink.to(address):
        assert time.monotonic() < deadline, "no email"
        time.sleep(0.1)
    while len(smtp_sink.to(address)) < 2:
        assert time.monotonic() < deadline, "no notification email"
        time.sleep(0.1)
    confirmation, mail = smtp_sink.to(address)
    assert "Confirm" in confirmation["Subject"]
    assert mail["Subject"] == "Postflow: Post failed"
    assert "could not be fetched" in mail.get_content()
    # It links to the post (a reminder's post holds its media to download).
    assert f"/#/compose/{post['id']}" in mail.get_content()
    # The schedule_changed of the same post (scheduling it) went to neither.
    assert all(json.loads(b)["type"] == "post_failed" for _, b in receiver.received)


def test_email_and_webhook_need_an_address_and_a_safe_url(api):
    user = api.new_user()
    for body, field in (
        ({"channels": {"post_failed": {"email": True}}}, "email_address"),
        ({"channels": {"post_failed": {"webhook": True}}}, "webhook_url"),
        ({"email_address": "not an address"}, "email_address"),
        ({"webhook_url": "ftp://example.com/hook"}, "webhook_url"),
    ):
        reply = user.client.post("/api/v1/notifications/preferences", json=body)
        assert reply.status_code == 422, (body, reply.text)
        assert reply.json()["error"]["fields"][0]["field"] == field


def leave_waiting(db, user_id: str, url: str, secret: str) -> tuple[uuid.UUID, uuid.UUID]:
    """A notification whose webhook send is due, as a stopped process leaves it mid-retries."""
    notification_id, delivery_id = uuid.uuid4(), uuid.uuid4()
    db.execute(
        "INSERT INTO notifications.post_notifications (id, user_id, type, title, message, data,"
        " source_event_id, delivered) VALUES (%s, %s, 'post_failed', 'Post failed', 'left waiting',"
        " '{}', %s, false)",
        (notification_id, user_id, -time.time_ns()),
    )
    db.execute(
        "INSERT INTO notifications.notification_deliveries (id, notification_id, channel, address,"
        " secret, attempts, next_attempt_at, last_error) VALUES (%s, %s, 'webhook', %s, %s, 1,"
        " now() - interval '1 minute', 'the receiver answered 503')",
        (delivery_id, notification_id, url, secret),
    )
    return notification_id, delivery_id


def delivery_state(db, delivery_id: uuid.UUID, timeout: float = 30.0) -> tuple:
    """(attempts, delivered, failed, last_error) once the send is delivered or given up."""
    deadline = time.monotonic() + timeout
    while True:
        attempts, delivered_at, failed_at, error = db.execute(
            "SELECT attempts, delivered_at, failed_at, last_error"
            " FROM notifications.notification_deliveries WHERE id = %s",
            (delivery_id,),
        ).fetchone()
        if delivered_at or failed_at:
            return attempts, delivered_at is not None, failed_at is not None, error
        assert time.monotonic() < deadline, f"still waiting after {attempts} attempts: {error}"
        time.sleep(0.2)


def test_sends_left_waiting_by_a_stopped_process_are_delivered_or_given_up(api, db):
    user = api.new_user()
    receiver = Receiver()
    notification_id, delivery_id = leave_waiting(db, user.id, receiver.url, "left-secret")
    refusing = Receiver(statuses=[400])  # final: the same body will not do better
    _, refused_id = leave_waiting(db, user.id, refusing.url, "left-secret")

    assert delivery_state(db, delivery_id)[:3] == (2, True, False)
    ((headers, body),) = receiver.received
    assert verified("left-secret", headers, body)
    assert json.loads(body)["id"] == str(notification_id)
    attempts, delivered, failed, error = delivery_state(db, refused_id)
    assert (attempts, delivered, failed) == (2, False, True) and "400" in error
    time.sleep(1)
    assert len(receiver.received) == len(refusing.received) == 1
    receiver.server.shutdown()
    refusing.server.shutdown()


def refusal(url: str, allow_private: bool = False) -> str:
    """Why a webhook to `url` is refused now, or ''."""

    async def check() -> str:
        try:
            await webhook_target.target(url, allow_private)
        except webhook_target.Refused as refused:
            return str(refused)
        return ""

    return asyncio.run(check())


def test_webhooks_to_private_addresses_are_refused_unless_allowed():
    for url in ("http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://[::1]:9/hook"):
        assert "private" in refusal(url), url
    # A name is judged by what it resolves to.
    assert "private" in refusal("http://localhost:9/hook")
    assert "port" in refusal("http://127.0.0.1:99999/hook")
    assert refusal("http://127.0.0.1:9/hook", allow_private=True) == ""


def test_a_webhook_is_sent_to_the_address_that_was_checked_under_its_own_name():
    receiver = Receiver()
    port = receiver.server.server_address[1]
    # As a delivery pins it: connect to the checked address, the name in Host and TLS.
    where = webhook_target.pinned(f"http://hooks.example.test:{port}/hooks/postflow", "127.0.0.1")
    assert where.url == f"http://127.0.0.1:{port}/hooks/postflow"
    assert where.extensions == {"sni_hostname": "hooks.example.test"}
    with httpx.Client() as client:  # the delivery's client, synchronously
        reply = client.post(where.url, content=b"{}", headers=where.headers, extensions=where.extensions)
    assert reply.status_code == 200
    sent = {name.lower(): value for name, value in receiver.received[0][0].items()}
    assert sent["host"] == f"hooks.example.test:{port}"
    receiver.server.shutdown()
    ipv6 = webhook_target.pinned("https://user:pw@hooks.example.test/x?y=1", "2001:db8::1")
    assert ipv6.url == "https://user:pw@[2001:db8::1]/x?y=1"
    assert ipv6.headers == {"host": "hooks.example.test"}
