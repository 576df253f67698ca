"""The Temporal worker process: python -m workflows.worker"""

import asyncio
import logging
import os
import signal
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import uvloop
from temporalio.runtime import PrometheusConfig, Runtime, TelemetryConfig
from temporalio.worker import Worker

from lib.common import process_telemetry, service_identity, temporal_client
from lib.common.config import get_settings
from lib.common.events import EventPublisher
from lib.common.metrics import serve as serve_metrics
from lib.common.token_vault import TokenVault
from lib.instagram.graph_api import GraphApiClient
from protos import media_pb2_grpc, posts_pb2_grpc, realtime_pb2_grpc, scheduler_pb2_grpc
from workflows.audience.activities import AudienceActivities
from workflows.audience.starter import ensure_audience_learning
from workflows.audience.workflows import AudienceLearningWorkflow
from workflows.imports.activities import ImportActivities
from workflows.imports.workflows import ImportPostsWorkflow
from workflows.maintenance.activities import MaintenanceActivities
from workflows.maintenance.starter import (
    ensure_account_upkeep,
    ensure_media_purge,
    ensure_preflight,
    ensure_reminders,
    ensure_reports,
    ensure_schedule_reconcile,
)
from workflows.maintenance.workflows import (
    AccountUpkeepWorkflow,
    MediaPurgeWorkflow,
    PreflightWorkflow,
    ReminderWorkflow,
    ReportWorkflow,
    ScheduleReconcileWorkflow,
)
from workflows.metrics.activities import MetricsActivities
from workflows.metrics.starter import MetricsStarter
from workflows.metrics.workflows import PostMetricsWorkflow
from workflows.publishing.activities import PublishingActivities, Waits
from workflows.publishing.first_comment import FirstCommentActivities
from workflows.publishing.workflows import FirstCommentWorkflow, PublishPostWorkflow
from workflows.recurring.activities import SeriesActivities
from workflows.recurring.workflows import RecurringPostWorkflow

log = logging.getLogger(__name__)

# Touched every ALIVE_SECONDS while the event loop runs: the container's health check
# (python -m lib.common.health_probe fresh ...), the worker having no port to probe.
ALIVE_FILE = Path(tempfile.gettempdir()) / "postflow-worker-alive"
ALIVE_SECONDS = 10.0


async def keep_touching(path: Path) -> None:
    while True:
        await asyncio.to_thread(path.touch)
        await asyncio.sleep(ALIVE_SECONDS)


WORKFLOWS = [
    PublishPostWorkflow,
    FirstCommentWorkflow,
    RecurringPostWorkflow,
    PostMetricsWorkflow,
    MediaPurgeWorkflow,
    AudienceLearningWorkflow,
    AccountUpkeepWorkflow,
    ScheduleReconcileWorkflow,
    ImportPostsWorkflow,
    PreflightWorkflow,
    ReminderWorkflow,
    ReportWorkflow,
]


def activity_functions(
    publishing: PublishingActivities,
    series: SeriesActivities,
    metrics: MetricsActivities | None = None,
    maintenance: MaintenanceActivities | None = None,
    audience: AudienceActivities | None = None,
    first_comment: FirstCommentActivities | None = None,
    imports: ImportActivities | None = None,
) -> list:
    """Every activity the workflows call (tests register the same list)."""
    functions = [
        publishing.prepare,
        publishing.publish,
        publishing.reconcile,
        publishing.record_result,
        series.next_occurrences,
        series.create_occurrence,
    ]
    if metrics is not None:
        functions.append(metrics.collect)
    if maintenance is not None:
        functions.extend(
            [
                maintenance.purge_deleted_media,
                maintenance.keep_accounts_connected,
                maintenance.reconcile_schedules,
                maintenance.preflight_round,
                maintenance.reminder_round,
                maintenance.report_round,
            ]
        )
    if audience is not None:
        functions.append(audience.learn)
    if first_comment is not None:
        functions.append(first_comment.post_first_comment)
    if imports is not None:
        functions.append(imports.import_batch)
    return functions


def keep_compiled_workflows() -> None:
    """Temporal's sandbox imports a workflow's module afresh for every workflow it runs.
    Without a bytecode cache (PYTHONDONTWRITEBYTECODE, common in container images) each
    run compiles the source again: measured, a third of the worker's CPU while 1,000 posts
    were being scheduled. So the cache is written, beside the code or, where the code is
    read-only, under the temp dir."""
    sys.dont_write_bytecode = False
    if sys.pycache_prefix is None and not os.access(Path(__file__).resolve().parent, os.W_OK):
        sys.pycache_prefix = str(Path(tempfile.gettempdir()) / "postflow-pycache")


def sdk_runtime(settings) -> Runtime | None:
    """A Temporal runtime that serves the SDK's own metrics (task slots, schedule-to-start
    latency, polls, sticky cache) in the Prometheus format; None: the default runtime."""
    if not settings.worker_sdk_metrics_port:
        return None
    address = f"{settings.grpc_listen_host}:{settings.worker_sdk_metrics_port}"
    try:
        runtime = Runtime(telemetry=TelemetryConfig(metrics=PrometheusConfig(bind_address=address)))
    except ValueError as err:
        # As with the worker's own metrics: a port clash must not stop a worker that publishes.
        log.error("worker: no Temporal SDK metrics on %s (%s)", address, err)
        return None
    log.info("worker: Temporal SDK metrics on %s/metrics", address)
    return runtime


