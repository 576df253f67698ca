"""Version history, diffs, restoring an old version, and auto-saved drafts."""

import pytest


@pytest.fixture
def user(api):
    return api.new_user()


def _edit(user, post_id, version, **fields):
    reply = user.client.put(f"/api/v1/posts/{post_id}", json={"version": version, **fields})
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_every_saved_change_is_a_version(user):
    post = user.create_post(caption="one")
    _edit(user, post["id"], 1, caption="two", change_reason="typo")
    _edit(user, post["id"], 2, hashtags=["harbour", "evening"])
    versions = user.client.get(f"/api/v1/posts/{post['id']}/versions").json()
    assert [v["version"] for v in versions] == [3, 2, 1]
    assert [v["caption"] for v in versions] == ["two", "two", "one"]
    assert versions[1]["change_reason"] == "typo"
    assert versions[2]["change_reason"] == "created"
    assert all(v["changed_by"] == user.id for v in versions)

    v1 = user.client.get(f"/api/v1/posts/{post['id']}/versions/1")
    assert v1.status_code == 200
    assert v1.json()["caption"] == "one"
    assert v1.json()["metadata"] == post["metadata"]
    assert user.client.get(f"/api/v1/posts/{post['id']}/versions/9").status_code == 404


def test_diff_between_two_versions(user):
    post = user.create_post(caption="Line one\nLine two", hashtags=["a", "b"], tags=["x"])
    _edit(user, post["id"], 1, caption="Line one\nLine 2", hashtags=["b", "c"])
    reply = user.client.get(f"/api/v1/posts/{post['id']}/versions/diff", params={"from": 1, "to": 2})
    assert reply.status_code == 200, reply.text
    changes = {c["field"]: c for c in reply.json()["changes"]}
    assert set(changes) == {"caption", "hashtags"}
    assert changes["hashtags"]["added"] == ["c"]
    assert changes["hashtags"]["removed"] == ["a"]
    # A unified diff, each changed line on its own (the last line has no newline of its own).
    lines = changes["caption"]["text_diff"].split("\n")
    assert lines[:2] == ["--- caption", "+++ caption"]
    assert lines[3:] == [" Line one", "-Line two", "+Line 2"]
    assert changes["caption"]["before"] == "Line one\nLine two"
    missing = user.client.get(f"/api/v1/posts/{post['id']}/versions/diff", params={"from": 1, "to": 5})
    assert missing.status_code == 404
    no_params = user.client.get(f"/api/v1/posts/{post['id']}/versions/diff")
    assert no_params.status_code == 422


def test_restoring_an_old_version_makes_a_new_one(user):
    post = user.create_post(caption="original")
    _edit(user, post["id"], 1, caption="rewrite", tags=["later"])
    reply = user.client.post(f"/api/v1/posts/{post['id']}/versions/1/restore", json={"version": 2})
    assert reply.status_code == 200, reply.text
    restored = reply.json()
    assert restored["version"] == 3
    assert restored["caption"] == "original"
    assert restored["tags"] == ["campaign-a"]
    history = user.client.get(f"/api/v1/posts/{post['id']}/versions").json()
    assert history[0]["change_reason"] == "restored version 1"
    assert [v["version"] for v in history] == [3, 2, 1]

    stale = user.client.post(f"/api/v1/posts/{post['id']}/versions/1/restore", json={"version": 2})
    assert stale.status_code == 409


def test_autosave_keeps_work_without_versions_until_committed(user):
    post = user.create_post(caption="saved")
    for text in ("t", "ty", "typed so far"):
        reply = user.client.put(f"/api/v1/posts/{post['id']}/autosave", json={"caption": text})
        assert reply.status_code == 200, reply.text
    draft = user.client.get(f"/api/v1/posts/{post['id']}/autosave").json()
    assert draft["caption"] == "typed so far"
    assert draft["base_version"] == 1
    current = user.client.get(f"/api/v1/posts/{post['id']}").json()
    assert current["caption"] == "saved"
    assert current["version"] == 1
    assert current["autosaved_at"] is not None
    assert len(user.client.get(f"/api/v1/posts/{post['id']}/versions").json()) == 1

    committed = user.client.post(f"/api/v1/posts/{post['id']}/autosave/commit")
    assert committed.status_code == 200, committed.text
    assert committed.json()["caption"] == "typed so far"
    assert committed.json()["version"] == 2
    assert user.client.get(f"/api/v1/posts/{post['id']}/autosave").status_code == 404
    assert user.client.get(f"/api/v1/posts/{post['id']}").json()["autosaved_at"] is None


def test_autosave_accepts_what_is_not_yet_valid_and_commit_checks_it(user):
    post = user.create_post()
    messy = {"caption": "x" * 2500, "hashtags": ["not valid yet"]}
    assert user.client.put(f"/api/v1/posts/{post['id']}/autosave", json=messy).status_code == 200
    refused = user.client.post(f"/api/v1/posts/{post['id']}/autosave/commit")
    assert refused.status_code == 422
    # The draft survives the refusal: nothing typed is lost.
    assert user.client.get(f"/api/v1/posts/{post['id']}/autosave").json()["caption"] == "x" * 2500


def test_commit_of_a_draft_typed_on_an_old_version_is_a_conflict(user):
    post = user.create_post()
    user.client.put(f"/api/v1/posts/{post['id']}/autosave", json={"caption": "draft on v1"})
    _edit(user, post["id"], 1, caption="someone else saved")
    # The explicit save replaced the autosave; a new draft on v1 is now stale.
    user.client.put(f"/api/v1/posts/{post['id']}/autosave", json={"caption": "late", "base_version": 1})
    reply = user.client.post(f"/api/v1/posts/{post['id']}/autosave/commit")
    assert reply.status_code == 409
    assert user.client.get(f"/api/v1/posts/{post['id']}/autosave").json()["caption"] == "late"


def test_explicit_save_replaces_the_autosave(user):
    post = user.create_post()
    user.client.put(f"/api/v1/posts/{post['id']}/autosave", json={"caption": "draft"})
    _edit(user, post["id"], 1, caption="final")
    assert user.client.get(f"/api/v1/posts/{post['id']}/autosave").status_code == 404


def test_discard_autosave(user):
    post = user.create_post()
    user.client.put(f"/api/v1/posts/{post['id']}/autosave", json={"caption": "draft"})
    assert user.client.delete(f"/api/v1/posts/{post['id']}/autosave").status_code == 204
    assert user.client.get(f"/api/v1/posts/{post['id']}/autosave").status_code == 404
    nothing = user.client.post(f"/api/v1/posts/{post['id']}/autosave/commit")
    assert nothing.status_code == 409
    assert nothing.json()["error"]["code"] == "no_autosave"


def test_a_partial_autosave_keeps_the_other_fields(user):
    post = user.create_post(caption="saved", hashtags=["harbour"], tags=["keep"])
    user.client.put(f"/api/v1/posts/{post['id']}/autosave", json={"caption": "typing"})
    user.client.put(f"/api/v1/posts/{post['id']}/autosave", json={"hashtags": ["harbour", "dusk"]})
    draft = user.client.get(f"/api/v1/posts/{post['id']}/autosave").json()
    assert draft["caption"] == "typing", "the second partial draft keeps the first one's caption"
    assert draft["hashtags"] == ["harbour", "dusk"]
    assert draft["tags"] == ["keep"]
    assert draft["media"] == post["media"]
    committed = user.client.post(f"/api/v1/posts/{post['id']}/autosave/commit").json()
    assert committed["caption"] == "typing"
    assert committed["media"] == post["media"]
    assert committed["tags"] == ["keep"]
