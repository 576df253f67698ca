"""Every process answers GET /metrics in Prometheus's format, and what it counts follows
what happened: a request, a gRPC call, a post published (its lateness and outcome), a
Graph API error, the waiting posts, an open WebSocket, an image processed."""

import time

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.scraped_metrics import metrics_url, sample, wait_for
from tests.services.media.helpers import image_bytes, upload
from tests.services.realtime.clients import open_socket
from tests.services.scheduler.publishing import IMAGE, arm, schedule, wait_for_status

PROCESSES = ("gateway", "realtime", "users", "posts", "scheduler", "media", "worker")


def test_every_process_serves_its_metrics_in_prometheus_format(system):
    for process in PROCESSES:
        reply = httpx.get(metrics_url(system, process), timeout=10)
        assert reply.status_code == 200, process
        assert reply.headers["content-type"].startswith("text/plain"), process
        names = {family.name for family in text_string_to_metric_families(reply.text)}
        assert (
            "postflow_http_request_seconds" in names
            or "postflow_grpc_server_seconds" in names
            or (process == "worker" and "postflow_publish_lateness_seconds" in names)
        ), process


def test_a_request_through_the_ingress_is_not_shown_the_metrics(system):
    forwarded = httpx.get(metrics_url(system, "gateway"), headers={"X-Forwarded-For": "203.0.113.5"})
    assert forwarded.status_code == 404
    assert "postflow_" not in forwarded.text


def test_a_published_post_is_timed_counted_and_its_calls_observed(system, publisher):
    worker, posts, gateway = (metrics_url(system, p) for p in ("worker", "posts", "gateway"))
    late_before = sample(worker, "postflow_publish_lateness_seconds_count")
    # Earlier posts may have gone out late on purpose (one waited for its account's reconnect).
    on_time_before = sample(worker, "postflow_publish_lateness_seconds_bucket", le="10.0")
    published_before = sample(worker, "postflow_publish_outcomes_total", status="published")
    route = {"method": "GET", "route": "/api/v1/posts/{post_id}", "status": "200"}
    gets_before = sample(gateway, "postflow_http_request_seconds_count", **route)

    post = publisher.create_post(media=[{"url": IMAGE}])
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published")
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").status_code == 200

    assert wait_for(worker, "postflow_publish_lateness_seconds_count", late_before + 1) >= late_before + 1
    # Held until its second: published within the first buckets, never minutes late.
    assert sample(worker, "postflow_publish_lateness_seconds_bucket", le="10.0") >= on_time_before + 1
    assert (
        wait_for(worker, "postflow_publish_outcomes_total", published_before + 1, status="published")
        >= published_before + 1
    )
    assert sample(gateway, "postflow_http_request_seconds_count", **route) >= gets_before + 1
    started = sample(
        posts,
        "postflow_grpc_server_seconds_count",
        service="postflow.posts.v1.Posts",
        method="StartPublishing",
        code="OK",
    )
    assert started >= 1
    # An unknown path is one series, whatever was asked for.
    httpx.get(f"{system.base_url}/no/such/{time.time_ns()}")
    assert (
        sample(gateway, "postflow_http_request_seconds_count", method="GET", route="unmatched", status="404")
        >= 1
    )


def test_the_posts_waiting_in_each_state_are_counted(system, publisher, db):
    """The gauge is every user's: it must come to what the database holds (other tests'
    posts come and go meanwhile), with these three posts in it and then without them."""
    posts = metrics_url(system, "posts")
    later = [publisher.create_post() for _ in range(3)]
    for hours, post in enumerate(later, start=1):
        assert schedule(publisher, post["id"], 3600 * hours).status_code == 200
    assert _counted_as_stored(db, posts, publisher.id, mine=3) >= 3
    for post in later:
        assert publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule").status_code == 200
    _counted_as_stored(db, posts, publisher.id, mine=0)


def _counted_as_stored(db, url: str, user_id: str, *, mine: int) -> float:
    """Once the gauge (counted every 10 s) equals the database's count of scheduled posts,
    `mine` of them this test's: that count."""
    deadline = time.monotonic() + 30
    while True:
        stored, own = db.execute(
            "SELECT count(*), count(*) FILTER (WHERE user_id = %s) "
            "FROM posts.posts WHERE status = 'scheduled' AND deleted_at IS NULL",
            (user_id,),
        ).fetchone()
        counted = sample(url, "postflow_posts", status="scheduled")
        if counted == stored and own == mine:
            return counted
        assert time.monotonic() < deadline, f"counted {counted}, stored {stored}"
        time.sleep(0.3)


def test_a_graph_api_error_is_counted_by_its_code_and_whether_it_is_retried(system, publisher, instagram):
    worker = metrics_url(system, "worker")
    labels = {"code": "9004", "kind": "MediaRejected", "retried": "no"}
    before = sample(worker, "postflow_graph_api_errors_total", **labels)
    post = publisher.create_post(media=[{"url": IMAGE}])
    arm(instagram, publisher, "media_fetch_failure", "create")
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "failed", timeout=40)
    assert wait_for(worker, "postflow_graph_api_errors_total", before + 1, **labels) >= before + 1
    failed = sample(worker, "postflow_publish_outcomes_total", status="failed")
    assert failed >= 1


def test_open_websockets_are_counted(system, publisher):
    realtime = metrics_url(system, "realtime")
    before = sample(realtime, "postflow_websocket_connections")
    with open_socket(system.base_url, publisher):
        assert sample(realtime, "postflow_websocket_connections") == before + 1
    deadline = time.monotonic() + 10
    while sample(realtime, "postflow_websocket_connections") != before:
        assert time.monotonic() < deadline, "the closed socket is still counted"
        time.sleep(0.1)


def test_image_processing_is_timed(system, api):
    media = metrics_url(system, "media")
    labels = {"kind": "image", "result": "ok"}
    before = sample(media, "postflow_media_processing_seconds_count", **labels)
    user = api.new_user()
    assert upload(user, image_bytes((1200, 1200))).status_code == 201
    assert sample(media, "postflow_media_processing_seconds_count", **labels) >= before + 1
    assert sample(media, "postflow_media_queue", kind="image") == 0


def test_the_worker_serves_the_temporal_sdks_own_metrics(system, publisher):
    post = publisher.create_post(media=[{"url": IMAGE}])
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published")
    reply = httpx.get(metrics_url(system, "worker_sdk"), timeout=10)
    assert reply.status_code == 200
    names = {family.name for family in text_string_to_metric_families(reply.text)}
    # Task slots (is the worker saturated?) and schedule-to-start latency (is it keeping up?).
    assert "temporal_worker_task_slots_available" in names
    assert any(name.startswith("temporal_workflow_task_schedule_to_start_latency") for name in names), names
    assert any(name.startswith("temporal_activity_schedule_to_start_latency") for name in names), names
