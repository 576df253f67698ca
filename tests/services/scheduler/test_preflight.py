"""Pre-flight on the running system: a round a day ahead finds the post whose media
Instagram could not fetch (and passes the one it could), shows it on the post and its
calendar card, tells the user; a second round checks nothing more; the fix is checked again;
"Check now" answers at once, and a token Instagram refuses is named."""

import asyncio
import time

from protos import scheduler_pb2, scheduler_pb2_grpc
from tests.grpc_clients import aio_channel
from tests.services.scheduler.publishing import IMAGE, arm, schedule

MISSING = "https://cdn.example.com/missing-harbour.jpg"


async def _round(system, user_id: str) -> scheduler_pb2.PreflightRoundResult:
    """One round, as the worker's PreflightWorkflow asks it (of this user's posts only: the
    suite's other posts are not this test's)."""
    async with aio_channel(system, caller="worker", service="scheduler") as channel:
        return await scheduler_pb2_grpc.SchedulerStub(channel).PreflightRound(
            scheduler_pb2.PreflightRoundRequest(limit=50, user_id=user_id), timeout=120
        )


def _post(user, url: str, caption: str) -> dict:
    reply = user.client.post("/api/v1/posts", json={"caption": caption, "media": [{"url": url}]})
    assert reply.status_code == 201, reply.text
    return reply.json()


def _checks(user, post_id: str) -> dict:
    return user.client.get(f"/api/v1/posts/{post_id}").json()["preflight"]


def _notified(user, post_id: str, timeout: float = 15.0) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [
            n
            for n in user.client.get("/api/v1/notifications").json()["items"]
            if n["type"] == "preflight_failed" and n["post_id"] == post_id
        ]
        if found:
            return found
        time.sleep(0.2)
    return []


def test_a_round_a_day_ahead_finds_media_instagram_cannot_fetch(publisher, system):
    broken = _post(publisher, MISSING, "Harbour at dawn")
    fine = _post(publisher, IMAGE, "Harbour at dusk")
    assert schedule(publisher, broken["id"], 20 * 3600).status_code == 200
    assert schedule(publisher, fine["id"], 21 * 3600).status_code == 200
    assert _checks(publisher, broken["id"])["status"] == ""

    done = asyncio.run(_round(system, publisher.id))
    assert (done.checked, done.failed) == (2, 1)
    found = _checks(publisher, broken["id"])
    assert (found["status"], found["stage"]) == ("failed", "day_before")
    by_check = {c["check"]: c for c in found["checks"]}
    assert set(by_check) == {"account", "quota", "media", "video", "caption", "approval"}
    assert not by_check["media"]["ok"]
    assert by_check["media"]["message"] == "Media 1 cannot be fetched: the server answers HTTP 404."
    assert all(c["ok"] for name, c in by_check.items() if name != "media")
    assert _checks(publisher, fine["id"])["status"] == "passed"
    # On the calendar card, and told on the user's channels.
    day = publisher.client.get(f"/api/v1/posts/{broken['id']}").json()["scheduled_local"][:10]
    calendar = publisher.client.get(
        "/api/v1/calendar", params={"start_date": day, "end_date": day, "timezone": "Europe/Paris"}
    ).json()
    cards = {p["post_id"]: p for d in calendar["calendar_data"] for p in d["posts"]}
    assert cards[broken["id"]]["preflight_status"] == "failed"
    told = _notified(publisher, broken["id"])
    assert told and "HTTP 404" in told[0]["message"] and "within a day" in told[0]["message"]
    assert _notified(publisher, fine["id"], timeout=1) == []

    # Checked for this version and time: the next round has nothing to do.
    assert asyncio.run(_round(system, publisher.id)).checked == 0
    # The fix is a new version: outdated at once, checked again by the next round.
    fixed = publisher.client.put(
        f"/api/v1/posts/{broken['id']}", json={"media": [{"url": IMAGE}], "version": broken["version"]}
    )
    assert fixed.status_code == 200, fixed.text
    assert _checks(publisher, broken["id"])["status"] == ""
    assert asyncio.run(_round(system, publisher.id)).checked == 1
    assert _checks(publisher, broken["id"])["status"] == "passed"


def test_check_now_answers_at_once_and_names_a_refused_token(publisher, instagram):
    post = _post(publisher, IMAGE, "Now")
    assert publisher.client.post(f"/api/v1/posts/{post['id']}/preflight").status_code == 409  # a draft
    assert schedule(publisher, post["id"], 3 * 3600).status_code == 200
    reply = publisher.client.post(f"/api/v1/posts/{post['id']}/preflight")
    assert reply.status_code == 200, reply.text
    assert reply.json()["status"] == "passed" and _checks(publisher, post["id"])["stage"] == "now"

    arm(instagram, publisher, "revoked_token", endpoint="account")
    refused = publisher.client.post(f"/api/v1/posts/{post['id']}/preflight").json()
    account = next(c for c in refused["checks"] if c["check"] == "account")
    assert refused["status"] == "failed" and not account["ok"]
    assert "Instagram refused the account's token now" in account["message"]
    assert "session has been invalidated" in account["message"]
    assert (
        publisher.client.post("/api/v1/posts/00000000-0000-0000-0000-000000000009/preflight").status_code
        == 404
    )
