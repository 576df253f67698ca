"""Bad input gets a 4xx with a JSON body naming the problem: never a 500, never a hang."""

import pytest

from tests.factories import post_body


@pytest.fixture(scope="module")
def user(api):
    return api.new_user()


def _error(reply, status: int) -> dict:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/json")
    return reply.json()["error"]


def test_malformed_json(user):
    reply = user.client.post(
        "/api/v1/posts", content=b'{"caption": "unterminated', headers={"content-type": "application/json"}
    )
    error = _error(reply, 422)
    assert error["fields"][0]["field"] == "body"
    assert "JSON" in error["fields"][0]["message"]


def test_body_that_is_not_json_at_all(user):
    reply = user.client.post(
        "/api/v1/posts", content=b"caption=hello", headers={"content-type": "text/plain"}
    )
    _error(reply, 422)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"caption": 5}, "caption"),
        ({"hashtags": "travel"}, "hashtags"),
        ({"hashtags": [1, 2]}, "hashtags.0"),
        ({"metadata": ["not", "an", "object"]}, "metadata"),
        ({"media": [{"url": 7}]}, "media.0.url"),
        ({"media": "https://example.com/a.jpg"}, "media"),
        ({"post_type": None}, "post_type"),
    ],
)
def test_wrong_types_name_the_field(user, overrides, field):
    error = _error(user.client.post("/api/v1/posts", json=post_body(**overrides)), 422)
    assert field in [f["field"] for f in error["fields"]]


def test_unknown_fields_are_refused(user):
    error = _error(user.client.post("/api/v1/posts", json=post_body(colour="blue")), 422)
    assert error["fields"] == [{"field": "colour", "in": "body", "message": "is not a known field"}]
    error = _error(
        user.client.post("/api/v1/posts", json=post_body(media=[{"url": "https://a.b/c", "x": 1}])), 422
    )
    assert error["fields"][0]["field"] == "media.0.x"


def test_read_only_fields_cannot_be_written(user):
    for field, value in (("status", "published"), ("id", "x"), ("version", 7)):
        error = _error(user.client.post("/api/v1/posts", json=post_body(**{field: value})), 422)
        assert error["fields"][0]["field"] == field


def test_huge_bodies_are_413(user):
    huge = post_body(caption="x" * 2_000_000)
    error = _error(user.client.post("/api/v1/posts", json=huge), 413)
    assert error["code"] == "body_too_large"

    def chunks():
        for _ in range(40):
            yield b"x" * 50_000

    reply = user.client.post("/api/v1/posts", content=chunks(), headers={"content-type": "application/json"})
    assert _error(reply, 413)["code"] == "body_too_large"


def test_nul_characters_are_refused_not_crashed_on(user):
    for overrides, field in (
        ({"caption": "a\x00b"}, "caption"),
        ({"tags": ["ok", "b\x00d"]}, "tags.1"),
        ({"metadata": {"note": "a\x00"}}, "metadata"),
    ):
        error = _error(user.client.post("/api/v1/posts", json=post_body(**overrides)), 422)
        assert error["fields"][0]["field"] == field
    assert (
        _error(user.client.get("/api/v1/posts", params={"q": "a\x00"}), 422)["fields"][0]["field"] == "query"
    )


def test_numbers_out_of_range(user):
    post = user.create_post()
    error = _error(
        user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 2**40, "caption": "x"}), 422
    )
    assert error["fields"][0]["field"] == "version"
    _error(user.client.get("/api/v1/posts", params={"limit": 2**40}), 422)
    _error(user.client.get(f"/api/v1/posts/{post['id']}/versions/99999999999"), 422)
    _error(user.client.get(f"/api/v1/posts/{post['id']}/versions/abc"), 422)
    error = _error(
        user.client.post(
            "/api/v1/posts",
            content=b'{"metadata": {"n": 1e999}}',
            headers={"content-type": "application/json"},
        ),
        422,
    )
    assert error["fields"][0]["field"] == "metadata"


def test_unknown_route_and_method(user):
    assert _error(user.client.get("/api/v1/nothing-here"), 404)["code"] == "not_found"
    assert _error(user.client.patch("/api/v1/posts"), 405)["code"] == "method_not_allowed"


def test_nothing_saved_is_lost_on_bad_input(user):
    post = user.create_post(caption="keep me")
    user.client.put(
        f"/api/v1/posts/{post['id']}", content=b"{broken", headers={"content-type": "application/json"}
    )
    user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": 3})
    user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": "x" * 2_000_000})
    current = user.client.get(f"/api/v1/posts/{post['id']}").json()
    assert current["caption"] == "keep me"
    assert current["version"] == 1
