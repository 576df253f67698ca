"""Engagement metrics: after a post publishes, a Temporal workflow collects its insights
from the Graph API (the simulator's engagement grows with time), stores them, shows the
latest on the post and the series at /metrics, and announces each as `metrics_update`."""

import random
import time

from tests.services.realtime.clients import events_until, open_socket
from tests.services.scheduler.publishing import IMAGE, schedule, wait_for_status


def simulated_account(instagram, ig_user_id: str, followers: int) -> None:
    """The account in the simulator, time running 3,600x (an hour of engagement a second)."""
    account = {"ig_user_id": ig_user_id, "access_token": f"EAAG-{ig_user_id}", "followers": followers}
    instagram.post("/_simulator/accounts", json={**account, "engagement_speed": 3600})


def fast_audience_publisher(api, instagram, followers: int = 20000):
    """A user whose simulated account has `followers` and time running 3,600x."""
    user = api.new_user()
    user.ig_user_id = str(random.randint(10**16, 10**17))
    simulated_account(instagram, user.ig_user_id, followers)
    account = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": user.ig_user_id, "access_token": f"EAAG-{user.ig_user_id}"}
    )
    user.account_id = account.json()["id"]
    return user


def test_a_published_posts_engagement_is_collected_shown_and_announced(api, instagram):
    user = fast_audience_publisher(api, instagram)
    post = user.create_post(media=[{"url": IMAGE}])
    assert user.client.get(f"/api/v1/posts/{post['id']}/metrics").json() == {"samples": []}
    with open_socket(api.base_url, user) as socket:
        assert schedule(user, post["id"], 2).status_code == 200
        wait_for_status(user, post["id"], "published", timeout=40)
        updates = [events_until(socket, lambda e: e["type"] == "metrics_update", timeout=30)[-1]]
        updates += [events_until(socket, lambda e: e["type"] == "metrics_update", timeout=30)[-1]]
    assert all(u["post_id"] == post["id"] for u in updates)
    assert updates[1]["age_seconds"] >= updates[0]["age_seconds"]

    deadline = time.monotonic() + 30
    while len(samples := user.client.get(f"/api/v1/posts/{post['id']}/metrics").json()["samples"]) < 3:
        assert time.monotonic() < deadline, samples
        time.sleep(0.3)
    assert len(samples) == 3  # the tests' cap: collecting then ends
    likes = [s["likes"] for s in samples]
    reach = [s["reach"] for s in samples]
    assert likes == sorted(likes) and reach == sorted(reach)
    assert reach[-1] > reach[0] > 0, "engagement grows"
    assert all(s["views"] >= s["reach"] >= s["likes"] >= s["comments"] for s in samples)
    latest = user.client.get(f"/api/v1/posts/{post['id']}").json()["metrics"]
    assert latest == samples[-1]

    stranger = api.new_user()
    assert stranger.client.get(f"/api/v1/posts/{post['id']}/metrics").status_code == 404


def wait_for_samples(user, post_id: str, count: int = 3) -> list[dict]:
    deadline = time.monotonic() + 40
    while len(samples := user.client.get(f"/api/v1/posts/{post_id}/metrics").json()["samples"]) < count:
        assert time.monotonic() < deadline, samples
        time.sleep(0.3)
    return samples


def test_milestones_notify_and_posts_rank_against_the_accounts_earlier_ones(api, instagram):
    user = fast_audience_publisher(api, instagram)
    reply = user.client.post("/api/v1/notifications/preferences", json={"milestones": {"likes": [20]}})
    assert reply.status_code == 200, reply.text
    assert reply.json()["milestones"] == {"likes": [20], "reach_multiple": 2.0}
    first = user.create_post(media=[{"url": IMAGE}], caption="First")
    assert schedule(user, first["id"], 2).status_code == 200
    earlier = wait_for_samples(user, first["id"])
    assert all(s["percentile_rank"] is None for s in earlier)  # nothing to compare with

    deadline = time.monotonic() + 20
    while not (
        found := [
            n
            for n in user.client.get("/api/v1/notifications").json()["items"]
            if n["type"] == "post_milestone"
        ]
    ):
        assert time.monotonic() < deadline, "no milestone notification"
        time.sleep(0.3)
    assert found[0]["post_id"] == first["id"] and "20 likes" in found[0]["message"]
    assert len(found) == 1  # crossed once, announced once

    second = user.create_post(media=[{"url": IMAGE}], caption="Second")
    assert schedule(user, second["id"], 2).status_code == 200
    later = wait_for_samples(user, second["id"])
    assert all(s["percentile_rank"] in (0.0, 50.0, 100.0) for s in later)  # one earlier post


