"""Posts published by hand: planned like any other (on the calendar and the grid), never
scheduled for Postflow to publish; at their time a reminder arrives with the caption; marked
done they are published; left undone they are missed, and said so."""

import time

from tests.services.scheduler.publishing import IMAGE, ZONE, local_in


def _until(check, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.3)


def _by_hand(user, caption: str, seconds: float, post_type: str = "photo") -> dict:
    body = {
        "caption": caption,
        "media": [{"url": IMAGE}],
        "post_type": post_type,
        "options": {"publish_myself": True},
        "scheduled_for": local_in(seconds),
        "timezone": ZONE,
    }
    reply = user.client.post("/api/v1/posts", json=body)
    assert reply.status_code == 201, reply.text
    return reply.json()


def _notes(user, kind: str, post_id: str) -> list[dict]:
    items = user.client.get("/api/v1/notifications").json()["items"]
    return [n for n in items if n["type"] == kind and n["post_id"] == post_id]


def test_a_reminder_arrives_at_its_time_and_is_marked_done(publisher, instagram):
    post = _by_hand(publisher, "Sticker story: vote!", 4, post_type="story")
    assert post["options"]["publish_myself"] is True and post["reminder"]["state"] == ""
    # Never scheduled for Postflow to publish.
    refused = publisher.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": local_in(3600), "timezone": ZONE, "account_id": publisher.account_id},
    )
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "publish_myself"
    early = publisher.client.post(f"/api/v1/posts/{post['id']}/reminder/done")
    assert early.status_code == 409 and early.json()["error"]["code"] == "not_due"

    told = _until(lambda: _notes(publisher, "reminder_due", post["id"]))
    assert told and "Sticker story: vote!" in told[0]["message"] and "story" in told[0]["title"]
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["reminder"]["state"] == "due"

    done = publisher.client.post(f"/api/v1/posts/{post['id']}/reminder/done")
    assert done.status_code == 200, done.text
    assert (done.json()["status"], done.json()["reminder"]["state"]) == ("published", "done")
    assert done.json()["published_at"]
    assert publisher.client.post(f"/api/v1/posts/{post['id']}/reminder/done").status_code == 409
    # Instagram was never asked, and only one reminder went out.
    assert instagram.get("/_simulator/publishes", params={"ig_user_id": publisher.ig_user_id}).json() == []
    assert len(_notes(publisher, "reminder_due", post["id"])) == 1
    assert _notes(publisher, "post_published", post["id"]) == []


def test_a_reminder_left_undone_is_missed_and_a_planned_one_is_on_the_grid(publisher):
    post = _by_hand(publisher, "Reel with music", 2)
    missed = _until(lambda: _notes(publisher, "reminder_missed", post["id"]), timeout=40)
    assert missed and "not marked done" in missed[0]["message"]
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["reminder"]["state"] == "missed"
    # Late is still done.
    assert publisher.client.post(f"/api/v1/posts/{post['id']}/reminder/done").json()["status"] == "published"

    later = _by_hand(publisher, "Planned by hand", 86400)
    tiles = publisher.client.get(f"/api/v1/accounts/{publisher.account_id}/grid").json()["tiles"]
    assert [t["post_id"] for t in tiles if t["state"] == "planned"] == [later["id"]]
    ordinary = publisher.client.post("/api/v1/posts", json={"caption": "x", "media": [{"url": IMAGE}]}).json()
    assert publisher.client.post(f"/api/v1/posts/{ordinary['id']}/reminder/done").json()["error"]["code"] == (
        "not_by_hand"
    )
