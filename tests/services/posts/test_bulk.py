"""Bulk delete, restore, tag, untag and duplicate, each post with its own result."""

import uuid

import pytest


@pytest.fixture
def user(api):
    return api.new_user()


def _bulk(user, **body):
    return user.client.post("/api/v1/posts/bulk", json=body)


def test_bulk_tag_untag_and_delete_with_per_post_results(user, api):
    posts = [user.create_post(caption=f"post {i}") for i in range(3)]
    ids = [p["id"] for p in posts]
    stranger = api.new_user().create_post()
    missing = str(uuid.uuid4())

    reply = _bulk(user, action="tag", post_ids=[*ids, stranger["id"], missing], tags=["Spring", "sale"])
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["succeeded"] == 3 and body["failed"] == 2
    by_id = {r["post_id"]: r for r in body["results"]}
    assert by_id[stranger["id"]]["error"]["code"] == "not_found"
    assert by_id[missing]["error"]["code"] == "not_found"
    for post_id in ids:
        assert by_id[post_id]["post"]["tags"] == ["campaign-a", "spring", "sale"]
        assert by_id[post_id]["post"]["version"] == 2

    untag = _bulk(user, action="untag", post_ids=ids[:2], tags=["campaign-a"]).json()
    assert [r["post"]["tags"] for r in untag["results"]] == [["spring", "sale"]] * 2

    deleted = _bulk(user, action="delete", post_ids=ids[:2]).json()
    assert deleted["succeeded"] == 2
    again = _bulk(user, action="delete", post_ids=ids).json()
    assert [r["ok"] for r in again["results"]] == [False, False, True]
    assert again["results"][0]["error"]["code"] == "already_deleted"
    assert user.client.get("/api/v1/posts").json()["items"] == []

    restored = _bulk(user, action="restore", post_ids=ids).json()
    assert restored["succeeded"] == 3
    assert len(user.client.get("/api/v1/posts").json()["items"]) == 3


def test_bulk_duplicate_returns_the_copies(user):
    ids = [user.create_post(caption=f"c{i}")["id"] for i in range(2)]
    body = _bulk(user, action="duplicate", post_ids=ids).json()
    copies = [r["post"] for r in body["results"]]
    assert [c["caption"] for c in copies] == ["c0", "c1"]
    assert not {c["id"] for c in copies} & set(ids)
    assert len(user.client.get("/api/v1/posts").json()["items"]) == 4


def test_bulk_limits(user):
    fifty = [str(uuid.uuid4()) for _ in range(50)]
    assert _bulk(user, action="delete", post_ids=fifty).status_code == 200
    reply = _bulk(user, action="delete", post_ids=[*fifty, str(uuid.uuid4())])
    assert reply.status_code == 422
    assert reply.json()["error"]["fields"][0]["field"] == "post_ids"
    assert _bulk(user, action="delete", post_ids=[]).status_code == 422
    assert _bulk(user, action="explode", post_ids=fifty[:1]).json()["error"]["fields"][0]["field"] == "action"
    assert _bulk(user, action="tag", post_ids=fifty[:1]).json()["error"]["fields"][0]["field"] == "tags"


def test_one_failing_post_does_not_undo_the_others(user):
    ok = user.create_post()
    full = user.create_post(tags=[f"t{i}" for i in range(30)])
    body = _bulk(user, action="tag", post_ids=[ok["id"], full["id"]], tags=["one-more"]).json()
    assert [r["ok"] for r in body["results"]] == [True, False]
    assert body["results"][1]["error"]["code"] == "validation_error"
    assert "one-more" in user.client.get(f"/api/v1/posts/{ok['id']}").json()["tags"]
    assert len(user.client.get(f"/api/v1/posts/{full['id']}").json()["tags"]) == 30
