"""Duplicating posts, saving templates and starting drafts from them."""

import pytest


@pytest.fixture
def user(api):
    return api.new_user()


def test_duplicate_makes_a_new_draft_with_the_same_content(user):
    post = user.create_post(caption="Original")
    user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": "Edited"})
    reply = user.client.post(f"/api/v1/posts/{post['id']}/duplicate")
    assert reply.status_code == 201, reply.text
    copy = reply.json()
    assert copy["id"] != post["id"]
    assert copy["caption"] == "Edited"
    assert copy["version"] == 1
    assert copy["status"] == "draft"
    assert copy["template_name"] is None
    assert copy["metadata"] == post["metadata"]


def test_templates_are_listed_and_instantiated(user):
    post = user.create_post(caption="Weekly promo", tags=["promo"])
    reply = user.client.post(f"/api/v1/posts/{post['id']}/duplicate", json={"template_name": "Weekly promo"})
    assert reply.status_code == 201, reply.text
    assert reply.json()["template_name"] == "Weekly promo"

    templates = user.client.get("/api/v1/templates").json()
    assert [t["template_name"] for t in templates] == ["Weekly promo"]
    listed = user.client.get("/api/v1/posts").json()["items"]
    assert [p["id"] for p in listed] == [post["id"]], "templates stay out of the post list"

    made = user.client.post("/api/v1/templates/Weekly promo/instantiate")
    assert made.status_code == 201, made.text
    draft = made.json()
    assert draft["caption"] == "Weekly promo"
    assert draft["tags"] == ["promo"]
    assert draft["template_name"] is None
    assert user.client.get("/api/v1/templates/Nope/instantiate").status_code == 405
    assert user.client.post("/api/v1/templates/Nope/instantiate").status_code == 404


def test_template_names_are_unique_per_user(user, api):
    post = user.create_post()
    first = user.client.post(f"/api/v1/posts/{post['id']}/duplicate", json={"template_name": "Launch"})
    assert first.status_code == 201
    again = user.client.post(f"/api/v1/posts/{post['id']}/duplicate", json={"template_name": "Launch"})
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "template_name_taken"
    other = api.new_user()
    theirs = other.create_post()
    same_name = other.client.post(f"/api/v1/posts/{theirs['id']}/duplicate", json={"template_name": "Launch"})
    assert same_name.status_code == 201
    empty = user.client.post(f"/api/v1/posts/{post['id']}/duplicate", json={"template_name": "  "})
    assert empty.status_code == 422