async def main() -> None:
    keep_compiled_workflows()
    settings = get_settings()
    client = await temporal_client.connect(
        settings.temporal_address, settings.temporal_namespace, runtime=sdk_runtime(settings)
    )
    posts_channel = service_identity.channel(settings, caller="worker", service="posts")
    scheduler_channel = service_identity.channel(settings, caller="worker", service="scheduler")
    media_channel = service_identity.channel(settings, caller="worker", service="media")
    realtime_channel = service_identity.channel(settings, caller="worker", service="realtime")
    graph = GraphApiClient.from_settings(settings)
    events = EventPublisher(
        settings.nats_url, settings.events_retention_hours * 3600, settings.events_replicas
    )
    # Instagram tokens arrive sealed and are opened here, where they are used.
    vault = TokenVault(settings)
    activities = PublishingActivities(
        posts=posts_pb2_grpc.PostsStub(posts_channel),
        scheduler=scheduler_pb2_grpc.SchedulerStub(scheduler_channel),
        media=media_pb2_grpc.MediaStub(media_channel),
        graph=graph,
        events=events,
        vault=vault,
        waits=Waits(
            rate_limited=timedelta(seconds=settings.rate_limit_wait_seconds),
            publish_limit=timedelta(seconds=settings.publish_limit_wait_seconds),
            not_ready=timedelta(seconds=settings.container_not_ready_wait_seconds),
        ),
        unknown_after_attempts=settings.publish_unknown_after_attempts,
        busy_limit=settings.worker_concurrency,
        on_published=MetricsStarter(
            client,
            task_queue=settings.temporal_task_queue,
            interval_scale=settings.metrics_interval_scale,
            max_samples=settings.metrics_max_samples,
        ).start,
    )
    series = SeriesActivities(posts=posts_pb2_grpc.PostsStub(posts_channel))
    metrics = MetricsActivities(
        posts=posts_pb2_grpc.PostsStub(posts_channel),
        scheduler=scheduler_pb2_grpc.SchedulerStub(scheduler_channel),
        graph=graph,
        vault=vault,
        throttle_pause_seconds=settings.rate_limit_wait_seconds,
    )
    worker = Worker(
        client,
        task_queue=settings.temporal_task_queue,
        workflows=WORKFLOWS,
        activities=activity_functions(
            activities,
            series,
            metrics,
            MaintenanceActivities(
                media=media_pb2_grpc.MediaStub(media_channel),
                scheduler=scheduler_pb2_grpc.SchedulerStub(scheduler_channel),
                posts=posts_pb2_grpc.PostsStub(posts_channel),
                realtime=realtime_pb2_grpc.RealtimeStub(realtime_channel),
            ),
            AudienceActivities(
                scheduler=scheduler_pb2_grpc.SchedulerStub(scheduler_channel), graph=graph, vault=vault
            ),
            FirstCommentActivities(
                posts=posts_pb2_grpc.PostsStub(posts_channel),
                scheduler=scheduler_pb2_grpc.SchedulerStub(scheduler_channel),
                graph=graph,
                vault=vault,
            ),
            ImportActivities(
                posts=posts_pb2_grpc.PostsStub(posts_channel),
                scheduler=scheduler_pb2_grpc.SchedulerStub(scheduler_channel),
            ),
        ),
        # Every sleeping workflow stays cached: a burst of due posts then costs no replays.
        max_cached_workflows=settings.worker_cached_workflows,
        max_concurrent_workflow_tasks=settings.worker_concurrency,
        max_concurrent_activities=settings.worker_activity_slots,
        max_concurrent_workflow_task_polls=10,
        max_concurrent_activity_task_polls=10,
        # Stopping (a deploy, a scale-down): running activities get this long to finish
        # before they are cancelled, so that a publish held for its second goes out.
        graceful_shutdown_timeout=timedelta(seconds=settings.worker_shutdown_grace_seconds),
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    log.info(
        "publishing worker on task queue %s at %s", settings.temporal_task_queue, settings.temporal_address
    )
    serve_metrics(settings.worker_metrics_port, settings.grpc_listen_host, "worker")
    alive = asyncio.create_task(keep_touching(ALIVE_FILE))
    async with worker:
        await ensure_media_purge(client, settings)
        await ensure_account_upkeep(client, settings)
        await ensure_schedule_reconcile(client, settings)
        await ensure_preflight(client, settings)
        await ensure_reminders(client, settings)
        await ensure_reports(client, settings)
        await ensure_audience_learning(client, settings)
        await stop.wait()
    alive.cancel()
    await events.close()
    await graph.close()
    await posts_channel.close()
    await scheduler_channel.close()
    await media_channel.close()
    await realtime_channel.close()


if __name__ == "__main__":
    process_telemetry.setup("worker", get_settings())
    uvloop.run(main())
