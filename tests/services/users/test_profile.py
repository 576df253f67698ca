"""PATCH /api/v1/auth/me: a person's name and time zone, which the rest of Postflow reads
times in from the next request on."""

from tests.services.scheduler.publishing import IMAGE


def test_the_zone_changes_and_the_next_schedule_reads_its_time_there(publisher):
    changed = publisher.client.patch("/api/v1/auth/me", json={"timezone": "America/New_York"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["timezone"] == "America/New_York"
    assert publisher.client.get("/api/v1/auth/me").json()["timezone"] == "America/New_York"

    post = publisher.create_post(media=[{"url": IMAGE}])
    reply = publisher.client.post(
        f"/api/v1/posts/{post['id']}/schedule", json={"scheduled_time": "2031-07-01T09:30"}
    )
    assert reply.status_code == 200, reply.text
    assert reply.json()["timezone"] == "America/New_York"
    assert reply.json()["local_time"] == "2031-07-01T09:30:00-04:00"


def test_only_what_is_sent_changes(api):
    user = api.new_user(name="Mina", timezone="Europe/Paris")
    renamed = user.client.patch("/api/v1/auth/me", json={"name": "  Mina Okafor  "})
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["name"], renamed.json()["timezone"]) == ("Mina Okafor", "Europe/Paris")
    same = user.client.patch("/api/v1/auth/me", json={})
    assert (same.json()["name"], same.json()["timezone"]) == ("Mina Okafor", "Europe/Paris")


def test_bad_profiles_are_refused_by_field_and_nothing_changes(api):
    user = api.new_user(name="Mina", timezone="Europe/Paris")
    for body, field in (
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": "x" * 65}, "timezone"),
        ({"name": "Mina\x00Okafor"}, "name"),
        ({"name": "Mina\nOkafor"}, "name"),
        ({"name": "M" * 201}, "name"),
        ({"name": None}, "name"),
        ({"timezone": "Europe/Paris", "is_admin": True}, "is_admin"),
    ):
        reply = user.client.patch("/api/v1/auth/me", json=body)
        assert reply.status_code == 422, (body, reply.text)
        assert reply.json()["error"]["fields"][0]["field"] == field, (body, reply.text)
    huge = user.client.patch("/api/v1/auth/me", json={"name": "M" * 2_000_000})
    assert huge.status_code == 413
    me = user.client.get("/api/v1/auth/me").json()
    assert (me["name"], me["timezone"]) == ("Mina", "Europe/Paris")
    assert api.anonymous.patch("/api/v1/auth/me", json={"name": "x"}).status_code == 401
