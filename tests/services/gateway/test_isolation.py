"""A user sees and touches only their own posts: anyone else's is a 404 on every endpoint."""

import pytest


@pytest.fixture(scope="module")
def owner_and_intruder(api):
    owner, intruder = api.new_user(), api.new_user()
    post = owner.create_post(caption="private plans")
    owner.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": "private plans v2"})
    owner.client.put(f"/api/v1/posts/{post['id']}/autosave", json={"caption": "draft"})
    owner.client.post(f"/api/v1/posts/{post['id']}/duplicate", json={"template_name": "Secret template"})
    return owner, intruder, post


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/v1/posts/{id}", None),
        ("PUT", "/api/v1/posts/{id}", {"version": 2, "caption": "hijacked"}),
        ("DELETE", "/api/v1/posts/{id}", None),
        ("POST", "/api/v1/posts/{id}/restore", None),
        ("POST", "/api/v1/posts/{id}/duplicate", None),
        ("GET", "/api/v1/posts/{id}/versions", None),
        ("GET", "/api/v1/posts/{id}/versions/1", None),
        ("GET", "/api/v1/posts/{id}/versions/diff?from=1&to=2", None),
        ("POST", "/api/v1/posts/{id}/versions/1/restore", {"version": 2}),
        ("GET", "/api/v1/posts/{id}/autosave", None),
        ("PUT", "/api/v1/posts/{id}/autosave", {"caption": "hijacked"}),
        ("DELETE", "/api/v1/posts/{id}/autosave", None),
        ("POST", "/api/v1/posts/{id}/autosave/commit", None),
        ("POST", "/api/v1/templates/Secret template/instantiate", None),
    ],
)
def test_another_users_post_is_not_found(owner_and_intruder, method, path, body):
    owner, intruder, post = owner_and_intruder
    reply = intruder.client.request(method, path.format(id=post["id"]), json=body)
    assert reply.status_code == 404, reply.text
    assert reply.json()["error"]["code"] == "not_found"
    mine = owner.client.get(f"/api/v1/posts/{post['id']}").json()
    assert mine["caption"] == "private plans v2"
    assert mine["deleted_at"] is None
    assert owner.client.get(f"/api/v1/posts/{post['id']}/autosave").json()["caption"] == "draft"


def test_lists_and_search_show_only_ones_own(owner_and_intruder):
    owner, intruder, post = owner_and_intruder
    for params in ({}, {"q": "private"}, {"include_deleted": True}, {"include_templates": True}):
        assert intruder.client.get("/api/v1/posts", params=params).json()["items"] == []
    assert intruder.client.get("/api/v1/templates").json() == []
    assert [p["id"] for p in owner.client.get("/api/v1/posts", params={"q": "private"}).json()["items"]] == [
        post["id"]
    ]


def test_bulk_on_another_users_posts_does_nothing(owner_and_intruder):
    owner, intruder, post = owner_and_intruder
    for action in ("delete", "tag", "duplicate"):
        body = intruder.client.post(
            "/api/v1/posts/bulk", json={"action": action, "post_ids": [post["id"]], "tags": ["x"]}
        ).json()
        assert body["results"][0]["error"]["code"] == "not_found"
    mine = owner.client.get(f"/api/v1/posts/{post['id']}").json()
    assert mine["deleted_at"] is None and "x" not in mine["tags"]
