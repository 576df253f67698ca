"""GET /api/v1/calendar/analytics: frequency, distributions by local hour and weekday,
status and type breakdowns, engagement by slot and type, best and worst posts, and the
comparison with the period before.

A published history is what the analytics read, and it cannot be made in the past through
the API (posts publish at their time): the tests give posts made through the API a
published past and collected metrics in the posts schema, as the publishing worker and the
metrics workflow would have written them."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def user(api):
    return api.new_user()


def _published(
    user, db, at: datetime, *, likes: int, reach: int, post_type: str = "photo", status="published"
):
    media = (
        [{"url": "https://cdn.example.com/v.mp4"}]
        if post_type == "reel"
        else [{"url": "https://cdn.example.com/p.jpg"}]
    )
    reply = user.client.post(
        "/api/v1/posts",
        json={"caption": f"{post_type} at {at:%a %H:%M}", "post_type": post_type, "media": media},
    )
    assert reply.status_code == 201, reply.text
    post_id = reply.json()["id"]
    db.execute(
        "UPDATE posts.posts SET status = %s, scheduled_for = %s, published_at = %s, timezone = 'Europe/Paris'"
        " WHERE id = %s",
        (status, at, at if status == "published" else None, post_id),
    )
    if status == "published":
        db.execute(
            "INSERT INTO posts.post_metrics (post_id, user_id, collected_at, age_seconds, likes, comments,"
            " shares, saves, reach, views) VALUES (%s, %s, %s, 86400, %s, 0, 0, 0, %s, 0)",
            (post_id, user.id, at + timedelta(days=1), likes, reach),
        )
    return post_id


def _monday_weeks_ago(weeks: int) -> date:
    today = datetime.now(PARIS).date()
    return today - timedelta(days=today.weekday() + 7 * weeks)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS).astimezone(UTC)


def _analytics(user, **params):
    return user.client.get("/api/v1/calendar/analytics", params={"timezone": "Europe/Paris", **params})


def test_a_weeks_analytics_against_the_week_before(user, db):
    monday = _monday_weeks_ago(2)
    ids = {
        "mon_morning": _published(user, db, _at(monday, 9), likes=100, reach=1000),
        "mon_evening": _published(user, db, _at(monday, 18, 30), likes=300, reach=2000),
        "wed_evening": _published(user, db, _at(monday + timedelta(days=2), 18), likes=500, reach=2500),
        "fri_reel": _published(
            user, db, _at(monday + timedelta(days=4), 12), likes=900, reach=4000, post_type="reel"
        ),
        "sun_failed": _published(
            user, db, _at(monday + timedelta(days=6), 23, 30), likes=0, reach=0, status="failed"
        ),
    }
    # The week before: two posts, less engagement.
    before = monday - timedelta(days=7)
    _published(user, db, _at(before, 9), likes=100, reach=1000)
    _published(user, db, _at(before + timedelta(days=1), 9), likes=100, reach=1000)
    # Outside both weeks: counted nowhere.
    _published(user, db, _at(monday + timedelta(days=7), 9), likes=10_000, reach=50_000)

    reply = _analytics(user, start_date=str(monday), end_date=str(monday + timedelta(days=6)))
    assert reply.status_code == 200, reply.text
    found = reply.json()

    current = found["current"]
    assert (current["posts"], current["published"]) == (5, 4)
    assert current["posts_per_day"] == pytest.approx(5 / 7, abs=1e-3)
    assert current["posts_per_week"] == pytest.approx(5, abs=1e-3)
    assert current["avg_engagement"] == pytest.approx((100 + 300 + 500 + 900) / 4)
    assert current["avg_reach"] == pytest.approx((1000 + 2000 + 2500 + 4000) / 4)

    previous = found["previous"]
    assert previous["start_date"] == str(before) and previous["end_date"] == str(monday - timedelta(days=1))
    assert (previous["posts"], previous["avg_engagement"]) == (2, 100)
    assert found["change"]["posts_pct"] == 150.0
    assert found["change"]["avg_engagement_pct"] == pytest.approx(350.0)

    hours = {h["key"]: h for h in found["by_hour"]}
    assert len(hours) == 24
    assert (hours["18"]["posts"], hours["18"]["avg_engagement"]) == (2, 400)
    assert (
        hours["23"]["posts"] == 1 and hours["23"]["published"] == 0 and hours["23"]["avg_engagement"] is None
    )
    assert hours["03"]["posts"] == 0
    days = {d["key"]: d for d in found["by_weekday"]}
    assert list(days) == ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    assert (days["monday"]["posts"], days["monday"]["avg_engagement"]) == (2, 200)
    assert days["friday"]["avg_reach"] == 4000

    types = {t["key"]: t for t in found["by_type"]}
    assert (types["photo"]["posts"], types["photo"]["avg_engagement"]) == (4, 300)
    assert types["reel"]["avg_engagement"] == 900
    assert {s["key"]: s["count"] for s in found["by_status"]} == {"published": 4, "failed": 1}

    assert [p["post_id"] for p in found["best_posts"]] == [ids["fri_reel"], ids["wed_evening"]]
    assert [p["post_id"] for p in found["worst_posts"]] == [ids["mon_morning"], ids["mon_evening"]]
    best = found["best_posts"][0]
    assert best["engagement"] == 900 and best["engagement_rate"] == pytest.approx(0.225)
    assert best["local_time"].endswith(("+01:00", "+02:00")) and best["local_time"][11:16] == "12:00"


def test_filters_and_an_empty_range(user, db):
    monday = _monday_weeks_ago(2)
    _published(user, db, _at(monday, 9), likes=100, reach=1000)
    _published(user, db, _at(monday, 12), likes=700, reach=3000, post_type="reel")
    week = {"start_date": str(monday), "end_date": str(monday + timedelta(days=6))}
    reels = _analytics(user, post_type="reel", **week).json()
    assert reels["current"]["posts"] == 1 and reels["current"]["avg_engagement"] == 700
    empty = _analytics(user, start_date="2030-01-01", end_date="2030-01-31").json()
    assert (
        empty["current"]["posts"] == 0
        and empty["best_posts"] == []
        and set(empty["change"].values()) == {None}
    )
    assert empty["current"]["avg_engagement"] is None


def test_bad_ranges_name_the_field(user):
    for params, field in [
        ({"start_date": "2027-02-30", "end_date": "2027-03-01"}, "start_date"),
        ({"start_date": "2027-03-02", "end_date": "2027-03-01"}, "end_date"),
        ({"start_date": "2027-01-01", "end_date": "2028-12-31"}, "end_date"),
        ({"start_date": "2027-01-01", "end_date": "2027-01-02", "timezone": "Nowhere/Else"}, "timezone"),
    ]:
        reply = user.client.get("/api/v1/calendar/analytics", params=params)
        assert reply.status_code == 422 and field in reply.text, (params, reply.text)


def test_the_prediction_stored_at_scheduling_is_compared_with_the_outcome(publisher, db):
    for reach in (100, 200, 300, 400):
        post = publisher.create_post(media=[{"url": "https://cdn.example.com/p.jpg"}])
        db.execute(
            "UPDATE posts.posts SET status = 'published', account_id = %s, optimal_time_score = 0.5,"
            " published_at = now() - interval '40 days', scheduled_for = now() - interval '40 days'"
            " WHERE id = %s",
            (publisher.account_id, post["id"]),
        )
        db.execute(
            "INSERT INTO posts.post_metrics (post_id, user_id, collected_at, age_seconds, likes, comments,"
            " shares, saves, reach, views) VALUES (%s, %s, now(), 3600, 1, 0, 0, 0, %s, 0)",
            (post["id"], publisher.id, reach),
        )
    post = publisher.create_post(media=[{"url": "https://cdn.example.com/n.jpg"}])
    at = datetime.now(UTC) + timedelta(days=30)
    reply = publisher.client.post(
        f"/api/v1/posts/{post['id']}/schedule", json={"scheduled_time": at.isoformat()}
    )
    assert reply.status_code == 200, reply.text
    factor = reply.json()["optimal_score"] / 0.5
    stored = publisher.client.get(f"/api/v1/posts/{post['id']}").json()
    assert stored["predicted_reach"] == pytest.approx(250 * factor, abs=0.1)
    assert stored["predicted_reach_low"] == pytest.approx(175 * factor, abs=0.1)
    assert stored["predicted_reach_high"] == pytest.approx(325 * factor, abs=0.1)
    publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")

    # It published, and reached 300: the analytics compare.
    published_at = datetime.now(UTC) - timedelta(days=2)
    db.execute(
        "UPDATE posts.posts SET status = 'published', published_at = %s, scheduled_for = %s WHERE id = %s",
        (published_at, published_at, post["id"]),
    )
    db.execute(
        "INSERT INTO posts.post_metrics (post_id, user_id, collected_at, age_seconds, likes, comments,"
        " shares, saves, reach, views) VALUES (%s, %s, now(), 86400, 10, 0, 0, 0, 300, 0)",
        (post["id"], publisher.id),
    )
    day = published_at.date()
    found = publisher.client.get(
        "/api/v1/calendar/analytics", params={"start_date": str(day), "end_date": str(day), "timezone": "UTC"}
    ).json()
    accuracy = found["prediction_accuracy"]
    predicted = stored["predicted_reach"]
    assert accuracy["posts"] == 1
    assert accuracy["mean_abs_pct_error"] == pytest.approx(round(100 * abs(300 - predicted) / 300, 1))
    assert accuracy["bias_pct"] == pytest.approx(round(100 * (300 - predicted) / predicted, 1))
    inside = stored["predicted_reach_low"] <= 300 <= stored["predicted_reach_high"]
    assert accuracy["within_interval"] == (1.0 if inside else 0.0)
