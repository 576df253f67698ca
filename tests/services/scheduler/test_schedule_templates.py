"""Schedule templates: named weekly slots, applied to a list of posts around the posts
already on the account's calendar."""

from datetime import date, timedelta

WEEKLY = {
    "name": "Weekly rhythm",
    "timezone": "Europe/Paris",
    "slots": [
        {"weekday": "friday", "time": "09:00"},
        {"weekday": "monday", "time": "09:00"},
        {"weekday": "wednesday", "time": "09:00"},
        {"weekday": "saturday", "time": "11:00"},
    ],
}
IMAGE = [{"url": "https://cdn.example.com/p.jpg"}]


def _template(user, **body) -> dict:
    reply = user.client.post("/api/v1/schedule-templates", json={**WEEKLY, **body})
    assert reply.status_code == 201, reply.text
    return reply.json()


def _next_monday() -> date:
    today = date.today()
    return today + timedelta(days=7 - today.weekday() + 7)  # a full week ahead at least


def _apply(user, template_id: str, **body):
    return user.client.post(f"/api/v1/schedule-templates/{template_id}/apply", json=body)


def test_posts_fill_the_next_free_slots_around_existing_ones(publisher):
    template = _template(publisher)
    assert [(s["weekday"], s["time"]) for s in template["slots"]] == [
        ("monday", "09:00"),
        ("wednesday", "09:00"),
        ("friday", "09:00"),
        ("saturday", "11:00"),
    ]
    monday = _next_monday()
    # Monday 09:05 is taken already: within the 10-minute gap of the Monday slot.
    existing = publisher.create_post(media=IMAGE)
    taken = publisher.client.post(
        f"/api/v1/posts/{existing['id']}/schedule",
        json={"scheduled_time": f"{monday}T09:05", "timezone": "Europe/Paris"},
    )
    assert taken.status_code == 200, taken.text
    posts = [publisher.create_post(media=IMAGE)["id"] for _ in range(4)]
    published_already = existing["id"]  # scheduled: it cannot be scheduled again

    reply = _apply(
        publisher, template["id"], post_ids=[posts[0], published_already, *posts[1:]], start_date=str(monday)
    )
    assert reply.status_code == 200, reply.text
    results = reply.json()
    assert (results["succeeded"], results["failed"]) == (4, 1)
    by_post = {r["post_id"]: r for r in results["results"]}
    assert not by_post[published_already]["ok"]
    assert by_post[published_already]["error"]["code"] == "already_scheduled"
    assert [by_post[p]["local_time"][:16] for p in posts] == [
        f"{monday + timedelta(days=2)}T09:00",
        f"{monday + timedelta(days=4)}T09:00",
        f"{monday + timedelta(days=5)}T11:00",
        f"{monday + timedelta(days=7)}T09:00",
    ]
    scheduled = publisher.client.get(f"/api/v1/posts/{posts[0]}").json()
    assert scheduled["status"] == "scheduled" and scheduled["timezone"] == "Europe/Paris"


def test_a_slot_the_clocks_skip_is_passed_over(publisher):
    # Paris springs forward at 02:00 on Sunday 2027-03-28: 02:30 does not exist that day.
    template = _template(publisher, name="Night owl", slots=[{"weekday": "sunday", "time": "02:30"}])
    post = publisher.create_post(media=IMAGE)["id"]
    reply = _apply(publisher, template["id"], post_ids=[post], start_date="2027-03-28")
    (result,) = reply.json()["results"]
    assert result["ok"] and result["local_time"] == "2027-04-04T02:30:00+02:00"


def test_templates_are_listed_changed_deleted_and_checked(publisher, api):
    template = _template(publisher)
    duplicate = publisher.client.post("/api/v1/schedule-templates", json={**WEEKLY, "name": "weekly RHYTHM"})
    assert duplicate.status_code == 409
    changed = publisher.client.put(
        f"/api/v1/schedule-templates/{template['id']}",
        json={**WEEKLY, "slots": [{"weekday": "tuesday", "time": "18:30"}]},
    )
    assert changed.status_code == 200 and changed.json()["slots"] == [{"weekday": "tuesday", "time": "18:30"}]
    assert [t["id"] for t in publisher.client.get("/api/v1/schedule-templates").json()["items"]] == [
        template["id"]
    ]
    for body, field in [
        ({"slots": [{"weekday": "someday", "time": "09:00"}]}, "slots.0.weekday"),
        ({"slots": [{"weekday": "monday", "time": "25:00"}]}, "slots.0.time"),
        ({"slots": []}, "slots"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"name": ""}, "name"),
    ]:
        reply = publisher.client.post("/api/v1/schedule-templates", json={**WEEKLY, **body})
        assert reply.status_code == 422 and field in reply.text, (body, reply.text)
    post = publisher.create_post(media=IMAGE)["id"]
    for body, field in [
        ({"post_ids": []}, "post_ids"),
        ({"post_ids": [post, post]}, "post_ids"),
        ({"post_ids": [post], "start_date": "2027-02-30"}, "start_date"),
        ({"post_ids": [post], "start_date": "9999-01-01"}, "start_date"),
    ]:
        reply = _apply(publisher, template["id"], **body)
        assert reply.status_code == 422 and field in reply.text, (body, reply.text)
    last = _apply(publisher, template["id"], post_ids=[post], start_date="9998-12-30")
    assert last.status_code == 200, last.text
    stranger = api.new_user()
    assert stranger.client.get(f"/api/v1/schedule-templates/{template['id']}").status_code == 404
    assert _apply(stranger, template["id"], post_ids=[post]).status_code == 404
    assert publisher.client.delete(f"/api/v1/schedule-templates/{template['id']}").status_code == 200
    assert publisher.client.get(f"/api/v1/schedule-templates/{template['id']}").status_code == 404
