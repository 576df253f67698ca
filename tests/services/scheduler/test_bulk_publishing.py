"""Fifty posts bulk-scheduled for the same second on one account: each published once."""

from datetime import datetime

from tests.services.scheduler.publishing import ZONE, local_in, publishes, wait_for_status

POSTS = 50


def test_fifty_bulk_scheduled_posts_all_publish_exactly_once(publisher, instagram):
    # Back to back is the account's choice (stories, say): no minimum gap.
    gap = publisher.client.patch(f"/api/v1/accounts/{publisher.account_id}", json={"min_gap_minutes": 0})
    assert gap.status_code == 200, gap.text
    posts = [publisher.create_post(caption=f"Post {n} of {POSTS}") for n in range(POSTS)]
    reply = publisher.client.post(
        "/api/v1/posts/bulk",
        json={
            "action": "schedule",
            "post_ids": [p["id"] for p in posts],
            "account_id": publisher.account_id,
            "timezone": ZONE,
            "start_time": local_in(10),
            "interval_minutes": 0,
        },
    )
    assert reply.status_code == 200, reply.text
    assert reply.json()["succeeded"] == POSTS, reply.json()
    due = datetime.fromisoformat(reply.json()["results"][0]["scheduled_for"])

    for post in posts:
        wait_for_status(publisher, post["id"], "published", timeout=90)
    published = publishes(instagram, publisher.ig_user_id)
    assert len(published) == POSTS
    captions = sorted(p["caption"].split("\n")[0] for p in published)
    assert captions == sorted(f"Post {n} of {POSTS}" for n in range(POSTS))
    assert len({p["container_id"] for p in published}) == POSTS
    assert min(p["published_at"] for p in published) >= due.timestamp()
    media_ids = {publisher.client.get(f"/api/v1/posts/{p['id']}").json()["instagram_media_id"] for p in posts}
    assert media_ids == {p["media_id"] for p in published}


def test_a_bulk_schedule_checks_each_post_against_the_calendar_and_the_posts_before_it(publisher):
    """Checked all at once, the posts of one request still keep the minimum gap from the
    account's calendar and from each other, in the request's order; each fails on its own."""
    on_calendar, a, b, c, scheduled_already, d = (publisher.create_post() for _ in range(6))
    body = {"timezone": ZONE, "account_id": publisher.account_id}
    first = {"scheduled_time": "2031-06-03T09:00", **body}
    for post in (on_calendar, scheduled_already):
        reply = publisher.client.post(f"/api/v1/posts/{post['id']}/schedule", json=first)
        assert reply.status_code == 200, reply.text
        first = {**first, "scheduled_time": "2031-06-03T15:00"}
    ids = [a["id"], b["id"], c["id"], a["id"], scheduled_already["id"], d["id"]]
    reply = publisher.client.post(
        "/api/v1/posts/bulk",
        json={
            "action": "schedule",
            "post_ids": ids,
            "times": [
                "2031-06-03T09:05",  # 5 minutes after the post on the calendar
                "2031-06-03T10:00",
                "2031-06-03T10:05",  # 5 minutes after b, scheduled by this request
                "2031-06-03T11:00",
                "2031-06-03T12:00",
                "2031-06-03T12:00",  # free: the post before it at 12:00 is refused
            ],
            **body,
        },
    )
    assert reply.status_code == 200, reply.text
    results = reply.json()["results"]
    assert [r["post_id"] for r in results] == ids
    codes = [(r["error"] or {}).get("code") for r in results]
    assert codes == [
        "schedule_conflict",
        None,
        "schedule_conflict",
        "duplicate_post",
        "already_scheduled",
        None,
    ], results
    assert reply.json()["succeeded"] == 2
    assert results[2]["error"]["message"].startswith(f"Post {b['id']} is scheduled")
    statuses = {
        p["id"]: publisher.client.get(f"/api/v1/posts/{p['id']}").json()["status"] for p in (a, b, c, d)
    }
    assert statuses == {a["id"]: "draft", b["id"]: "scheduled", c["id"]: "draft", d["id"]: "scheduled"}
    for post in (on_calendar, b, scheduled_already, d):
        publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")
