"""Starts the deployment's one MediaPurgeWorkflow and one AccountUpkeepWorkflow if they are
not running (every worker asks at start; the first one starts them)."""

import logging

from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy

from lib.common.config import Settings
from workflows.contracts.maintenance import (
    ACCOUNT_UPKEEP_WORKFLOW_ID,
    ACCOUNT_UPKEEP_WORKFLOW_NAME,
    MEDIA_PURGE_WORKFLOW_ID,
    MEDIA_PURGE_WORKFLOW_NAME,
    PurgeInput,
    UpkeepInput,
)

log = logging.getLogger(__name__)


async def ensure_media_purge(client: Client, settings: Settings) -> None:
    await client.start_workflow(
        MEDIA_PURGE_WORKFLOW_NAME,
        PurgeInput(interval_seconds=settings.media_purge_interval_seconds),
        id=MEDIA_PURGE_WORKFLOW_ID,
        task_queue=settings.temporal_task_queue,
        id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
    )
    log.info("media purge: a round every %g s", settings.media_purge_interval_seconds)


async def ensure_account_upkeep(client: Client, settings: Settings) -> None:
    await client.start_workflow(
        ACCOUNT_UPKEEP_WORKFLOW_NAME,
        UpkeepInput(interval_seconds=settings.account_upkeep_interval_seconds),
        id=ACCOUNT_UPKEEP_WORKFLOW_ID,
        task_queue=settings.temporal_task_queue,
        id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
    )
    log.info("account upkeep: a round every %g s", settings.account_upkeep_interval_seconds)
