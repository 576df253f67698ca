"""Hashtag groups through the REST API: named sets kept per workspace, how each performed
(the published posts that used the whole set, their average reach and engagement), and
the repeated-set warning naming the group that repeats."""

from datetime import UTC, datetime, timedelta

BASE = "/api/v1/hashtag-groups"


def _published(db, user, post_id: str, reach: int, likes: int) -> None:
    at = datetime.now(UTC) - timedelta(days=2)
    db.execute("UPDATE posts.posts SET status = 'published', published_at = %s WHERE id = %s", (at, post_id))
    db.execute(
        "INSERT INTO posts.post_metrics (post_id, user_id, collected_at, age_seconds, likes, comments,"
        " shares, saves, reach, views) VALUES (%s, %s, now(), 3600, %s, 2, 1, 1, %s, 0)",
        (post_id, user.id, likes, reach),
    )


def test_a_group_is_kept_measured_and_named_when_it_repeats(api, db):
    user = api.new_user()
    made = user.client.post(
        BASE, json={"name": "Bakery core", "hashtags": ["#bakery", "Sourdough", "bakery", "breadlove"]}
    )
    assert made.status_code == 201, made.text
    group = made.json()
    assert group["hashtags"] == ["bakery", "Sourdough", "breadlove"]

    # Two published posts used the whole set (one in its caption), one only part of it.
    first = user.create_post(caption="Fresh #breadlove", hashtags=["bakery", "sourdough", "morning"])
    second = user.create_post(caption="Loaves", hashtags=["Bakery", "Sourdough", "breadlove"])
    part = user.create_post(caption="Croissants", hashtags=["bakery", "butter"])
    _published(db, user, first["id"], reach=1000, likes=80)
    _published(db, user, second["id"], reach=600, likes=40)
    _published(db, user, part["id"], reach=5000, likes=500)
    listed = user.client.get(BASE).json()["items"]
    assert [g["name"] for g in listed] == ["Bakery core"]
    assert listed[0]["performance"] == {"posts": 2, "average_reach": 800.0, "average_engagement": 64.0}

    # The same set again: the warning names the group.
    suggested = user.client.get(
        "/api/v1/hashtags/suggest",
        params={"caption": "Weekend bake", "hashtag": ["bakery", "sourdough", "breadlove", "weekend"]},
    ).json()
    codes = {w["code"]: w["message"] for w in suggested["warnings"]}
    assert "repeated_hashtag_group" in codes and "Bakery core" in codes["repeated_hashtag_group"]

    # Renamed, refused when the name is taken or the tags are not tags, then gone.
    other = user.client.post(BASE, json={"name": "Coffee", "hashtags": ["coffee"]}).json()
    taken = user.client.put(f"{BASE}/{other['id']}", json={"name": "BAKERY CORE", "hashtags": ["coffee"]})
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "name_taken"
    for body, field in [
        ({"name": "Bad", "hashtags": ["ok", "not ok"]}, "hashtags.1"),
        ({"name": "  ", "hashtags": ["ok"]}, "name"),
        ({"name": "Digits", "hashtags": ["2027"]}, "hashtags.0"),
        ({"name": "Empty", "hashtags": []}, "hashtags"),
    ]:
        refused = user.client.post(BASE, json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert refused.json()["error"]["fields"][0]["field"] == field
    assert (
        user.client.post(BASE, json={"name": "Many", "hashtags": [f"t{n}" for n in range(31)]}).status_code
        == 422
    )
    renamed = user.client.put(
        f"{BASE}/{other['id']}", json={"name": "Coffee shop", "hashtags": ["coffee", "latte"]}
    )
    assert renamed.status_code == 200 and renamed.json()["hashtags"] == ["coffee", "latte"]
    assert user.client.delete(f"{BASE}/{other['id']}").status_code == 204
    assert user.client.delete(f"{BASE}/{other['id']}").status_code == 404
    # Another workspace sees none of them.
    assert api.new_user().client.get(BASE).json()["items"] == []
