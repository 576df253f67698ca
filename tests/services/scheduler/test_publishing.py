"""Scheduling through the API: the Temporal workflow publishes to the simulator on time, once."""

import random
import time
from datetime import datetime

import pytest

from tests.services.scheduler.publishing import IMAGE, ZONE, local_in, publishes, schedule, wait_for_status


def test_a_scheduled_post_is_published_on_time_once(publisher, instagram):
    post = publisher.create_post(caption="Harbour at dawn", hashtags=["harbour"], media=[{"url": IMAGE}])
    reply = schedule(publisher, post["id"], 3)
    assert reply.status_code == 200, reply.text
    scheduled = reply.json()
    assert scheduled["timezone"] == ZONE
    assert 0 <= scheduled["optimal_score"] <= 1
    due = datetime.fromisoformat(scheduled["scheduled_for"])
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "scheduled"

    status = wait_for_status(publisher, post["id"], "published")
    assert status["permalink"].startswith("https://www.instagram.com/p/")
    published = publishes(instagram, publisher.ig_user_id)
    assert len(published) == 1
    assert published[0]["caption"] == "Harbour at dawn\n\n#harbour"
    assert published[0]["published_at"] >= due.timestamp(), "never before its time"
    stored = publisher.client.get(f"/api/v1/posts/{post['id']}").json()
    assert stored["instagram_media_id"] == published[0]["media_id"]
    assert stored["account_id"] == publisher.account_id


def test_unscheduling_stops_the_publication(publisher, instagram):
    post = publisher.create_post()
    assert schedule(publisher, post["id"], 3).status_code == 200
    reply = publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")
    assert reply.status_code == 200
    assert reply.json()["status"] == "draft"
    time.sleep(4)
    assert publishes(instagram, publisher.ig_user_id) == []
    assert publisher.client.get(f"/api/v1/posts/{post['id']}/status").json()["step"] == "none"


def test_rescheduling_earlier_wakes_the_sleeping_workflow(publisher, instagram):
    post = publisher.create_post()
    assert schedule(publisher, post["id"], 3600).status_code == 200
    assert publisher.client.get(f"/api/v1/posts/{post['id']}/status").json()["step"] == "waiting"
    moved = schedule(publisher, post["id"], 3, method="PUT")
    assert moved.status_code == 200, moved.text
    wait_for_status(publisher, post["id"], "published", timeout=20)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1


def test_a_deleted_post_never_publishes(publisher, instagram):
    post = publisher.create_post()
    assert schedule(publisher, post["id"], 2).status_code == 200
    assert publisher.client.delete(f"/api/v1/posts/{post['id']}").status_code == 200
    time.sleep(4)
    assert publishes(instagram, publisher.ig_user_id) == []


def test_a_lost_publish_response_still_publishes_exactly_once(publisher, instagram):
    post = publisher.create_post()
    instagram.post(
        "/_simulator/faults", json={"kind": "publish_response_lost", "ig_user_id": publisher.ig_user_id}
    )
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published", timeout=30)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1


def test_media_instagram_cannot_fetch_fails_with_a_reason(publisher, instagram):
    post = publisher.create_post()
    instagram.post(
        "/_simulator/faults", json={"kind": "media_fetch_failure", "ig_user_id": publisher.ig_user_id}
    )
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "failed", timeout=30)
    assert "could not be fetched" in status["last_error"]
    assert publishes(instagram, publisher.ig_user_id) == []


def test_scheduling_twice_is_a_conflict(publisher):
    post = publisher.create_post()
    assert schedule(publisher, post["id"], 3600).status_code == 200
    again = schedule(publisher, post["id"], 7200)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "already_scheduled"
    publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"scheduled_time": "2020-01-01T09:00"}, "scheduled_time"),
        ({"scheduled_time": "next tuesday"}, "scheduled_time"),
        ({"scheduled_time": "2031-03-30T02:30"}, "scheduled_time"),  # clocks skip 02:00-03:00 in Paris
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"account_id": "00000000-0000-0000-0000-000000000000"}, "account_id"),
    ],
)
def test_bad_schedules_are_422_naming_the_field(publisher, body, field):
    post = publisher.create_post()
    full = {"scheduled_time": local_in(3600), "timezone": ZONE, "account_id": publisher.account_id, **body}
    reply = publisher.client.post(f"/api/v1/posts/{post['id']}/schedule", json=full)
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == field
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "draft"


