"""Starts the deployment's one MediaPurgeWorkflow, AccountUpkeepWorkflow and
ScheduleReconcileWorkflow if they are not running (every worker asks at start; the first one starts them)."""

import logging

from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy

from lib.common.config import Settings
from workflows.contracts.maintenance import (
    ACCOUNT_UPKEEP_WORKFLOW_ID,
    ACCOUNT_UPKEEP_WORKFLOW_NAME,
    MEDIA_PURGE_WORKFLOW_ID,
    MEDIA_PURGE_WORKFLOW_NAME,
    SCHEDULE_RECONCILE_WORKFLOW_ID,
    SCHEDULE_RECONCILE_WORKFLOW_NAME,
    PurgeInput,
    ReconcileInput,
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
