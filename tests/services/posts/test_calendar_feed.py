"""The calendar as a secret .ics feed: it parses with icalendar, holds the user's planned
and scheduled posts (nobody else's), and a replaced or revoked URL answers 404."""

from datetime import UTC, datetime, timedelta

import httpx
import icalendar

IMAGE = [{"url": "https://cdn.example.com/p.jpg"}]


def _events(url: str) -> dict[str, icalendar.Event]:
    reply = httpx.get(url, timeout=10)  # no Authorization: the URL is the credential
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/calendar")
    feed = icalendar.Calendar.from_ical(reply.content)
    assert str(feed["x-wr-calname"]) == "Postflow"
    return {str(e["uid"]).split("@")[0]: e for e in feed.walk("VEVENT")}


def test_the_feed_holds_the_schedule_and_can_be_replaced_and_revoked(publisher, api):
    user = publisher
    assert user.client.get("/api/v1/calendar/feed").json() == {
        "active": False,
        "url": None,
        "created_at": None,
    }
    assert user.client.delete("/api/v1/calendar/feed").status_code == 404

    soon = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0, second=0)
    caption = "Spring sale; 20% off, today only\nLink in bio — ☀️"
    planned = user.create_post(
        caption=caption, media=IMAGE, hashtags=["spring"], scheduled_for=soon.isoformat()
    )
    scheduled = user.create_post(caption="launch", media=IMAGE)
    at = soon + timedelta(hours=3)
    reply = user.client.post(
        f"/api/v1/posts/{scheduled['id']}/schedule", json={"scheduled_time": at.isoformat()}
    )
    assert reply.status_code == 200, reply.text
    user.create_post(caption="no time, not on the calendar", media=IMAGE)
    stranger = api.new_user()
    stranger.create_post(caption="someone else's", media=IMAGE, scheduled_for=soon.isoformat())

    made = user.client.post("/api/v1/calendar/feed")
    assert made.status_code == 201, made.text
    url = made.json()["url"]
    assert url.startswith(api.base_url) and url.endswith(".ics")
    assert user.client.get("/api/v1/calendar/feed").json()["active"] is True
    assert user.client.get("/api/v1/calendar/feed").json()["url"] is None  # shown once

    events = _events(url)
    assert set(events) == {planned["id"], scheduled["id"]}
    first = events[planned["id"]]
    assert first.decoded("dtstart") == soon
    assert str(first["status"]) == "TENTATIVE" and str(first["summary"]).startswith(
        "[planned] photo: Spring sale"
    )
    assert str(first["description"]) == caption + "\n\n#spring"
    second = events[scheduled["id"]]
    assert second.decoded("dtstart") == at and str(second["status"]) == "CONFIRMED"
    assert second.decoded("duration") == timedelta(minutes=15)

    # A new URL replaces the old one; revoking ends the new one.
    newer = user.client.post("/api/v1/calendar/feed").json()["url"]
    assert newer != url and httpx.get(url, timeout=10).status_code == 404
    assert set(_events(newer)) == {planned["id"], scheduled["id"]}
    assert user.client.delete("/api/v1/calendar/feed").status_code == 200
    assert httpx.get(newer, timeout=10).status_code == 404
    assert httpx.get(f"{api.base_url}/api/v1/calendar/feed/{'x' * 200}.ics", timeout=10).status_code in (
        404,
        422,
    )
    assert httpx.get(f"{api.base_url}/api/v1/calendar/feed/nothing.ics", timeout=10).status_code == 404
