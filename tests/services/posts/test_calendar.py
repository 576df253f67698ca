"""GET /api/v1/calendar: posts by local day (and hour), planned drafts, filters, gaps, mix
and predictions. The brief's own calendar test is in tests/test_brief_contract.py."""

from datetime import datetime, timedelta

import pytest

from tests.services.media.helpers import image_bytes


@pytest.fixture
def user(api):
    return api.new_user()


def _create(user, **body) -> dict:
    reply = user.client.post("/api/v1/posts", json={"caption": "c", **body})
    assert reply.status_code == 201, reply.text
    return reply.json()


def _calendar(user, **params) -> dict:
    reply = user.client.get("/api/v1/calendar", params=params)
    assert reply.status_code == 200, reply.text
    return reply.json()


def _days(calendar: dict) -> dict[str, list[str]]:
    return {day["date"]: [p["post_id"] for p in day["posts"]] for day in calendar["calendar_data"]}


def test_days_are_the_zones_local_days_across_a_daylight_saving_change(user):
    # Paris springs forward on 2027-03-28: that day is 23 hours long (23:00Z to 22:00Z).
    times = {
        "before": "2027-03-27T22:30:00Z",  # 23:30 on the 27th in Paris
        "first": "2027-03-27T23:30:00Z",  # 00:30 on the 28th
        "last": "2027-03-28T21:30:00Z",  # 23:30 (summer time) on the 28th
        "after": "2027-03-28T22:30:00Z",  # 00:30 on the 29th
    }
    ids = {name: _create(user, scheduled_for=at)["id"] for name, at in times.items()}
    paris = _calendar(
        user, start_date="2027-03-27", end_date="2027-03-29", timezone="Europe/Paris", view_type="week"
    )
    assert _days(paris) == {
        "2027-03-27": [ids["before"]],
        "2027-03-28": [ids["first"], ids["last"]],
        "2027-03-29": [ids["after"]],
    }
    (sunday,) = [day for day in paris["calendar_data"] if day["date"] == "2027-03-28"]
    assert [(h["hour"], [p["post_id"] for p in h["posts"]]) for h in sunday["hours"]] == [
        (0, [ids["first"]]),
        (23, [ids["last"]]),
    ]
    assert sunday["posts"][1]["local_time"] == "2027-03-28T23:30:00+02:00"
    utc = _calendar(user, start_date="2027-03-27", end_date="2027-03-29", timezone="UTC")
    assert _days(utc) == {
        "2027-03-27": [ids["before"], ids["first"]],
        "2027-03-28": [ids["last"], ids["after"]],
    }
    assert all(day["hours"] == [] for day in utc["calendar_data"])  # month view: days only
    # The user's own zone by default.
    own = _calendar(user, start_date="2027-03-28", end_date="2027-03-28")
    assert own["timezone"] == "UTC"


