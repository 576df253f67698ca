"""Starts the deployment's one MediaPurgeWorkflow, AccountUpkeepWorkflow,
ScheduleReconcileWorkflow, PreflightWorkflow, ReminderWorkflow and ReportWorkflow if they
are not running (every worker asks at start; the first one starts them)."""

import logging

from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy

from lib.common.config import Settings
from workflows.contracts.maintenance import (
    ACCOUNT_UPKEEP_WORKFLOW_ID,
    ACCOUNT_UPKEEP_WORKFLOW_NAME,
    MEDIA_PURGE_WORKFLOW_ID,
    MEDIA_PURGE_WORKFLOW_NAME,
    PREFLIGHT_WORKFLOW_ID,
    PREFLIGHT_WORKFLOW_NAME,
    REMINDER_WORKFLOW_ID,
    REMINDER_WORKFLOW_NAME,
    REPORT_WORKFLOW_ID,
    REPORT_WORKFLOW_NAME,
    SCHEDULE_RECONCILE_WORKFLOW_ID,
    SCHEDULE_RECONCILE_WORKFLOW_NAME,
    PreflightInput,
    PurgeInput,
    ReconcileInput,
    ReminderInput,
    ReportInput,
    UpkeepInput,
)

log = logging.getLogger(__name__)


async def _ensure(client: Client, settings: Settings, name: str, request, workflow_id: str) -> None:
    await client.start_workflow(
        name,
        request,
        id=workflow_id,
        task_queue=settings.temporal_task_queue,
        id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
    )
    log.info("%s: a round every %g s", workflow_id, request.interval_seconds)


async def ensure_media_purge(client: Client, settings: Settings) -> None:
    request = PurgeInput(interval_seconds=settings.media_purge_interval_seconds)
    await _ensure(client, settings, MEDIA_PURGE_WORKFLOW_NAME, request, MEDIA_PURGE_WORKFLOW_ID)


async def ensure_account_upkeep(client: Client, settings: Settings) -> None:
    request = UpkeepInput(interval_seconds=settings.account_upkeep_interval_seconds)
    await _ensure(client, settings, ACCOUNT_UPKEEP_WORKFLOW_NAME, request, ACCOUNT_UPKEEP_WORKFLOW_ID)


async def ensure_schedule_reconcile(client: Client, settings: Settings) -> None:
    request = ReconcileInput(interval_seconds=settings.schedule_reconcile_interval_seconds)
    await _ensure(client, settings, SCHEDULE_RECONCILE_WORKFLOW_NAME, request, SCHEDULE_RECONCILE_WORKFLOW_ID)


async def ensure_preflight(client: Client, settings: Settings) -> None:
    request = PreflightInput(interval_seconds=settings.preflight_interval_seconds)
    await _ensure(client, settings, PREFLIGHT_WORKFLOW_NAME, request, PREFLIGHT_WORKFLOW_ID)


async def ensure_reminders(client: Client, settings: Settings) -> None:
    request = ReminderInput(
        interval_seconds=settings.reminder_interval_seconds,
        missed_after_seconds=settings.reminder_missed_after_hours * 3600,
    )
    await _ensure(client, settings, REMINDER_WORKFLOW_NAME, request, REMINDER_WORKFLOW_ID)


async def ensure_reports(client: Client, settings: Settings) -> None:
    request = ReportInput(interval_seconds=settings.report_interval_seconds)
    await _ensure(client, settings, REPORT_WORKFLOW_NAME, request, REPORT_WORKFLOW_ID)
