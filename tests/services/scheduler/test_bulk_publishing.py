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