def test_planned_drafts_and_scheduled_posts_show_what_a_cell_needs(publisher):
    (item,) = publisher.client.post(
        "/api/v1/media/upload", files={"file": ("cell.jpg", image_bytes((1080, 1080)), "image/jpeg")}
    ).json()["items"]
    planned = _create(
        publisher, caption="An idea " * 20, scheduled_for="2027-07-01T09:00:00Z", tags=["Summer"]
    )
    scheduled = _create(publisher, caption="Going out", media_urls=[item["id"]], post_type="photo")
    reply = publisher.client.post(
        f"/api/v1/posts/{scheduled['id']}/schedule", json={"scheduled_time": "2027-07-01T18:00:00Z"}
    )
    assert reply.status_code == 200, reply.text
    view = _calendar(publisher, start_date="2027-07-01", end_date="2027-07-01", timezone="UTC")
    (day,) = view["calendar_data"]
    cells = {cell["post_id"]: cell for cell in day["posts"]}
    idea, going = cells[planned["id"]], cells[scheduled["id"]]
    assert (idea["status"], idea["planned"], idea["colour_key"]) == ("draft", True, "planned")
    assert idea["caption_preview"] == ("An idea " * 20)[:80]
    assert idea["thumbnail_url"] is None and idea["tags"] == ["summer"]
    assert (going["status"], going["planned"], going["colour_key"]) == ("scheduled", False, "photo")
    assert going["thumbnail_url"] and going["account_id"] == publisher.account_id
    assert going["optimal_score"] == reply.json()["optimal_score"]
    mix = {m["key"]: m["count"] for m in view["content_mix"]["by_status"]}
    assert mix == {"planned": 1, "scheduled": 1}
    # Filters: status, type, tag, account.
    only = _calendar(publisher, start_date="2027-07-01", end_date="2027-07-01", status="scheduled")
    assert _days(only) == {"2027-07-01": [scheduled["id"]]}
    only = _calendar(publisher, start_date="2027-07-01", end_date="2027-07-01", tag="summer")
    assert _days(only) == {"2027-07-01": [planned["id"]]}
    only = _calendar(
        publisher, start_date="2027-07-01", end_date="2027-07-01", account_id=publisher.account_id
    )
    assert _days(only) == {"2027-07-01": [scheduled["id"]]}
    assert (
        _calendar(publisher, start_date="2027-07-01", end_date="2027-07-01", post_type="reel")["total_posts"]
        == 0
    )
    # Unpublished posts get a prediction; without published history, no reach yet.
    predictions = {p["post_id"]: p for p in view["performance_predictions"]}
    assert set(predictions) == {planned["id"], scheduled["id"]}
    assert predictions[scheduled["id"]]["predicted_reach"] is None
    assert predictions[scheduled["id"]]["based_on_posts"] == 0


def test_gaps_are_the_days_below_the_daily_rate_with_free_best_times(user):
    start = datetime.utcnow().date() + timedelta(days=2)
    busy = _create(user, scheduled_for=f"{start}T12:00:00")
    view = _calendar(user, start_date=str(start), end_date=str(start + timedelta(days=6)), timezone="UTC")
    assert view["posting_frequency"] == 1.0
    gaps = {gap["date"]: gap for gap in view["content_gaps"]}
    assert str(start) not in gaps and len(gaps) == 6
    first = gaps[str(start + timedelta(days=1))]
    assert first["missing_posts"] == 1
    assert len(first["suggested_times"]) == 3
    assert all(t.startswith(str(start + timedelta(days=1))) for t in first["suggested_times"])
    urgencies = [gaps[d]["urgency_score"] for d in sorted(gaps)]
    assert urgencies == sorted(urgencies, reverse=True) and 0 < urgencies[-1] < urgencies[0] <= 1
    assert busy["id"] in _days(view)[str(start)]
    # Days already past are no gaps: they cannot be filled.
    past = _calendar(user, start_date="2020-01-01", end_date="2020-01-31")
    assert past["content_gaps"] == []


def test_predictions_scale_the_accounts_reach_by_the_slot(publisher, db):
    history = [_create(publisher, media=[{"url": "https://cdn.example.com/p.jpg"}]) for _ in range(4)]
    for reach, post in zip((100, 200, 300, 400), history, strict=True):
        db.execute(
            "UPDATE posts.posts SET status = 'published', account_id = %s, published_at = now(),"
            " scheduled_for = now() - interval '1 day', optimal_time_score = 0.5 WHERE id = %s",
            (publisher.account_id, post["id"]),
        )
        db.execute(
            "INSERT INTO posts.post_metrics (post_id, user_id, collected_at, age_seconds, likes, comments,"
            " shares, saves, reach, views) VALUES (%s, %s, now(), 3600, 1, 0, 0, 0, %s, 0)",
            (post["id"], publisher.id, reach),
        )
    post = _create(publisher, media=[{"url": "https://cdn.example.com/n.jpg"}])
    reply = publisher.client.post(
        f"/api/v1/posts/{post['id']}/schedule", json={"scheduled_time": "2027-09-01T12:00:00Z"}
    )
    score = reply.json()["optimal_score"]
    view = _calendar(publisher, start_date="2027-09-01", end_date="2027-09-01", timezone="UTC")
    (prediction,) = view["performance_predictions"]
    assert prediction["based_on_posts"] == 4
    factor = score / 0.5
    assert prediction["predicted_reach"] == pytest.approx(250 * factor, abs=0.1)
    assert prediction["reach_low"] == pytest.approx(175 * factor, abs=0.1)
    assert prediction["reach_high"] == pytest.approx(325 * factor, abs=0.1)


