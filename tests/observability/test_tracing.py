"""One trace follows a post: from the REST call that schedules it, through gRPC and the
Temporal workflow that sleeps, to the Graph API call that publishes it and the NATS event
that reaches the user's tab; exported over OTLP to a collector, and in the JSON log lines.

A Postflow of this module's own exports to a receiver the test runs (the suite's system
exports nothing, as a default deployment)."""

import json
import secrets
import time
from pathlib import Path

import httpx
import pytest

from devtools import postgres, stack
from services.migrate import migrate_all
from tests.drills import batch
from tests.drills.live_tabs import LiveTab
from tests.factories import Api
from tests.observability.otlp_collector import Collector
from tests.services.scheduler.publishing import IMAGE, schedule, wait_for_status


@pytest.fixture(scope="module")
def collector():
    receiver = Collector()
    yield receiver
    receiver.close()


@pytest.fixture(scope="module")
def traced_system(database_server_url, graph_simulator, collector, tmp_path_factory):
    database = postgres.create_scratch_database(database_server_url, prefix="postflow_traced")
    migrate_all(database)
    running = stack.start(
        database,
        Path(tmp_path_factory.mktemp("traced")),
        extra_env={
            "POSTFLOW_META_SIMULATOR_URL": graph_simulator,
            "POSTFLOW_PUBLISH_LEAD_SECONDS": "1",
            "POSTFLOW_OTLP_ENDPOINT": collector.endpoint,
            # The SDK's batch export, every 200 ms rather than 5 s.
            "OTEL_BSP_SCHEDULE_DELAY": "200",
        },
    )
    yield running
    running.stop()
    postgres.drop_database(database_server_url, database)


def _traceparent() -> tuple[str, str]:
    trace_id = secrets.token_hex(16)
    return trace_id, f"00-{trace_id}-{secrets.token_hex(8)}-01"


# Each step of a post's way, as the span it makes: (process, kind, words in its name).
EXPECTED = {
    "the REST call": ("gateway", "SPAN_KIND_SERVER", "POST /api/v1/posts/{post_id}/schedule"),
    "the scheduler's gRPC call": ("scheduler", "SPAN_KIND_SERVER", "Scheduler/SchedulePost"),
    "the workflow started": ("scheduler", "SPAN_KIND_CLIENT", "StartWorkflow:PublishPostWorkflow"),
    "the workflow run": ("worker", "SPAN_KIND_SERVER", "RunWorkflow:PublishPostWorkflow"),
    "the publish activity": ("worker", "SPAN_KIND_SERVER", "RunActivity:publish"),
    "the posts service called": ("posts", "SPAN_KIND_SERVER", "Posts/StartPublishing"),
    "a Graph API call": ("worker", "SPAN_KIND_CLIENT", "POST"),
    "the notifier's event": ("realtime", "SPAN_KIND_CONSUMER", "notify"),
    "the event to the tab": ("realtime", "SPAN_KIND_CONSUMER", "fan out to websockets"),
}


def _found(spans: list, process: str, kind: str, name: str) -> list:
    return [s for s in spans if s.service == f"postflow-{process}" and s.kind == kind and name in s.name]


def _missing(spans: list) -> list[str]:
    steps = [step for step, wanted in EXPECTED.items() if not _found(spans, *wanted)]
    ids = {s.span_id for s in spans}
    # One tree: every span's parent is in the trace, except the REST call's (the caller's).
    orphans = [f"{s.service} {s.name}" for s in spans if s.parent_id not in ids and "/schedule" not in s.name]
    return steps + [f"the parent of {orphan}" for orphan in orphans]


def test_one_trace_follows_a_post_from_the_rest_call_to_instagram_and_the_users_tab(
    traced_system, graph_simulator, collector
):
    instagram = httpx.Client(base_url=graph_simulator, timeout=10)
    (user,) = batch.publishers(Api(traced_system.base_url), instagram, accounts=1)
    tab = LiveTab(traced_system.base_url, user).open()
    try:
        post = user.create_post(caption="Traced all the way", media=[{"url": IMAGE}])
        trace_id, traceparent = _traceparent()
        user.client.headers["traceparent"] = traceparent
        assert schedule(user, post["id"], 3).status_code == 200
        del user.client.headers["traceparent"]
        wait_for_status(user, post["id"], "published")
        deadline = time.monotonic() + 30
        while _missing(spans := collector.trace(trace_id)) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        tab.close()

    assert not _missing(spans), _missing(spans)
    (rest,) = _found(spans, *EXPECTED["the REST call"])
    assert rest.attributes["http.route"] == "/api/v1/posts/{post_id}/schedule"
    # The publish among the Graph API calls, made to the simulator.
    urls = [
        s.attributes.get("url.full") or s.attributes.get("http.url", "")
        for s in _found(spans, "worker", "SPAN_KIND_CLIENT", "POST")
    ]
    assert any(url.startswith(graph_simulator) and url.endswith("/media_publish") for url in urls), urls

    # The worker's log line of the publish is JSON and carries the trace id.
    lines = (traced_system.log_dir / "worker.log").read_text().splitlines()
    entries = [json.loads(line) for line in lines if line.startswith("{")]
    (published,) = [
        e for e in entries if post["id"] in e["message"] and "published on Instagram" in e["message"]
    ]
    assert published["trace_id"] == trace_id
    assert published["level"] == "INFO" and published["process"] == "worker"
    # Which activity of which workflow, as fields rather than a dict written into the message.
    assert published["temporal_activity"]["activity_type"] == "publish"
    assert post["id"] in published["temporal_activity"]["workflow_id"]
    assert "{" not in published["message"]


def test_no_secret_from_a_url_is_exported(traced_system, collector):
    user = Api(traced_system.base_url).new_user()
    feed = user.client.post("/api/v1/calendar/feed").json()
    feed_token = feed["url"].rsplit("/", 1)[1].removesuffix(".ics")
    assert httpx.get(feed["url"], timeout=10).status_code == 200
    confirmation = "a-confirmation-token-" + secrets.token_hex(8)
    user.client.get("/api/v1/notifications/email/confirm", params={"token": confirmation})

    def routes(found):
        return {s.attributes.get("http.route") for s in found}

    deadline = time.monotonic() + 20
    while not {"/api/v1/calendar/feed/{token}.ics", "/api/v1/notifications/email/confirm"} <= routes(
        collector.all()
    ):
        assert time.monotonic() < deadline, routes(collector.all())
        time.sleep(0.2)
    exported = json.dumps([s.attributes for s in collector.all()])
    assert feed_token not in exported and confirmation not in exported
    assert "/api/v1/calendar/feed/{token}.ics" in exported


def test_probes_and_scrapes_make_no_spans(traced_system, collector):
    before = len(collector.all())
    for path in ("/healthz", "/readyz", "/metrics"):
        httpx.get(f"{traced_system.base_url}{path}", timeout=10)
    marker = httpx.get(f"{traced_system.base_url}/api/v1/posts", timeout=10)  # a 401, traced
    assert marker.status_code == 401
    deadline = time.monotonic() + 20
    while not any(s.attributes.get("http.route") == "/api/v1/posts" for s in collector.all()[before:]):
        assert time.monotonic() < deadline
        time.sleep(0.2)
    paths = {s.attributes.get("url.path") for s in collector.all()[before:]}
    assert not paths & {"/healthz", "/readyz", "/metrics"}
