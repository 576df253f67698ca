"""PostMetricsWorkflow: one per published post; collects its engagement on a decaying
cadence (every 5 minutes the first day, hourly the first week, daily to 30 days) and
continues as new every `per_run` collections. Deterministic: its clock is workflow.now(), its
chance workflow.random().

Posts published in the same second (a burst) would collect in the same second every five
minutes for a day, and all at once after a restart: each wait is stretched by a random part
of up to JITTER of itself, so that their collections drift apart and spread out."""

from dataclasses import replace
from datetime import datetime, timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError

with workflow.unsafe.imports_passed_through():
    from workflows.contracts.metrics import METRICS_WORKFLOW_NAME, MetricsInput, interval_at
    from workflows.metrics.activities import MetricsActivities

# Patch id: workflows sleeping before the jitter replay the old waits.
JITTER_CADENCE = "jitter-metrics-cadence"
JITTER = 0.2

RETRIES = RetryPolicy(
    initial_interval=timedelta(seconds=5), maximum_interval=timedelta(minutes=5), maximum_attempts=5
)


@workflow.defn(name=METRICS_WORKFLOW_NAME)
class PostMetricsWorkflow:
    @workflow.run
    async def run(self, request: MetricsInput) -> int:
        """The number of collections made, when collecting ends."""
        published = datetime.fromisoformat(request.published_at)
        done = 0
        while True:
            if request.max_samples and request.samples + done >= request.max_samples:
                return request.samples + done
            age = (workflow.now() - published).total_seconds()
            wait = interval_at(age, request.interval_scale)
            if wait is None:
                return request.samples + done
            if workflow.patched(JITTER_CADENCE):
                wait += workflow.random().uniform(0, wait * JITTER)
            await workflow.sleep(timedelta(seconds=wait))
            try:
                collected = await workflow.execute_activity_method(
                    MetricsActivities.collect,
                    request,
                    start_to_close_timeout=timedelta(seconds=60),
                    retry_policy=RETRIES,
                )
            except ActivityError:
                continue  # Instagram or our services down for minutes: the next one will do
            if not collected.go_on:
                return request.samples + done
            done += 1
            if done >= request.per_run:
                workflow.continue_as_new(replace(request, samples=request.samples + done))