def test_a_post_without_media_cannot_be_scheduled(publisher):
    post = publisher.create_post(media=[])
    reply = schedule(publisher, post["id"], 3600)
    assert reply.status_code == 422
    assert reply.json()["error"]["fields"][0]["field"] == "media"


def test_an_ambiguous_local_time_says_which_was_taken(publisher):
    post = publisher.create_post()
    body = {"scheduled_time": "2031-10-26T02:30", "timezone": ZONE, "account_id": publisher.account_id}
    reply = publisher.client.post(f"/api/v1/posts/{post['id']}/schedule", json={**body, "prefer": "later"})
    assert reply.status_code == 200, reply.text
    assert reply.json()["scheduled_for"].startswith("2031-10-26T01:30")
    assert "happens twice" in reply.json()["ambiguity"]
    publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")


def test_another_users_post_cannot_be_scheduled_or_seen(publisher, api):
    other = api.new_user()
    theirs = other.create_post()
    assert schedule(publisher, theirs["id"], 3600).status_code == 404
    assert publisher.client.get(f"/api/v1/posts/{theirs['id']}/status").status_code == 404


def test_posts_on_one_account_keep_the_minimum_gap(publisher):
    first, second = publisher.create_post(), publisher.create_post()
    body = {"timezone": ZONE, "account_id": publisher.account_id}
    at_nine = {"scheduled_time": "2031-06-02T09:00", **body}
    assert publisher.client.post(f"/api/v1/posts/{first['id']}/schedule", json=at_nine).status_code == 200
    clash = publisher.client.post(
        f"/api/v1/posts/{second['id']}/schedule", json={**at_nine, "scheduled_time": "2031-06-02T09:04"}
    )
    assert clash.status_code == 409
    error = clash.json()["error"]
    assert error["code"] == "schedule_conflict"
    assert error["context"]["conflicting_post_id"] == first["id"]
    suggested = error["context"]["suggested_times"].split(",")
    assert "2031-06-02T09:10:00+02:00" in suggested
    assert "2031-06-02T08:50:00+02:00" in suggested
    assert publisher.client.get(f"/api/v1/posts/{second['id']}").json()["status"] == "draft"
    free = publisher.client.post(
        f"/api/v1/posts/{second['id']}/schedule", json={**at_nine, "scheduled_time": "2031-06-02T09:10"}
    )
    assert free.status_code == 200, free.text

    listed = publisher.client.get("/api/v1/posts/scheduled").json()["items"]
    assert [p["id"] for p in listed] == [first["id"], second["id"]]
    assert listed[0]["scheduled_local"] == "2031-06-02T09:00:00+02:00"
    for post in (first, second):
        publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")
    assert publisher.client.get("/api/v1/posts/scheduled").json()["items"] == []


def test_more_posts_in_24_hours_than_the_account_may_publish_are_refused(api, instagram):
    user = api.new_user()
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    instagram.post(
        "/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token, "publish_limit": 2}
    )
    account = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token}
    ).json()
    body = {"timezone": ZONE, "account_id": account["id"]}
    posts = [user.create_post() for _ in range(3)]
    for post, time_of_day in zip(posts[:2], ("09:00", "15:00"), strict=True):
        reply = user.client.post(
            f"/api/v1/posts/{post['id']}/schedule",
            json={**body, "scheduled_time": f"2031-06-03T{time_of_day}"},
        )
        assert reply.status_code == 200, reply.text
    third = user.client.post(
        f"/api/v1/posts/{posts[2]['id']}/schedule", json={**body, "scheduled_time": "2031-06-04T08:00"}
    )
    assert third.status_code == 409
    assert third.json()["error"]["code"] == "publishing_limit"
    assert third.json()["error"]["context"]["limit"] == "2"
    next_day = user.client.post(
        f"/api/v1/posts/{posts[2]['id']}/schedule", json={**body, "scheduled_time": "2031-06-04T16:00"}
    )
    assert next_day.status_code == 200, next_day.text
    for post in posts:
        user.client.delete(f"/api/v1/posts/{post['id']}/schedule")