def test_gaps_on_their_own_and_a_chosen_daily_rate(user, db):
    start = datetime.utcnow().date() + timedelta(days=3)
    day = [str(start + timedelta(days=n)) for n in range(3)]
    # The day's best hour on the general curve (weekends peak at 10:00, weekdays at 12:00).
    best = "10:00" if start.weekday() >= 5 else "12:00"
    _create(user, scheduled_for=f"{day[0]}T{best}:00Z")
    failed = _create(user, scheduled_for=f"{day[1]}T09:00:00Z")
    params = {"start_date": day[0], "end_date": day[2], "timezone": "UTC"}
    learned = user.client.get("/api/v1/calendar/gaps", params=params).json()
    assert (learned["posting_frequency"], learned["frequency_source"]) == (1.0, "history")
    assert [g["date"] for g in learned["gaps"]] == [day[2]]
    # A failed post fills no slot.
    db.execute("UPDATE posts.posts SET status = 'failed' WHERE id = %s", (failed["id"],))
    after = user.client.get("/api/v1/calendar/gaps", params=params).json()["gaps"]
    assert [g["date"] for g in after] == [day[1], day[2]]
    # Two a day, as chosen: every day of the range falls short.
    assert user.client.put("/api/v1/calendar/settings", json={"posts_per_day": 2}).json() == {
        "posts_per_day": 2
    }
    chosen = user.client.get("/api/v1/calendar/gaps", params=params).json()
    assert (chosen["posting_frequency"], chosen["frequency_source"]) == (2.0, "settings")
    assert [(g["date"], g["missing_posts"]) for g in chosen["gaps"]] == [
        (day[0], 1),
        (day[1], 2),
        (day[2], 2),
    ]
    # The free best hours: the day's best is taken, the others are offered.
    suggested = chosen["gaps"][0]["suggested_times"]
    assert len(suggested) == 3 and not any(f"T{best}" in t for t in suggested)
    next_best = "10:00" if (start + timedelta(days=1)).weekday() >= 5 else "12:00"
    assert chosen["gaps"][1]["suggested_times"][0] == f"{day[1]}T{next_best}:00+00:00"
    assert user.client.get("/api/v1/calendar", params=params).json()["posting_frequency"] == 2.0
    # Back to learning it; out of range is a 422 naming the field.
    assert user.client.put("/api/v1/calendar/settings", json={"posts_per_day": None}).json() == {
        "posts_per_day": None
    }
    assert user.client.get("/api/v1/calendar/settings").json() == {"posts_per_day": None}
    for bad in (0, 51, "two"):
        reply = user.client.put("/api/v1/calendar/settings", json={"posts_per_day": bad})
        assert reply.status_code == 422
        assert reply.json()["error"]["fields"][0]["field"] == "posts_per_day"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start_date": "2027-03-02", "end_date": "2027-03-01"}, "end_date"),
        ({"start_date": "2027-01-01", "end_date": "2028-06-01"}, "end_date"),
        ({"start_date": "2027-02-30", "end_date": "2027-03-01"}, "start_date"),
        ({"start_date": "2027-03-01", "end_date": "2027-03-02", "timezone": "Mars/Base"}, "timezone"),
        ({"start_date": "2027-03-01", "end_date": "2027-03-02", "view_type": "year"}, "view_type"),
        ({"start_date": "01/03/2027", "end_date": "2027-03-02"}, "start_date"),
        ({"end_date": "2027-03-02"}, "start_date"),
        # Days whose midnight Python cannot convert (the edges of datetime) answered a 502.
        ({"start_date": "9999-12-31", "end_date": "9999-12-31"}, "start_date"),
        (
            {"start_date": "0001-01-01", "end_date": "0001-01-02", "timezone": "America/New_York"},
            "start_date",
        ),
    ],
)
def test_a_bad_range_is_a_422_naming_the_field(user, params, field):
    reply = user.client.get("/api/v1/calendar", params=params)
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == field
