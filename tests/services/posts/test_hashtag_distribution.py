"""Hashtag distribution: how often each hashtag is used in a range, over-used ones and
repeated sets in the analytics, and warnings when a post is saved or scheduled with them
again."""

from datetime import UTC, datetime, timedelta

import pytest

IMAGE = [{"url": "https://cdn.example.com/p.jpg"}]
SET = ["#Summer", "beach", "sun"]


@pytest.fixture
def user(api):
    return api.new_user()


def _codes(result: dict) -> set[str]:
    return {w["code"] for w in result["warnings"]}


def test_saving_the_same_hashtags_again_and_again_is_warned(user):
    first = user.create_post(hashtags=SET, media=IMAGE)
    assert "repeated_hashtag_set" not in _codes(first)
    user.create_post(hashtags=["sun", "#BEACH", "summer"], media=IMAGE)  # the same set, spelled otherwise
    third = user.create_post(hashtags=SET, media=IMAGE)
    (warning,) = [w for w in third["warnings"] if w["code"] == "repeated_hashtag_set"]
    assert (
        warning["field"] == "hashtags"
        and "same 3 hashtags are on 2 of your last 2 posts" in warning["message"]
    )
    for _ in range(2):
        user.create_post(hashtags=SET, media=IMAGE)
    # Five earlier posts all carry #summer: on a post with other company it is repetitive.
    sixth = user.create_post(hashtags=["summer", "city"], media=IMAGE)
    assert "repetitive_hashtag" in _codes(sixth) and "repeated_hashtag_set" not in _codes(sixth)
    fresh = user.create_post(hashtags=["autumn", "leaves", "forest"], media=IMAGE)
    assert not {"repetitive_hashtag", "repeated_hashtag_set"} & _codes(fresh)
    # Changing the hashtags of a post is checked again.
    changed = user.client.put(
        f"/api/v1/posts/{fresh['id']}", json={"version": fresh["version"], "hashtags": SET}
    ).json()
    assert "repeated_hashtag_set" in _codes(changed)


def test_scheduling_a_post_with_a_repeated_set_warns_and_schedules(publisher):
    for _ in range(2):
        publisher.create_post(hashtags=SET, media=IMAGE)
    post = publisher.create_post(hashtags=["SUN", "summer", "#beach"], media=IMAGE)
    fresh = publisher.create_post(hashtags=["autumn", "leaves"], media=IMAGE)
    again = publisher.create_post(hashtags=SET, media=IMAGE)
    when = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)

    reply = publisher.client.post(
        f"/api/v1/posts/{post['id']}/schedule", json={"scheduled_time": when.isoformat()}
    )
    assert reply.status_code == 200, reply.text
    (warning,) = [w for w in reply.json()["warnings"] if w["code"] == "repeated_hashtag_set"]
    assert warning["field"] == "hashtags" and "on 3 of your last 4 posts" in warning["message"]
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "scheduled"
    # Moving it warns again; in a bulk schedule each post has its own warnings.
    moved = publisher.client.put(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": (when + timedelta(hours=2)).isoformat()},
    )
    assert moved.status_code == 200 and "repeated_hashtag_set" in _codes(moved.json())
    bulk = publisher.client.post(
        "/api/v1/posts/bulk",
        json={
            "action": "schedule",
            "post_ids": [again["id"], fresh["id"]],
            "start_time": (when + timedelta(hours=5)).isoformat(),
            "interval_minutes": 60,
        },
    )
    assert bulk.status_code == 200, bulk.text
    repeated, own = bulk.json()["results"]
    assert repeated["ok"] and "repeated_hashtag_set" in _codes(repeated)
    assert own["ok"] and own["warnings"] == []


def test_the_analytics_show_the_distribution_over_use_and_repeated_sets(user):
    days = ["2027-05-03", "2027-05-04", "2027-05-05", "2027-05-06", "2027-05-07"]
    for day in days[:3]:
        user.create_post(hashtags=SET, caption="Hello #sun", media=IMAGE, scheduled_for=f"{day}T10:00:00Z")
    user.create_post(hashtags=["sun", "city"], media=IMAGE, scheduled_for=f"{days[3]}T10:00:00Z")
    user.create_post(hashtags=[], caption="no tags", media=IMAGE, scheduled_for=f"{days[4]}T10:00:00Z")
    found = user.client.get(
        "/api/v1/calendar/analytics", params={"start_date": days[0], "end_date": days[-1], "timezone": "UTC"}
    ).json()
    uses = {h["hashtag"].casefold(): h for h in found["hashtags"]}
    assert [h["posts"] for h in found["hashtags"]] == [4, 3, 3, 1]
    assert uses["sun"] == {"hashtag": "sun", "posts": 4, "share": 0.8, "overused": True}
    assert uses["summer"]["posts"] == 3 and uses["summer"]["overused"] is True  # 3 of 5 > half
    assert uses["city"]["overused"] is False
    assert found["repeated_hashtag_sets"] == [{"hashtags": ["Summer", "beach", "sun"], "posts": 3}]