def test_bulk_schedule_and_unschedule_with_per_post_results(publisher, api):
    posts = [publisher.create_post() for _ in range(3)]
    stranger = api.new_user().create_post()
    ids = [p["id"] for p in posts] + [stranger["id"]]
    reply = publisher.client.post(
        "/api/v1/posts/bulk",
        json={
            "action": "schedule",
            "post_ids": ids,
            "account_id": publisher.account_id,
            "timezone": ZONE,
            "start_time": "2031-07-01T09:00",
            "interval_minutes": 30,
        },
    )
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["succeeded"], body["failed"]) == (3, 1)
    assert [r["local_time"] for r in body["results"][:3]] == [
        "2031-07-01T09:00:00+02:00",
        "2031-07-01T09:30:00+02:00",
        "2031-07-01T10:00:00+02:00",
    ]
    assert body["results"][3]["error"]["code"] == "not_found"
    queue = publisher.client.get("/api/v1/posts/scheduled").json()["items"]
    assert [p["id"] for p in queue] == [p["id"] for p in posts]

    explicit = publisher.client.post(
        "/api/v1/posts/bulk",
        json={
            "action": "schedule",
            "post_ids": ids[:2],
            "account_id": publisher.account_id,
            "timezone": ZONE,
            "times": ["2031-07-02T09:00"],
        },
    )
    assert explicit.status_code == 422
    assert explicit.json()["error"]["fields"][0]["field"] == "times"

    undone = publisher.client.post(
        "/api/v1/posts/bulk", json={"action": "unschedule", "post_ids": ids[:3]}
    ).json()
    assert undone["succeeded"] == 3
    assert publisher.client.get("/api/v1/posts/scheduled").json()["items"] == []
    too_many = publisher.client.post(
        "/api/v1/posts/bulk", json={"action": "unschedule", "post_ids": ["x"] * 51}
    )
    assert too_many.status_code == 422


def test_a_scheduled_post_cannot_be_edited_into_one_that_cannot_publish(publisher):
    post = publisher.create_post()
    assert schedule(publisher, post["id"], 3600).status_code == 200
    reply = publisher.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "media": []})
    assert reply.status_code == 422
    assert reply.json()["error"]["fields"][0]["field"] == "media"
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["media"] == post["media"]
    # Unscheduled, it is a draft again and may be an idea without media.
    publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")
    kept = publisher.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "media": []})
    assert kept.status_code == 200
    assert [w["code"] for w in kept.json()["warnings"]] == ["media_missing"]


def test_an_account_disconnected_after_preparation_publishes_nothing(api, instagram):
    """The publish holds with the account's credentials read; a disconnection before the due
    second still stops it. The disconnection must land between preparation and the due
    second, a window of the lead (1 s here): on a loaded machine it may land after the due
    second, when publishing was right. Such a round proves nothing and is played again with a new account."""
    for _ in range(4):
        user = _connected(api, instagram)
        post = user.create_post()
        reply = schedule(user, post["id"], 3)
        assert reply.status_code == 200
        due = datetime.fromisoformat(reply.json()["scheduled_for"]).timestamp()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            made = instagram.get("/_simulator/containers", params={"ig_user_id": user.ig_user_id}).json()
            if made and made[0]["status_code"] == "FINISHED":
                break
            time.sleep(0.02)
        else:
            raise AssertionError("the post was never prepared")
        # Prepared, due in about a second: once the publish holds for the due second (with
        # the credentials it read), the account goes away.
        time.sleep(0.3)
        assert user.client.delete(f"/api/v1/accounts/{user.account_id}").status_code == 204
        if time.time() >= due:
            wait_for_status(user, post["id"], "published", timeout=30)  # went out first: right
            continue
        status = wait_for_status(user, post["id"], "failed", timeout=30)
        assert "disconnected" in status["last_error"]
        assert publishes(instagram, user.ig_user_id) == []
        return
    pytest.fail("the disconnection never landed before the due second")


def _connected(api, instagram):
    user = api.new_user()
    user.ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{user.ig_user_id}"
    instagram.post("/_simulator/accounts", json={"ig_user_id": user.ig_user_id, "access_token": token})
    body = {"ig_user_id": user.ig_user_id, "access_token": token}
    user.account_id = user.client.post("/api/v1/accounts", json=body).json()["id"]
    return user


def test_instagram_tokens_travel_in_a_header_never_in_a_url(publisher, instagram):
    before = instagram.get("/_simulator/token_places").json()
    post = publisher.create_post(media=[{"url": IMAGE}])
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published")
    after = instagram.get("/_simulator/token_places").json()
    assert after.get("header", 0) - before.get("header", 0) >= 3  # create, status, publish
    assert after.get("query", 0) == before.get("query", 0)
