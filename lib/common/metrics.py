"""Every Prometheus metric Postflow exports, in one place: their names and labels are an
interface (deploy/grafana-dashboard.json and any alert use them), and one module keeps
them from being defined twice or drifting apart.

Each process updates the ones it owns. The gateway and realtime answer `GET /metrics` on
their own HTTP port; the gRPC services and the worker, which have none, serve it on their
metrics port (`POSTFLOW_<PROCESS>_METRICS_PORT`; 0: not served). Labels are bounded sets
(route templates, not paths; Instagram's error codes, not messages)."""

import logging
import time
from contextlib import contextmanager

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from prometheus_client import start_http_server as _start_http_server

log = logging.getLogger(__name__)

# Request latencies: a millisecond to ten seconds.
_LATENCY = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

HTTP_REQUEST_SECONDS = Histogram(
    "postflow_http_request_seconds",
    "HTTP requests answered, by method, route template and status code",
    ["method", "route", "status"],
    buckets=_LATENCY,
)
GRPC_SERVER_SECONDS = Histogram(
    "postflow_grpc_server_seconds",
    "gRPC calls served, by service, method and status code",
    ["service", "method", "code"],
    buckets=_LATENCY,
)
PUBLISH_LATENESS_SECONDS = Histogram(
    "postflow_publish_lateness_seconds",
    "Instagram's publish answered, minus the post's scheduled time",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600),
)
PUBLISH_OUTCOMES = Counter(
    "postflow_publish_outcomes_total",
    "Posts whose publishing ended, by the status it ended in",
    ["status"],
)
GRAPH_API_ERRORS = Counter(
    "postflow_graph_api_errors_total",
    "Graph API errors met while publishing, by Instagram's error code, their kind, and "
    "whether the step is tried again (a retry) or not",
    ["code", "kind", "retried"],
)
POSTS = Gauge("postflow_posts", "Posts by status (deleted ones not counted)", ["status"])
WEBSOCKET_CONNECTIONS = Gauge("postflow_websocket_connections", "Open WebSocket connections")
WEBSOCKET_SLOW_CONSUMERS = Counter(
    "postflow_websocket_slow_consumers_total",
    "WebSockets closed because their client fell too far behind",
)
MEDIA_PROCESSING_SECONDS = Histogram(
    "postflow_media_processing_seconds",
    "Media processing jobs, by kind (image, video) and result (ok, failed)",
    ["kind", "result"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 1800),
)
MEDIA_QUEUE = Gauge(
    "postflow_media_queue", "Media jobs waiting or running in this process, by kind", ["kind"]
)
NOTIFICATION_DELIVERIES = Counter(
    "postflow_notification_deliveries_total",
    "Notification sends, by channel (email, webhook) and result (delivered, retrying, failed)",
    ["channel", "result"],
)


def exposition() -> tuple[bytes, str]:
    """This process's metrics in Prometheus's text format, and its content type."""
    return generate_latest(), CONTENT_TYPE_LATEST


def serve(port: int, host: str, process: str) -> None:
    """`GET /metrics` on its own port, on a thread (for a process with no HTTP server)."""
    if not port:
        return
    try:
        _start_http_server(port, addr=host)
    except OSError as err:
        # Metrics are for watching; a port clash must not stop a process that publishes.
        log.error("%s: no metrics on %s:%s (%s)", process, host, port, err)
        return
    log.info("%s metrics on %s:%s/metrics", process, host, port)


@contextmanager
def processing(kind: str):
    """Observe how long one media job runs (ok, or failed when it raised)."""
    started = time.perf_counter()
    result = "failed"
    try:
        yield
        result = "ok"
    finally:
        MEDIA_PROCESSING_SECONDS.labels(kind, result).observe(time.perf_counter() - started)


@contextmanager
def queued(kind: str):
    """Count a media job from the moment it is asked for until it is done."""
    MEDIA_QUEUE.labels(kind).inc()
    try:
        yield
    finally:
        MEDIA_QUEUE.labels(kind).dec()
