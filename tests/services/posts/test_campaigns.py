"""Campaigns: posts join one, the calendar filters and colours by it, and its timeline
shows its posts and their results in time order."""

from datetime import UTC, datetime, timedelta

import pytest

SPRING = {"name": "Spring launch", "start_date": "2027-03-01", "end_date": "2027-03-31", "colour": "#1E90FF"}


@pytest.fixture
def user(api):
    return api.new_user()


def _campaign(user, **body) -> dict:
    reply = user.client.post("/api/v1/campaigns", json={**SPRING, **body})
    assert reply.status_code == 201, reply.text
    return reply.json()


def _post(user, **body) -> dict:
    reply = user.client.post("/api/v1/posts", json={"caption": "c", **body})
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_a_campaign_is_kept_listed_changed_and_its_name_is_unique(user):
    campaign = _campaign(user, goal="500 new followers")
    assert campaign["colour"] == "#1e90ff" and campaign["goal"] == "500 new followers"
    again = user.client.post("/api/v1/campaigns", json={**SPRING, "name": "spring LAUNCH"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "campaign_exists"
    changed = user.client.put(
        f"/api/v1/campaigns/{campaign['id']}", json={**SPRING, "end_date": "2027-04-15", "colour": "#ff0000"}
    )
    assert changed.status_code == 200 and changed.json()["end_date"] == "2027-04-15"
    assert [c["id"] for c in user.client.get("/api/v1/campaigns").json()["items"]] == [campaign["id"]]
    assert user.client.get(f"/api/v1/campaigns/{campaign['id']}").json()["colour"] == "#ff0000"


def test_bad_campaigns_name_their_fields(user, api):
    for body, field in [
        ({"name": "  "}, "name"),
        ({"name": "a\x00b"}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"colour": "blue"}, "colour"),
        ({"start_date": "2027-02-30"}, "start_date"),
        ({"end_date": "2027-02-01"}, "end_date"),
        ({"goal": "g" * 1001}, "goal"),
    ]:
        reply = user.client.post("/api/v1/campaigns", json={**SPRING, **body})
        assert reply.status_code == 422 and field in reply.text, (body, reply.text)
    campaign = _campaign(user)
    stranger = api.new_user()
    assert stranger.client.get(f"/api/v1/campaigns/{campaign['id']}").status_code == 404
    assert stranger.client.delete(f"/api/v1/campaigns/{campaign['id']}").status_code == 404
    assert user.client.get("/api/v1/campaigns/not-an-id").status_code == 404


def test_posts_join_a_campaign_without_a_new_version(user, api):
    campaign = _campaign(user)
    first = _post(user, campaign_id=campaign["id"], scheduled_for="2027-03-02T09:00:00Z")
    assert first["campaign_id"] == campaign["id"]
    second = _post(user, scheduled_for="2027-03-01T09:00:00Z")
    moved = user.client.put(
        f"/api/v1/posts/{second['id']}", json={"version": second["version"], "campaign_id": campaign["id"]}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["campaign_id"] == campaign["id"] and moved.json()["version"] == second["version"]
    # Another user's campaign: refused, and no post is created.
    stranger = api.new_user()
    before = len(stranger.client.get("/api/v1/posts").json()["items"])
    refused = stranger.client.post("/api/v1/posts", json={"caption": "c", "campaign_id": campaign["id"]})
    assert refused.status_code == 422 and "campaign_id" in refused.text
    assert len(stranger.client.get("/api/v1/posts").json()["items"]) == before == 0

    other = _post(user, scheduled_for="2027-03-03T09:00:00Z")
    view = user.client.get(
        "/api/v1/calendar",
        params={
            "start_date": "2027-03-01",
            "end_date": "2027-03-31",
            "timezone": "UTC",
            "campaign_id": campaign["id"],
        },
    ).json()
    cells = [p for day in view["calendar_data"] for p in day["posts"]]
    assert [c["post_id"] for c in cells] == [second["id"], first["id"]]
    assert {c["campaign_colour"] for c in cells} == {"#1e90ff"}
    everything = user.client.get(
        "/api/v1/calendar", params={"start_date": "2027-03-01", "end_date": "2027-03-31", "timezone": "UTC"}
    ).json()
    assert everything["content_mix"]["by_campaign"] == [
        {"key": campaign["id"], "count": 2, "share": pytest.approx(2 / 3, abs=1e-4)}
    ]
    assert other["id"] in [p["post_id"] for day in everything["calendar_data"] for p in day["posts"]]

    # Out of the campaign: null.
    out = user.client.put(
        f"/api/v1/posts/{first['id']}", json={"version": first["version"], "campaign_id": None}
    )
    assert out.status_code == 200 and out.json()["campaign_id"] is None


def test_the_timeline_shows_the_campaigns_posts_and_results(user, db):
    campaign = _campaign(user)
    planned = _post(user, campaign_id=campaign["id"], scheduled_for="2030-03-05T09:00:00Z")
    published = _post(user, campaign_id=campaign["id"], caption="launch day")
    at = datetime.now(UTC) - timedelta(days=3)
    db.execute(
        "UPDATE posts.posts SET status = 'published', scheduled_for = %s, published_at = %s,"
        " permalink = 'https://www.instagram.com/p/x/' WHERE id = %s",
        (at, at, published["id"]),
    )
    db.execute(
        "INSERT INTO posts.post_metrics (post_id, user_id, collected_at, age_seconds, likes, comments,"
        " shares, saves, reach, views) VALUES (%s, %s, now(), 3600, 40, 5, 3, 2, 900, 1000)",
        (published["id"], user.id),
    )
    unplanned = _post(user, campaign_id=campaign["id"])

    timeline = user.client.get(
        f"/api/v1/campaigns/{campaign['id']}/timeline", params={"timezone": "Europe/Paris"}
    ).json()
    assert timeline["campaign"]["id"] == campaign["id"] and timeline["timezone"] == "Europe/Paris"
    assert [p["post_id"] for p in timeline["posts"]] == [published["id"], planned["id"], unplanned["id"]]
    first = timeline["posts"][0]
    assert (first["reach"], first["engagement"], first["permalink"]) == (
        900,
        50,
        "https://www.instagram.com/p/x/",
    )
    assert timeline["posts"][1]["local_time"] == "2030-03-05T10:00:00+01:00"
    assert timeline["posts"][2]["local_time"] is None and timeline["posts"][2]["reach"] is None
    totals = timeline["totals"]
    assert (totals["posts"], totals["reach"], totals["engagement"]) == (3, 900, 50)
    assert {s["key"]: s["count"] for s in totals["by_status"]} == {"published": 1, "planned": 1, "draft": 1}

    # Deleting the campaign keeps its posts, in no campaign.
    assert user.client.delete(f"/api/v1/campaigns/{campaign['id']}").status_code == 200
    assert user.client.get(f"/api/v1/posts/{planned['id']}").json()["campaign_id"] is None
    assert user.client.get(f"/api/v1/campaigns/{campaign['id']}/timeline").status_code == 404
    bad_zone = user.client.get(f"/api/v1/campaigns/{campaign['id']}/timeline", params={"timezone": "Nowhere"})
    assert bad_zone.status_code in (404, 422)
