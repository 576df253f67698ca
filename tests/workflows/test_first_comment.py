"""The first comment: posted right after the publish as its own step, with its own status
and retries; a refused one fails alone (the post stays published, once) and the person's
retry posts it, once."""

import time

from tests.services.realtime.test_notifications import wait_for_notification
from tests.services.scheduler.publishing import arm, publishes, schedule, wait_for_status


def first_comment(user, post_id: str, wanted: str, timeout: float = 45.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = user.client.get(f"/api/v1/posts/{post_id}").json()["first_comment"]
        if state["status"] == wanted:
            return state
        time.sleep(0.2)
    raise AssertionError(f"the first comment of {post_id} never became {wanted}: {state}")


def comments_on(instagram, user, post_id: str) -> list[dict]:
    media_id = user.client.get(f"/api/v1/posts/{post_id}").json()["instagram_media_id"]
    return instagram.get("/_simulator/comments", params={"media_id": media_id}).json()


def test_the_first_comment_is_posted_after_the_publish_once_despite_a_hiccup(publisher, instagram):
    arm(instagram, publisher, "transient", "comment")
    post = publisher.create_post(caption="Harbour at dawn", options={"first_comment": "#harbour #dawn"})
    assert post["first_comment"]["status"] == ""
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published", timeout=45)
    state = first_comment(publisher, post["id"], "posted")
    (comment,) = comments_on(instagram, publisher, post["id"])
    assert comment["text"] == "#harbour #dawn"
    assert state["comment_id"] == comment["id"]
    assert state["attempts"] == 1 and state["error"] == ""
    assert len(publishes(instagram, publisher.ig_user_id)) == 1


def test_a_refused_first_comment_fails_alone_and_a_retry_posts_it(publisher, instagram):
    arm(instagram, publisher, "permission_missing", "comment")
    post = publisher.create_post(caption="Quay", options={"first_comment": "More in bio"})
    retry = f"/api/v1/posts/{post['id']}/first-comment/retry"
    assert publisher.client.post(retry).status_code == 409  # not published yet
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published", timeout=45)
    failed = first_comment(publisher, post["id"], "failed")
    assert "Reconnect the account" in failed["error"], failed
    assert comments_on(instagram, publisher, post["id"]) == []
    assert publisher.client.get(f"/api/v1/posts/{post['id']}/status").json()["status"] == "published"
    told = wait_for_notification(publisher, "first_comment_failed")
    assert told["post_id"] == post["id"] and "Retry it" in told["message"]

    started = publisher.client.post(retry)
    assert started.status_code == 202, started.text
    assert started.json()["status"] == "pending"
    # A second click while it runs, or after it posted, posts nothing more.
    assert publisher.client.post(retry).status_code == 409
    posted = first_comment(publisher, post["id"], "posted")
    assert posted["attempts"] == 2
    assert [c["text"] for c in comments_on(instagram, publisher, post["id"])] == ["More in bio"]
    assert publisher.client.post(retry).status_code == 409
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
