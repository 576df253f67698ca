"""Comments on posts through the REST API: threads, replies, resolving; an @mention of a
member reaches that person's own inbox (their personal workspace's notifications), a
mention of anyone else is refused by name; outsiders see nothing."""

import time

from tests.factories import post_body
from tests.workspaces import acting_in, join, new_workspace


def _mentions_of(person, post_id: str, timeout: float = 15.0) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [
            n
            for n in person.client.get("/api/v1/notifications").json()["items"]
            if n["type"] == "mentioned" and n["post_id"] == post_id
        ]
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("no mention notification")


def test_a_thread_with_a_mention_a_reply_and_a_resolution(api, smtp_sink):
    owner = api.new_user(name="Olivia")
    workspace = new_workspace(owner, "Comment Team")
    as_owner = acting_in(api, owner, workspace["id"])
    editor = join(api, smtp_sink, owner, workspace["id"], "editor")
    viewer = join(api, smtp_sink, owner, workspace["id"], "viewer")
    post_id = as_owner.post("/api/v1/posts", json=post_body(caption="Thread me")).json()["id"]
    base = f"/api/v1/posts/{post_id}/comments"

    started = as_owner.post(base, json={"body": "Can you check the crop?", "mentions": [editor.user.id]})
    assert started.status_code == 201, started.text
    thread = started.json()
    assert (thread["author_id"], thread["mentions"], thread["version"]) == (owner.id, [editor.user.id], 1)
    assert "thread_id" not in thread or thread["thread_id"] in (None, "")
    # The editor is told in their own inbox, by name.
    told = _mentions_of(editor.user, post_id)
    assert "Olivia mentioned you" in told[0]["message"] and "crop" in told[0]["message"]
    # A viewer may talk about a post too, in the thread.
    reply = viewer.client.post(base, json={"body": "Looks fine to me", "thread_id": thread["id"]})
    assert reply.status_code == 201 and reply.json()["thread_id"] == thread["id"]

    resolved = editor.client.patch(f"{base}/{thread['id']}", json={"resolved": True})
    assert resolved.status_code == 200 and resolved.json()["resolved_at"]
    assert resolved.json()["resolved_by"] == editor.user.id
    listed = as_owner.get(base).json()["items"]
    assert [(c["body"], c["author_id"]) for c in listed] == [
        ("Can you check the crop?", owner.id),
        ("Looks fine to me", viewer.user.id),
    ]
    assert editor.client.patch(f"{base}/{reply.json()['id']}", json={"resolved": True}).status_code == 404

    # Mentioning someone outside the workspace names the field; bad bodies too.
    stranger = api.new_user()
    refused = as_owner.post(base, json={"body": "hi", "mentions": [stranger.id]})
    assert refused.status_code == 422 and refused.json()["error"]["fields"][0]["field"] == "mentions.0"
    for body in ({"body": "   "}, {"body": "x\x00y"}, {"body": "x" * 5001}):
        assert as_owner.post(base, json=body).status_code == 422, body
    elsewhere = as_owner.post("/api/v1/posts", json=post_body(caption="Other")).json()["id"]
    wrong = as_owner.post(base, json={"body": "wrong thread", "thread_id": elsewhere})
    assert wrong.status_code == 422 and wrong.json()["error"]["fields"][0]["field"] == "thread_id"
    # Outsiders: nothing.
    assert stranger.client.get(base).status_code == 404
    assert acting_in(api, stranger, workspace["id"]).get(base).status_code == 404
