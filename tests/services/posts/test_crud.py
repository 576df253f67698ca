"""Create, read, update, soft delete and restore, with optimistic concurrency."""

import pytest

from tests.factories import post_body


@pytest.fixture
def user(api):
    return api.new_user()


def test_create_returns_the_post_as_saved(user):
    post = user.create_post()
    assert post["status"] == "draft"
    assert post["version"] == 1
    assert post["hashtags"] == ["harbour", "#sunrise"]  # as written
    assert post["media"] == [
        {"media_id": None, "url": "https://cdn.example.com/harbour.jpg", "alt_text": None, "user_tags": []}
    ]
    assert post["metadata"] == {"shoot": {"camera": "X100V", "iso": 200}}
    assert post["tags"] == ["campaign-a"]
    assert post["deleted_at"] is None
    assert post["created_at"] == post["updated_at"]
    got = user.client.get(f"/api/v1/posts/{post['id']}").json()
    assert {k: got[k] for k in ("caption", "hashtags", "media", "metadata", "version")} == {
        k: post[k] for k in ("caption", "hashtags", "media", "metadata", "version")
    }


@pytest.mark.parametrize("post_type", ["photo", "video", "reel", "story"])
def test_every_single_item_type_can_be_created(user, post_type):
    post = user.create_post(post_type=post_type)
    assert post["post_type"] == post_type


def test_carousel_with_media_library_ids(user):
    ids = [
        "3f1c1f8e-4c3e-4a8e-9a76-0a6d1c5b2a01",
        "3f1c1f8e-4c3e-4a8e-9a76-0a6d1c5b2a02",
        "3f1c1f8e-4c3e-4a8e-9a76-0a6d1c5b2a03",
    ]
    post = user.create_post(post_type="carousel", media=[{"media_id": i} for i in ids])
    assert [m["media_id"] for m in post["media"]] == ids


def test_update_changes_only_the_fields_sent_and_bumps_the_version(user):
    post = user.create_post()
    reply = user.client.put(
        f"/api/v1/posts/{post['id']}",
        json={"version": 1, "caption": "Evening light instead", "change_reason": "tone"},
    )
    assert reply.status_code == 200, reply.text
    updated = reply.json()
    assert updated["version"] == 2
    assert updated["caption"] == "Evening light instead"
    assert updated["hashtags"] == post["hashtags"]
    assert updated["metadata"] == post["metadata"]
    assert updated["updated_at"] > post["updated_at"]


def test_an_update_that_changes_nothing_keeps_the_version(user):
    post = user.create_post()
    reply = user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": post["caption"]})
    assert reply.status_code == 200
    assert reply.json()["version"] == 1
    assert len(user.client.get(f"/api/v1/posts/{post['id']}/versions").json()) == 1


def test_stale_update_is_a_conflict_and_loses_nothing(user):
    post = user.create_post()
    first = user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": "Tab one"})
    assert first.status_code == 200
    stale = user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": "Tab two"})
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert error["code"] == "version_conflict"
    assert error["context"]["current_version"] == "2"
    current = user.client.get(f"/api/v1/posts/{post['id']}").json()
    assert current["caption"] == "Tab one"
    assert current["version"] == 2


def test_update_without_version_is_refused(user):
    post = user.create_post()
    reply = user.client.put(f"/api/v1/posts/{post['id']}", json={"caption": "no version"})
    assert reply.status_code == 422
    assert reply.json()["error"]["fields"][0]["field"] == "version"


def test_soft_delete_hides_and_restore_brings_back(user):
    post = user.create_post()
    user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": "second version"})
    deleted = user.client.delete(f"/api/v1/posts/{post['id']}")
    assert deleted.status_code == 200
    assert deleted.json()["deleted_at"] is not None

    assert user.client.get(f"/api/v1/posts/{post['id']}").status_code == 404
    still_there = user.client.get(f"/api/v1/posts/{post['id']}", params={"include_deleted": True})
    assert still_there.status_code == 200
    listed = user.client.get("/api/v1/posts").json()["items"]
    assert post["id"] not in [p["id"] for p in listed]
    trash = user.client.get("/api/v1/posts", params={"deleted_only": True}).json()["items"]
    assert [p["id"] for p in trash] == [post["id"]]

    edit = user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 2, "caption": "x"})
    assert edit.status_code == 409
    assert edit.json()["error"]["code"] == "post_deleted"
    assert user.client.delete(f"/api/v1/posts/{post['id']}").status_code == 409

    restored = user.client.post(f"/api/v1/posts/{post['id']}/restore")
    assert restored.status_code == 200
    assert restored.json()["deleted_at"] is None
    assert restored.json()["caption"] == "second version"
    versions = user.client.get(f"/api/v1/posts/{post['id']}/versions").json()
    assert [v["version"] for v in versions] == [2, 1]
    assert user.client.post(f"/api/v1/posts/{post['id']}/restore").status_code == 409


def test_unknown_and_malformed_ids_are_not_found(user):
    for post_id in ("00000000-0000-0000-0000-000000000000", "not-a-uuid", "1"):
        reply = user.client.get(f"/api/v1/posts/{post_id}")
        assert reply.status_code == 404
        assert reply.json()["error"]["code"] == "not_found"


def test_published_post_cannot_be_edited(user, db):
    post = user.create_post()
    db.execute("UPDATE posts.posts SET status = 'published' WHERE id = %s", (post["id"],))
    reply = user.client.put(f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": "too late"})
    assert reply.status_code == 409
    assert reply.json()["error"]["code"] == "post_locked"
    assert user.client.get(f"/api/v1/posts/{post['id']}").json()["caption"] == post_body()["caption"]


def test_concurrent_saves_of_one_version_let_exactly_one_win(user):
    from concurrent.futures import ThreadPoolExecutor

    post = user.create_post()
    edits = [f"edit from tab {i}" for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        replies = list(
            pool.map(
                lambda caption: user.client.put(
                    f"/api/v1/posts/{post['id']}", json={"version": 1, "caption": caption}
                ),
                edits,
            )
        )
    statuses = sorted(r.status_code for r in replies)
    assert statuses == [200] + [409] * 7
    winner = next(r.json() for r in replies if r.status_code == 200)
    current = user.client.get(f"/api/v1/posts/{post['id']}").json()
    assert current["caption"] == winner["caption"]
    assert current["version"] == 2
    versions = user.client.get(f"/api/v1/posts/{post['id']}/versions").json()
    assert [v["version"] for v in versions] == [2, 1]
