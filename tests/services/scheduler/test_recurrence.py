"""Recurring posts through the API: each occurrence publishes a copy, once, on time; a series
can be changed and stopped; bad rules are 4xx naming the field."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from temporalio.client import Client

from tests.services.scheduler.publishing import ZONE, local_in, publishes
from workflows.contracts.recurring import UPCOMING_QUERY, series_workflow_id


def no_gap(user) -> None:
    reply = user.client.patch(f"/api/v1/accounts/{user.account_id}", json={"min_gap_minutes": 0})
    assert reply.status_code == 200, reply.text


def start_series(user, post_id: str, rrule: str, start: str, **extra):
    body = {"rrule": rrule, "start_time": start, "timezone": ZONE, "account_id": user.account_id, **extra}
    return user.client.post(f"/api/v1/posts/{post_id}/recurrence", json=body)


def copies(user, series_id: str) -> list[dict]:
    reply = user.client.get(
        "/api/v1/posts", params={"series_id": series_id, "sort": "scheduled_for", "order": "asc"}
    )
    assert reply.status_code == 200, reply.text
    return reply.json()["items"]


def wait_until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


async def _runs_of(system, workflow_id: str) -> int:
    """How many runs the workflow went through (continue-as-new starts a new one)."""
    client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
    runs = [run async for run in client.list_workflows(f"WorkflowId = '{workflow_id}'")]
    return len(runs)


def test_each_occurrence_publishes_a_copy_once_on_time(publisher, instagram, system):
    no_gap(publisher)
    post = publisher.create_post(caption="Tip of the moment")
    reply = start_series(publisher, post["id"], "FREQ=SECONDLY;INTERVAL=4;COUNT=3", local_in(3))
    assert reply.status_code == 201, reply.text
    series = reply.json()
    assert series["status"] == "active"
    assert len(series["upcoming"]) == 3
    due = [datetime.fromisoformat(t) for t in series["upcoming"]]

    published = wait_until(
        lambda: (
            len(publishes(instagram, publisher.ig_user_id)) == 3
            and publishes(instagram, publisher.ig_user_id)
        ),
        timeout=45,
        what="three publications",
    )
    time.sleep(1)
    assert len(publishes(instagram, publisher.ig_user_id)) == 3, "each occurrence exactly once"
    for when, publication in zip(due, sorted(published, key=lambda p: p["published_at"]), strict=True):
        assert publication["published_at"] >= when.timestamp()
        assert publication["caption"].startswith("Tip of the moment")
    made = wait_until(
        lambda: (
            [c for c in copies(publisher, post["id"]) if c["status"] == "published"]
            == copies(publisher, post["id"])
            and copies(publisher, post["id"])
        ),
        timeout=15,
        what="copies recorded as published",
    )
    assert [datetime.fromisoformat(c["scheduled_for"]) for c in made] == due
    assert {c["instagram_media_id"] for c in made} == {p["media_id"] for p in published}
    assert all(c["series_id"] == post["id"] and c["id"] != post["id"] for c in made)
    source = publisher.client.get(f"/api/v1/posts/{post['id']}").json()
    assert source["status"] == "draft", "the series' own post is the model, never published itself"
    finished = wait_until(
        lambda: publisher.client.get(f"/api/v1/posts/{post['id']}/recurrence").json()["status"] == "finished",
        timeout=10,
        what="the series to finish",
    )
    assert finished
    # Two occurrences per run in the tests: three occurrences took two runs.
    assert asyncio.run(_runs_of(system, series_workflow_id(post["id"]))) == 2


def test_stopping_a_series_makes_no_more_copies(publisher, instagram):
    no_gap(publisher)
    post = publisher.create_post(caption="Until stopped")
    assert (
        start_series(publisher, post["id"], "FREQ=SECONDLY;INTERVAL=6;COUNT=20", local_in(3)).status_code
        == 201
    )
    wait_until(lambda: publishes(instagram, publisher.ig_user_id), timeout=30, what="the first publication")
    stopped = publisher.client.delete(f"/api/v1/posts/{post['id']}/recurrence")
    assert stopped.status_code == 200, stopped.text
    assert stopped.json()["status"] == "stopped"
    assert stopped.json()["upcoming"] == []
    time.sleep(14)
    # The next copy may have been made (one lead ahead) just before the stop; no more after it.
    assert len(copies(publisher, post["id"])) <= 2
    assert len(publishes(instagram, publisher.ig_user_id)) <= 2
    again = publisher.client.delete(f"/api/v1/posts/{post['id']}/recurrence")
    assert again.status_code == 409


def test_changing_the_rule_moves_the_sleeping_series(publisher, system):
    post = publisher.create_post(caption="Weekly")
    first = start_series(
        publisher, post["id"], "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2031-01-06T09:00"
    )
    assert first.status_code == 201, first.text
    assert first.json()["upcoming"][0] == "2031-01-06T09:00:00+01:00"
    twice = start_series(publisher, post["id"], "FREQ=DAILY", "2031-01-06T09:00")
    assert twice.status_code == 409
    assert twice.json()["error"]["code"] == "series_exists"

    body = {
        "rrule": "FREQ=WEEKLY;BYDAY=TH;BYHOUR=18;BYMINUTE=30",
        "start_time": "2031-01-06T09:00",
        "timezone": ZONE,
        "account_id": publisher.account_id,
    }
    changed = publisher.client.put(f"/api/v1/posts/{post['id']}/recurrence", json=body)
    assert changed.status_code == 200, changed.text
    assert changed.json()["upcoming"][:2] == ["2031-01-09T18:30:00+01:00", "2031-01-16T18:30:00+01:00"]
    assert publisher.client.get(f"/api/v1/posts/{post['id']}/recurrence").json()["rrule"] == body["rrule"]

    async def workflow_upcoming() -> list[str]:
        client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
        handle = client.get_workflow_handle(series_workflow_id(post["id"]))
        for _ in range(50):
            upcoming = await handle.query(UPCOMING_QUERY)
            if upcoming and upcoming[0].startswith("2031-01-09T17:30"):
                return upcoming
            await asyncio.sleep(0.1)
        return upcoming

    assert asyncio.run(workflow_upcoming())[0] == "2031-01-09T17:30:00+00:00"
    assert publisher.client.delete(f"/api/v1/posts/{post['id']}/recurrence").status_code == 200


def test_bad_series_are_4xx_naming_the_field(publisher, api):
    post = publisher.create_post()
    cases = [
        ({"rrule": "EVERY MONDAY"}, 422, "rrule"),
        ({"rrule": "FREQ=MINUTELY;INTERVAL=5;COUNT=10"}, 422, "rrule"),  # closer than the 10-minute gap
        ({"rrule": "FREQ=DAILY;UNTIL=20200101T000000"}, 422, "rrule"),  # all in the past
        ({"start_time": "soon"}, 422, "start_time"),
        ({"timezone": "Mars/Olympus_Mons"}, 422, "timezone"),
        ({"account_id": "00000000-0000-0000-0000-000000000000"}, 422, "account_id"),
        ({"rrule": 7}, 422, "rrule"),
    ]
    for change, status, field in cases:
        body = {
            "rrule": "FREQ=DAILY",
            "start_time": "2031-02-01T09:00",
            "timezone": ZONE,
            "account_id": publisher.account_id,
            **change,
        }
        reply = publisher.client.post(f"/api/v1/posts/{post['id']}/recurrence", json=body)
        assert reply.status_code == status, (change, reply.text)
        assert reply.json()["error"]["fields"][0]["field"] == field, (change, reply.text)
        if "MINUTELY" in str(change.get("rrule")):
            assert "5 minutes apart" in reply.json()["error"]["fields"][0]["message"]
    assert publisher.client.get(f"/api/v1/posts/{post['id']}/recurrence").status_code == 404

    without_media = publisher.create_post(media=[])
    reply = start_series(publisher, without_media["id"], "FREQ=DAILY", "2031-02-01T09:00")
    assert reply.status_code == 422
    assert reply.json()["error"]["fields"][0]["field"] == "media"

    theirs = api.new_user().create_post()
    assert start_series(publisher, theirs["id"], "FREQ=DAILY", "2031-02-01T09:00").status_code == 404


def test_the_costliest_rules_answer_at_once_and_other_requests_keep_flowing(publisher):
    """Rules that used to cost tens of seconds of the scheduler's CPU: refused, or (the
    densest allowed, begun twenty years ago) expanded from near now."""
    hours = ",".join(map(str, range(24)))
    minutes = ",".join(map(str, range(60)))
    post = publisher.create_post(caption="Dense")
    refused_rules = [f"FREQ=DAILY;BYHOUR={hours};BYMINUTE={minutes}", f"FREQ=HOURLY;BYMINUTE={minutes}"]

    def attempt(rrule: str):
        return start_series(publisher, post["id"], rrule, "2007-01-01T00:00")

    with ThreadPoolExecutor(4) as pool:
        refusals = [pool.submit(attempt, rule) for rule in refused_rules * 3]
        reads = [publisher.client.get("/api/v1/posts", params={"limit": 5}) for _ in range(10)]
        dense = start_series(
            publisher, post["id"], f"FREQ=DAILY;BYHOUR={hours};BYMINUTE=0,15,30,45", "2007-01-01T00:00"
        )
    assert {r.status_code for r in reads} == {200}
    for refusal in refusals:
        reply = refusal.result()
        assert reply.status_code == 422, reply.text
        assert reply.json()["error"]["fields"][0]["field"] == "rrule"
    assert dense.status_code == 201, dense.text
    upcoming = [datetime.fromisoformat(t) for t in dense.json()["upcoming"]]
    assert upcoming and upcoming[0].year >= 2026
    assert publisher.client.delete(f"/api/v1/posts/{post['id']}/recurrence").status_code in (200, 204)