def milestones_of(user, post_id: str, containing: str, timeout: float = 30) -> list[dict]:
    """The post's milestone notifications, once one says `containing`."""
    deadline = time.monotonic() + timeout
    while True:
        items = user.client.get("/api/v1/notifications").json()["items"]
        found = [n for n in items if n["type"] == "post_milestone" and n["post_id"] == post_id]
        if any(containing in n["message"] for n in found):
            return found
        assert time.monotonic() < deadline, f"no milestone saying {containing!r}: {found}"
        time.sleep(0.3)


def test_a_post_reaching_a_multiple_of_the_accounts_usual_reach_is_announced(api, instagram):
    user = fast_audience_publisher(api, instagram, followers=1000)
    first = user.create_post(media=[{"url": IMAGE}], caption="Before")
    assert schedule(user, first["id"], 2).status_code == 200
    usual = wait_for_samples(user, first["id"])[-1]["reach"]
    # The audience grows a hundredfold: the next post's reach is many times the usual
    # (whatever the simulator's per-post quality, 0.6 to 1.4).
    simulated_account(instagram, user.ig_user_id, followers=100_000)
    second = user.create_post(media=[{"url": IMAGE}], caption="After")
    assert schedule(user, second["id"], 2).status_code == 200
    assert wait_for_samples(user, second["id"])[-1]["reach"] >= 2 * usual
    found = milestones_of(user, second["id"], "a reach of 2x your usual")
    # Crossed once, announced once (like counts may make milestones of their own).
    assert sum("a reach of 2x" in n["message"] for n in found) == 1
    items = user.client.get("/api/v1/notifications").json()["items"]
    assert not [n for n in items if n["type"] == "post_milestone" and n["post_id"] == first["id"]]


def test_bad_milestones_are_422(api):
    user = api.new_user()
    for body, field in (
        ({"milestones": {"likes": [0]}}, "milestones.likes.0"),
        ({"milestones": {"reach_multiple": 0.5}}, "milestones.reach_multiple"),
        ({"milestones": {"likes": [2**40]}}, "milestones.likes.0"),
    ):
        reply = user.client.post("/api/v1/notifications/preferences", json=body)
        assert reply.status_code == 422, (body, reply.text)
        assert reply.json()["error"]["fields"][0]["field"] == field


def test_a_storys_figures_are_the_ones_instagram_has_for_stories(api, instagram):
    # Stories have no likes, comments or saves: asking for them failed every collection once.
    user = fast_audience_publisher(api, instagram)
    post = user.create_post(media=[{"url": IMAGE}], post_type="story", caption="")
    assert schedule(user, post["id"], 2).status_code == 200
    wait_for_status(user, post["id"], "published", timeout=40)
    samples = wait_for_samples(user, post["id"])
    assert samples[-1]["reach"] > 0 and samples[-1]["views"] >= samples[-1]["reach"]
    assert all(s["likes"] == s["comments"] == s["saves"] == 0 for s in samples)


async def test_posts_published_together_collect_their_metrics_apart(api, instagram, system):
    """Each wait between collections is stretched by a random part of up to a fifth of itself
    (workflows/metrics/workflows.py), so that a burst's posts do not all ask Instagram in the
    same second every five minutes."""
    from temporalio.api.enums.v1 import EventType
    from temporalio.client import Client

    from workflows.contracts.metrics import interval_at, metrics_workflow_id
    from workflows.metrics.workflows import JITTER

    user = fast_audience_publisher(api, instagram)
    user.client.patch(f"/api/v1/accounts/{user.account_id}", json={"min_gap_minutes": 0})  # one second
    posts = [user.create_post(media=[{"url": IMAGE}]) for _ in range(3)]
    for post in posts:
        assert schedule(user, post["id"], 2).status_code == 200
    for post in posts:
        wait_samples = wait_for_samples(user, post["id"])
        assert len(wait_samples) == 3
    client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
    base = interval_at(0, float(system.env["POSTFLOW_METRICS_INTERVAL_SCALE"]))
    waits = []
    for post in posts:
        handle = client.get_workflow_handle(metrics_workflow_id(post["id"]))
        async for event in handle.fetch_history_events():
            if event.event_type == EventType.EVENT_TYPE_TIMER_STARTED:
                waits.append(
                    event.timer_started_event_attributes.start_to_fire_timeout.ToTimedelta().total_seconds()
                )
    assert len(waits) == 9, waits
    assert all(base <= wait <= base * (1 + JITTER) + 0.001 for wait in waits), (base, waits)
    assert len({round(wait, 3) for wait in waits}) > 1, "every wait the same: no jitter"
