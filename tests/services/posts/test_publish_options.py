"""Publish options (first comment, location, collaborators, a reel's cover, frame, audio
name, share to feed, trial) and per-item alt text and people tags: saved, versioned,
copied, and checked against Instagram's rules when saved, each problem named by its field."""

import pytest

from tests.factories import post_body

PHOTO = "https://cdn.example.com/p.jpg"
VIDEO = "https://cdn.example.com/v.mp4"
REEL_OPTIONS = {
    "first_comment": "More at the link in bio #harbour",
    "location_id": "110843418940484",
    "location_name": "Lisbon, Portugal",
    "collaborators": ["@Ana.Lima", "studio_two", "ana.lima"],
    "share_to_feed": False,
    "thumb_offset_ms": 2500,
    "audio_name": "Harbour waves",
    "trial": "manual",
}


@pytest.fixture(scope="module")
def user(api):
    return api.new_user()


def _fields(reply) -> list[str]:
    assert reply.status_code == 422, reply.text
    return [f["field"] for f in reply.json()["error"]["fields"]]


def test_options_and_item_details_are_saved_as_instagram_keeps_them(user):
    reel = user.create_post(
        post_type="reel",
        media=[{"url": VIDEO, "user_tags": [{"username": "@Joe_B"}]}],
        options=REEL_OPTIONS,
    )
    # Usernames without "@", in lower case, once each.
    assert reel["options"]["collaborators"] == ["ana.lima", "studio_two"]
    assert reel["options"]["share_to_feed"] is False
    assert reel["options"]["thumb_offset_ms"] == 2500
    assert reel["options"]["trial"] == "manual"
    # A reel's tags have no place: shown as null.
    assert reel["media"][0]["user_tags"] == [{"username": "joe_b", "x": None, "y": None}]
    photo = user.create_post(
        media=[
            {
                "url": PHOTO,
                "alt_text": " A dog on a beach ",
                "user_tags": [{"username": "ana", "x": 0.5, "y": 1}],
            }
        ],
        options={"first_comment": "First!", "collaborators": ["ana"]},
    )
    assert photo["media"][0] == {
        "media_id": None,
        "url": PHOTO,
        "alt_text": "A dog on a beach",
        "user_tags": [{"username": "ana", "x": 0.5, "y": 1.0}],
    }
    fetched = user.client.get(f"/api/v1/posts/{photo['id']}").json()
    assert fetched["options"]["first_comment"] == "First!"
    assert fetched["media"] == photo["media"]


def test_a_changed_option_is_a_new_version_with_its_diff_and_copies_keep_them(user):
    post = user.create_post(options={"first_comment": "one", "location_id": "1"})
    reply = user.client.put(
        f"/api/v1/posts/{post['id']}", json={"version": 1, "options": {"first_comment": "two"}}
    )
    assert reply.status_code == 200, reply.text
    # Options are replaced as a whole: the location is gone.
    assert reply.json()["options"]["first_comment"] == "two"
    assert reply.json()["options"]["location_id"] == ""
    diff = user.client.get(f"/api/v1/posts/{post['id']}/versions/diff", params={"from": 1, "to": 2}).json()
    changes = {c["field"]: c for c in diff["changes"]}
    assert set(changes) == {"options"}
    assert changes["options"]["before"]["location_id"] == "1"
    assert changes["options"]["after"] == {"first_comment": "two"}
    v1 = user.client.get(f"/api/v1/posts/{post['id']}/versions/1").json()
    assert v1["options"]["first_comment"] == "one"
    copy = user.client.post(f"/api/v1/posts/{post['id']}/duplicate", json={}).json()
    assert copy["options"]["first_comment"] == "two"
    # A caption-only change keeps the options.
    kept = user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 2, "caption": "new"}).json()
    assert kept["options"]["first_comment"] == "two"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"options": {"collaborators": ["a", "b", "c", "d"]}}, "options.collaborators"),
        ({"options": {"collaborators": ["not a name"]}}, "options.collaborators.0"),
        ({"options": {"share_to_feed": True}}, "options.share_to_feed"),
        ({"options": {"audio_name": "Song"}}, "options.audio_name"),
        ({"options": {"trial": "manual"}}, "options.trial"),
        ({"options": {"location_id": "Lisbon"}}, "options.location_id"),
        ({"options": {"first_comment": "x" * 2201}}, "options.first_comment"),
        ({"post_type": "story", "options": {"first_comment": "hi"}}, "options.first_comment"),
        ({"post_type": "story", "options": {"collaborators": ["ana"]}}, "options.collaborators"),
        (
            {
                "post_type": "reel",
                "media": [{"url": VIDEO}],
                "options": {"thumb_offset_ms": 10, "cover": {"url": PHOTO}},
            },
            "options.thumb_offset_ms",
        ),
        (
            {"post_type": "reel", "media": [{"url": VIDEO}], "options": {"thumb_offset_ms": 900_001}},
            "options.thumb_offset_ms",
        ),
        (
            {"post_type": "reel", "media": [{"url": VIDEO}], "options": {"cover": {"media_id": "abc"}}},
            "options.cover.media_id",
        ),
        ({"media": [{"url": PHOTO, "user_tags": [{"username": "ana"}]}]}, "media.0.user_tags.0.x"),
        (
            {"media": [{"url": PHOTO, "user_tags": [{"username": "ana", "x": 1.5, "y": 0}]}]},
            "media.0.user_tags.0.x",
        ),
        (
            {
                "media": [
                    {"url": PHOTO, "user_tags": [{"username": f"u{i}", "x": 0, "y": 0} for i in range(21)]}
                ]
            },
            "media.0.user_tags",
        ),
        (
            {"media": [{"url": PHOTO, "user_tags": [{"username": "ana", "x": 0, "y": 0}] * 2}]},
            "media.0.user_tags.1.username",
        ),
        (
            {
                "post_type": "reel",
                "media": [{"url": VIDEO, "user_tags": [{"username": "ana", "x": 0.1, "y": 0.1}]}],
            },
            "media.0.user_tags.0.x",
        ),
        ({"post_type": "reel", "media": [{"url": VIDEO, "alt_text": "x"}]}, "media.0.alt_text"),
        ({"post_type": "story", "media": [{"url": PHOTO, "alt_text": "x"}]}, "media.0.alt_text"),
        (
            {
                "post_type": "carousel",
                "media": [{"url": PHOTO}, {"url": VIDEO, "user_tags": [{"username": "ana"}]}],
            },
            "media.1.user_tags",
        ),
    ],
)
def test_what_instagram_would_refuse_is_a_422_naming_the_field(user, overrides, field):
    reply = user.client.post("/api/v1/posts", json=post_body(**overrides))
    assert field in _fields(reply)


def test_a_story_takes_people_tags_with_or_without_a_place(user):
    story = user.create_post(
        post_type="story",
        media=[{"url": PHOTO, "user_tags": [{"username": "ana"}, {"username": "joe", "x": 0.2, "y": 0.3}]}],
    )
    assert [t["username"] for t in story["media"][0]["user_tags"]] == ["ana", "joe"]


def test_bounds_at_the_edge(user):
    too_long = user.client.post(
        "/api/v1/posts", json=post_body(options={"audio_name": "x" * 5000, "collaborators": ["a"] * 11})
    )
    assert too_long.status_code == 422
    assert {"options.audio_name", "options.collaborators"} <= set(_fields(too_long))
    unknown = user.client.post("/api/v1/posts", json=post_body(options={"music": "on"}))
    assert "options.music" in _fields(unknown)
