"""The deployment's durable periodic jobs, one each (fixed ids), started by every worker at
start (the second start finds it running); each continues as new every `rounds_per_run`:

- MediaPurgeWorkflow removes deleted media's files once their grace period is over;
- AccountUpkeepWorkflow keeps Instagram accounts connected (services/scheduler/account_health.py);
- ScheduleReconcileWorkflow makes scheduled posts and their workflows agree
  (services/scheduler/reconciler.py);
- PreflightWorkflow checks scheduled posts a day before and in their last hour
  (services/scheduler/preflight.py);
- ReminderWorkflow sends the reminders of posts published by hand (services/posts/reminders.py);
- ReportWorkflow mails the scheduled reports (services/posts/report_schedules.py).
"""

from dataclasses import replace
from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError

with workflow.unsafe.imports_passed_through():
    from workflows.contracts.maintenance import (
        ACCOUNT_UPKEEP_WORKFLOW_NAME,
        MEDIA_PURGE_WORKFLOW_NAME,
        PREFLIGHT_WORKFLOW_NAME,
        REMINDER_WORKFLOW_NAME,
        REPORT_WORKFLOW_NAME,
        SCHEDULE_RECONCILE_WORKFLOW_NAME,
        PreflightInput,
        PurgeInput,
        ReconcileInput,
        ReminderInput,
        ReportInput,
        UpkeepInput,
    )
    from workflows.maintenance.activities import MaintenanceActivities

RETRIES = RetryPolicy(
    initial_interval=timedelta(seconds=5), maximum_interval=timedelta(minutes=5), maximum_attempts=5
)


@workflow.defn(name=MEDIA_PURGE_WORKFLOW_NAME)
class MediaPurgeWorkflow:
    @workflow.run
    async def run(self, request: PurgeInput) -> None:
        for _ in range(request.rounds_per_run):
            try:
                await workflow.execute_activity_method(
                    MaintenanceActivities.purge_deleted_media,
                    request,
                    start_to_close_timeout=timedelta(minutes=30),
                    heartbeat_timeout=timedelta(minutes=2),
                    retry_policy=RETRIES,
                )
            except ActivityError:
                pass  # storage or the media service away: the next round catches up
            await workflow.sleep(timedelta(seconds=request.interval_seconds))
        workflow.continue_as_new(replace(request))


@workflow.defn(name=ACCOUNT_UPKEEP_WORKFLOW_NAME)
class AccountUpkeepWorkflow:
    @workflow.run
    async def run(self, request: UpkeepInput) -> None:
        for _ in range(request.rounds_per_run):
            try:
                await workflow.execute_activity_method(
                    MaintenanceActivities.keep_accounts_connected,
                    request,
                    start_to_close_timeout=timedelta(minutes=10),
                    retry_policy=RETRIES,
                )
            except ActivityError:
                pass  # the scheduler or Meta away: the next round catches up
            await workflow.sleep(timedelta(seconds=request.interval_seconds))
        workflow.continue_as_new(replace(request))


@workflow.defn(name=SCHEDULE_RECONCILE_WORKFLOW_NAME)
class ScheduleReconcileWorkflow:
    @workflow.run
    async def run(self, request: ReconcileInput) -> None:
        for _ in range(request.rounds_per_run):
            # A round reads every scheduled post and workflow: never at start-up, when the
            # system is busiest with requests (an operator runs one at once by hand).
            await workflow.sleep(timedelta(seconds=request.interval_seconds))
            try:
                await workflow.execute_activity_method(
                    MaintenanceActivities.reconcile_schedules,
                    request,
                    start_to_close_timeout=timedelta(minutes=15),
                    retry_policy=RETRIES,
                )
            except ActivityError:
                pass  # the scheduler away: the next round catches up
        workflow.continue_as_new(replace(request))


async def _rounds(request, step, step_limit: timedelta, *, sleep_first: bool = False) -> None:
    """`request.rounds_per_run` rounds of `step`, `request.interval_seconds` apart, then
    continue as new. A round that fails (a service away) is left to the next one."""
    for _ in range(request.rounds_per_run):
        if sleep_first:
            await workflow.sleep(timedelta(seconds=request.interval_seconds))
        try:
            await workflow.execute_activity_method(
                step,
                request,
                start_to_close_timeout=step_limit,
                heartbeat_timeout=step_limit,
                retry_policy=RETRIES,
            )
        except ActivityError:
            pass
        if not sleep_first:
            await workflow.sleep(timedelta(seconds=request.interval_seconds))
    workflow.continue_as_new(replace(request))


@workflow.defn(name=PREFLIGHT_WORKFLOW_NAME)
class PreflightWorkflow:
    @workflow.run
    async def run(self, request: PreflightInput) -> None:
        # Not at start-up, when the system is busiest; then a round every interval.
        await _rounds(request, MaintenanceActivities.preflight_round, timedelta(minutes=15), sleep_first=True)


@workflow.defn(name=REMINDER_WORKFLOW_NAME)
class ReminderWorkflow:
    @workflow.run
    async def run(self, request: ReminderInput) -> None:
        await _rounds(request, MaintenanceActivities.reminder_round, timedelta(minutes=5))


@workflow.defn(name=REPORT_WORKFLOW_NAME)
class ReportWorkflow:
    @workflow.run
    async def run(self, request: ReportInput) -> None:
        await _rounds(request, MaintenanceActivities.report_round, timedelta(minutes=30))
