"""CSV exports through the REST API: the posts a list's filters find, with a published
post's figures, safe to open in a spreadsheet; and the figures of a range's published
posts."""

import csv
import io
from datetime import UTC, datetime, timedelta


def _rows(reply) -> list[dict]:
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/csv")
    assert reply.headers["x-postflow-truncated"] == "false"
    return list(csv.DictReader(io.StringIO(reply.text)))


def test_posts_and_analytics_export_as_csv(api, db):
    user = api.new_user(timezone="Europe/Paris")
    published = user.create_post(caption='=HYPERLINK("http://evil")', hashtags=["harbour"], tags=["launch"])
    draft = user.create_post(caption="An idea", tags=["ideas"])
    at = datetime.now(UTC) - timedelta(days=2)
    db.execute(
        "UPDATE posts.posts SET status = 'published', published_at = %s, permalink = 'https://www.instagram.com/p/x/'"
        " WHERE id = %s",
        (at, published["id"]),
    )
    db.execute(
        "INSERT INTO posts.post_metrics (post_id, user_id, collected_at, age_seconds, likes, comments,"
        " shares, saves, reach, views) VALUES (%s, %s, now(), 3600, 40, 5, 3, 2, 900, 1000)",
        (published["id"], user.id),
    )

    rows = {r["id"]: r for r in _rows(user.client.get("/api/v1/posts/export"))}
    assert set(rows) == {published["id"], draft["id"]}
    shown = rows[published["id"]]
    # A caption a spreadsheet would run as a formula is text.
    assert shown["caption"] == '\'=HYPERLINK("http://evil")'
    assert (shown["status"], shown["hashtags"], shown["tags"], shown["reach"], shown["likes"]) == (
        "published",
        "#harbour",
        "launch",
        "900",
        "40",
    )
    assert rows[draft["id"]]["reach"] == ""
    # The list's filters apply.
    assert [r["id"] for r in _rows(user.client.get("/api/v1/posts/export", params={"tag": "ideas"}))] == [
        draft["id"]
    ]
    assert _rows(user.client.get("/api/v1/posts/export", params={"status": "scheduled"})) == []
    # Another workspace's export holds none of it.
    assert _rows(api.new_user().client.get("/api/v1/posts/export")) == []

    day = at.astimezone().date()
    figures = _rows(
        user.client.get(
            "/api/v1/calendar/analytics/export",
            params={"start_date": str(day - timedelta(days=1)), "end_date": str(day + timedelta(days=1))},
        )
    )
    assert [(r["post_id"], r["reach"], r["engagement"]) for r in figures] == [(published["id"], "900", "50")]
    assert figures[0]["published_local"].endswith(("+01:00", "+02:00"))  # the workspace's zone
    earlier = user.client.get(
        "/api/v1/calendar/analytics/export",
        params={"start_date": str(day - timedelta(days=30)), "end_date": str(day - timedelta(days=10))},
    )
    assert _rows(earlier) == []
    backwards = user.client.get(
        "/api/v1/calendar/analytics/export",
        params={"start_date": str(day), "end_date": str(day - timedelta(days=3))},
    )
    assert backwards.status_code == 422 and backwards.json()["error"]["fields"][0]["field"] == "end_date"
