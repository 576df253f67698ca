"""Instagram's rules: each broken one is a 422 naming the field; nothing is saved."""

import pytest

from tests.factories import post_body

URL = "https://cdn.example.com/p.jpg"


@pytest.fixture(scope="module")
def user(api):
    return api.new_user()


def _fields(reply) -> list[str]:
    assert reply.status_code == 422, reply.text
    return [f["field"] for f in reply.json()["error"]["fields"]]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"caption": "x" * 2201}, "caption"),
        ({"caption": " ".join(f"@user{i}" for i in range(21))}, "caption"),
        ({"hashtags": [f"tag{i}" for i in range(31)]}, "hashtags"),
        (
            {"caption": " ".join(f"#word{i}" for i in range(20)), "hashtags": [f"tag{i}" for i in range(11)]},
            "hashtags",
        ),
        ({"caption": "x" * 2190, "hashtags": ["toolongtogether"]}, "hashtags"),
        ({"hashtags": ["good", "has space"]}, "hashtags.1"),
        ({"hashtags": ["bad-dash"]}, "hashtags.0"),
        ({"hashtags": ["2024"]}, "hashtags.0"),
        ({"post_type": "carousel", "media": [{"url": URL}]}, "media"),
        ({"post_type": "carousel", "media": [{"url": URL}] * 11}, "media"),
        ({"post_type": "photo", "media": [{"url": URL}, {"url": URL}]}, "media"),
        ({"post_type": "reel", "media": [{"url": URL}, {"url": URL}]}, "media"),
        ({"post_type": "gif"}, "post_type"),
        ({"media": [{"url": URL, "media_id": "3f1c1f8e-4c3e-4a8e-9a76-0a6d1c5b2a01"}]}, "media.0"),
        ({"media": [{}]}, "media.0"),
        ({"media": [{"url": "ftp://example.com/a.jpg"}]}, "media.0.url"),
        ({"media": [{"media_id": "abc"}]}, "media.0.media_id"),
        ({"tags": ["x" * 51]}, "tags.0"),
        ({"metadata": {"blob": "x" * 20000}}, "metadata"),
    ],
)
def test_rule_violations_are_422_naming_the_field(user, overrides, field):
    before = user.client.get("/api/v1/posts", params={"limit": 100}).json()["items"]
    reply = user.client.post("/api/v1/posts", json=post_body(**overrides))
    assert field in _fields(reply)
    assert reply.json()["error"]["code"] == "validation_error"
    after = user.client.get("/api/v1/posts", params={"limit": 100}).json()["items"]
    assert len(after) == len(before)


def test_limits_themselves_are_allowed(user):
    post = user.create_post(
        caption="x" * 1800 + " " + " ".join(f"@u{i}" for i in range(20)),
        hashtags=[f"t{i}" for i in range(30)],
    )
    assert len(post["hashtags"]) == 30
    user.create_post(post_type="carousel", media=[{"url": URL}] * 10)
    user.create_post(post_type="carousel", media=[{"url": URL}] * 2)


def test_every_violation_is_reported_at_once(user):
    reply = user.client.post(
        "/api/v1/posts", json=post_body(caption="x" * 2300, post_type="nope", hashtags=["a b"])
    )
    assert {"caption", "post_type", "hashtags.0"} <= set(_fields(reply))


def test_an_update_into_an_invalid_state_is_refused_and_keeps_the_post(user):
    post = user.create_post()
    reply = user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": "y" * 2201})
    assert "caption" in _fields(reply)
    current = user.client.get(f"/api/v1/posts/{post['id']}").json()
    assert current["version"] == 1
    assert current["caption"] == post["caption"]


def test_hashtags_are_kept_as_written_and_deduplicated_without_the_hash(user):
    post = user.create_post(hashtags=["#Travel", "travel", "  #food ", "Food"])
    assert post["hashtags"] == ["#Travel", "#food"]


def test_a_draft_without_media_is_kept_with_a_warning(user):
    post = user.create_post(media=[], caption="An idea for next week")
    assert [w["code"] for w in post["warnings"]] == ["media_missing"]


def test_banned_and_overused_hashtags_warn_but_save(user):
    post = user.create_post(hashtags=["humpday", "instagood", "harbourlife"])
    codes = {w["code"]: w["message"] for w in post["warnings"]}
    assert "#humpday" in codes["banned_hashtag"]
    assert "#instagood" in codes["overused_hashtag"]
