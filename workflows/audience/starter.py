"""Starts the deployment's one AudienceLearningWorkflow if it is not running (every worker
asks at start; the first one starts it)."""

from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy

from lib.common.config import Settings
from workflows.contracts.audience import AUDIENCE_WORKFLOW_ID, AUDIENCE_WORKFLOW_NAME, AudienceInput


async def ensure_audience_learning(client: Client, settings: Settings) -> None:
    await client.start_workflow(
        AUDIENCE_WORKFLOW_NAME,
        AudienceInput(
            interval_seconds=settings.audience_round_seconds,
            stale_after_seconds=settings.audience_refit_seconds,
        ),
        id=AUDIENCE_WORKFLOW_ID,
        task_queue=settings.temporal_task_queue,
        id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
    )
