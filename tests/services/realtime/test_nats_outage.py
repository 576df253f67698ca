"""A NATS outage delays events, never loses them: a post that publishes while NATS is down
reaches the user's WebSocket and notifications once NATS is back, exactly once."""

import asyncio
import subprocess
import time
from urllib.parse import urlsplit

import nats
from nats.errors import NoServersError

from devtools import stack as stacks
from tests.services.realtime.clients import events_until, open_socket, quiet_for
from tests.services.realtime.test_notifications import notifications, wait_for_notification
from tests.services.scheduler.publishing import IMAGE, publishes, schedule, wait_for_status


def _pending_events(db, post_id: str) -> int:
    return db.execute(
        "SELECT count(*) FROM posts.event_outbox WHERE payload->>'post_id' = %s", (post_id,)
    ).fetchone()[0]


def test_a_post_published_while_nats_is_down_is_announced_once_when_it_is_back(
    publisher, instagram, system, db
):
    with open_socket(system.base_url, publisher) as tab:
        resume_from = tab.resume_point
    nats = system.processes["nats"]
    command = nats.args
    nats.terminate()
    nats.wait(timeout=10)
    try:
        post = publisher.create_post(caption="Published in the dark", media=[{"url": IMAGE}])
        assert schedule(publisher, post["id"], 3).status_code == 200
        wait_for_status(publisher, post["id"], "published", timeout=40)
        assert len(publishes(instagram, publisher.ig_user_id)) == 1
        # Scheduled, publishing, published: committed with the changes, waiting for NATS.
        assert _pending_events(db, post["id"]) >= 3
    finally:
        port = int(system.env["POSTFLOW_NATS_URL"].rsplit(":", 1)[1])
        log = (system.log_dir / "nats-restarted.log").open("w")
        system.processes["nats"] = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        stacks.wait_listening(port, system.processes["nats"])

    deadline = time.monotonic() + 30
    while _pending_events(db, post["id"]):
        assert time.monotonic() < deadline, "the outbox was not relayed after NATS came back"
        time.sleep(0.2)

    with open_socket(system.base_url, publisher, last_event_id=resume_from) as tab:
        seen = events_until(
            tab,
            lambda e: (
                e["type"] == "post_status_update"
                and e["post_id"] == post["id"]
                and e["status"] == "published"
            ),
        )
        later = quiet_for(tab, 2)
    statuses = [
        e["status"] for e in seen + later if e["type"] == "post_status_update" and e["post_id"] == post["id"]
    ]
    assert statuses == ["scheduled", "publishing", "published"]

    wait_for_notification(publisher, "post_published", timeout=30)
    time.sleep(1)
    published = [n for n in notifications(publisher)["items"] if n["type"] == "post_published"]
    assert len(published) == 1 and published[0]["post_id"] == post["id"]


def test_nats_refuses_anyone_without_the_password(system):
    port = urlsplit(system.env["POSTFLOW_NATS_URL"]).port

    async def attempt(url: str) -> bool:
        try:
            connection = await nats.connect(
                url, connect_timeout=2, max_reconnect_attempts=0, allow_reconnect=False
            )
        except (NoServersError, OSError, nats.errors.Error):
            return False
        await connection.close()
        return True

    assert asyncio.run(attempt(system.env["POSTFLOW_NATS_URL"])) is True
    assert asyncio.run(attempt(f"nats://127.0.0.1:{port}")) is False
    assert asyncio.run(attempt(f"nats://postflow:guess@127.0.0.1:{port}")) is False
