"""Listing: filters, full-text search, sorting and cursor pagination."""

from datetime import UTC, datetime, timedelta

import pytest

URL = "https://cdn.example.com/p.jpg"


@pytest.fixture(scope="module")
def library(api, db):
    """One user with a small, varied set of posts."""
    user = api.new_user()
    made = {
        "sunset": user.create_post(
            caption="Sunset running along the beach", hashtags=["beach"], tags=["summer"]
        ),
        "coffee": user.create_post(
            caption="Morning coffee ritual", hashtags=["coffee"], tags=["daily", "summer"]
        ),
        "reel": user.create_post(caption="Behind the scenes", post_type="reel", tags=["daily"]),
        "carousel": user.create_post(
            caption="Ten looks for autumn",
            post_type="carousel",
            media=[{"url": URL}] * 3,
            hashtags=["fashionweek"],
        ),
        "trashed": user.create_post(caption="Old beach draft"),
    }
    user.client.delete(f"/api/v1/posts/{made['trashed']['id']}")
    base = datetime(2030, 6, 1, 12, tzinfo=UTC)
    db.execute(
        "UPDATE posts.posts SET status = 'scheduled', scheduled_for = %s WHERE id = %s",
        (base, made["sunset"]["id"]),
    )
    db.execute(
        "UPDATE posts.posts SET status = 'published', scheduled_for = %s WHERE id = %s",
        (base + timedelta(days=2), made["coffee"]["id"]),
    )
    return user, made, base


def _ids(reply) -> list[str]:
    assert reply.status_code == 200, reply.text
    return [p["id"] for p in reply.json()["items"]]


def _names(made, ids) -> list[str]:
    by_id = {post["id"]: name for name, post in made.items()}
    return [by_id[i] for i in ids]


def test_default_is_newest_first_without_deleted(library):
    user, made, _ = library
    ids = _ids(user.client.get("/api/v1/posts"))
    assert _names(made, ids) == ["carousel", "reel", "coffee", "sunset"]


def test_filters_by_status_type_and_tags(library):
    user, made, _ = library
    get = lambda **p: _names(made, _ids(user.client.get("/api/v1/posts", params=p)))  # noqa: E731
    assert get(status="scheduled") == ["sunset"]
    assert sorted(get(status=["scheduled", "published"])) == ["coffee", "sunset"]
    assert get(post_type="reel") == ["reel"]
    assert sorted(get(tag=["summer", "daily"])) == ["coffee", "reel", "sunset"]
    assert get(tag=["summer", "daily"], tags_mode="all") == ["coffee"]
    assert sorted(get(include_deleted=True)) == ["carousel", "coffee", "reel", "sunset", "trashed"]


def test_full_text_search_over_caption_and_hashtags(library):
    user, made, _ = library
    get = lambda q, **p: _names(made, _ids(user.client.get("/api/v1/posts", params={"q": q, **p})))  # noqa: E731
    assert get("run") == ["sunset"], "stemming: run finds running"
    assert get("coffee ritual") == ["coffee"]
    assert get("fashionweek") == ["carousel"], "hashtags are searched"
    assert get("beach") == ["sunset"]
    assert sorted(get("beach", include_deleted=True)) == ["sunset", "trashed"]
    assert get("-beach coffee") == ["coffee"]
    assert get("nothingmatches") == []


def test_date_ranges(library):
    user, made, base = library
    params = {"scheduled_from": base.isoformat(), "scheduled_to": (base + timedelta(days=1)).isoformat()}
    assert _names(made, _ids(user.client.get("/api/v1/posts", params=params))) == ["sunset"]
    future = {"created_from": (datetime.now(UTC) + timedelta(days=1)).isoformat()}
    assert _ids(user.client.get("/api/v1/posts", params=future)) == []
    past = {"created_to": (datetime.now(UTC) + timedelta(minutes=5)).isoformat()}
    assert len(_ids(user.client.get("/api/v1/posts", params=past))) == 4


def test_sort_by_scheduled_time_puts_unscheduled_last(library):
    user, made, _ = library
    asc = _names(
        made, _ids(user.client.get("/api/v1/posts", params={"sort": "scheduled_for", "order": "asc"}))
    )
    assert asc[:2] == ["sunset", "coffee"]
    assert sorted(asc[2:]) == ["carousel", "reel"]


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("created_at", "desc"),
        ("created_at", "asc"),
        ("updated_at", "desc"),
        ("scheduled_for", "asc"),
        ("scheduled_for", "desc"),
    ],
)
def test_cursor_pagination_visits_every_post_once(library, sort, order):
    user, made, _ = library
    everything = _ids(user.client.get("/api/v1/posts", params={"sort": sort, "order": order, "limit": 100}))
    seen, cursor = [], None
    for _ in range(10):
        params = {"sort": sort, "order": order, "limit": 1, **({"cursor": cursor} if cursor else {})}
        reply = user.client.get("/api/v1/posts", params=params)
        seen += _ids(reply)
        cursor = reply.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == everything
    assert len(seen) == 4


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"status": "lost"}, "status"),
        ({"post_type": "gif"}, "post_type"),
        ({"sort": "caption"}, "sort"),
        ({"order": "sideways"}, "order"),
        ({"tags_mode": "some"}, "tags_mode"),
        ({"cursor": "garbage!"}, "cursor"),
        ({"created_from": "yesterday"}, "created_from"),
    ],
)
def test_bad_list_parameters_are_422(library, params, field):
    user, _, _ = library
    reply = user.client.get("/api/v1/posts", params=params)
    assert reply.status_code == 422, reply.text
    # A repeated parameter is named with the index of the bad value (status.0).
    assert field in [f["field"].split(".")[0] for f in reply.json()["error"]["fields"]]


def test_a_cursor_from_another_sort_is_refused(library):
    user, _, _ = library
    cursor = user.client.get("/api/v1/posts", params={"limit": 1}).json()["next_cursor"]
    reply = user.client.get("/api/v1/posts", params={"limit": 1, "cursor": cursor, "order": "asc"})
    assert reply.status_code == 422
