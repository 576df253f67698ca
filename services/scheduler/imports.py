"""Starting a CSV import's workflow (the posts service keeps the import and its rows)."""

from temporalio.client import Client
from temporalio.common import WorkflowIDReusePolicy
from temporalio.exceptions import WorkflowAlreadyStartedError

from lib.common.config import Settings
from workflows.contracts.imports import WORKFLOW_NAME, ImportInput, workflow_id


async def start(temporal: Client, settings: Settings, *, user_id: str, import_id: str) -> bool:
    """True if started now; False when it was started before (running or finished: an import
    runs once, whoever asks again)."""
    try:
        await temporal.start_workflow(
            WORKFLOW_NAME,
            ImportInput(import_id=import_id, user_id=user_id, batch=settings.import_batch_rows),
            id=workflow_id(import_id),
            task_queue=settings.temporal_task_queue,
            id_reuse_policy=WorkflowIDReusePolicy.REJECT_DUPLICATE,
        )
    except WorkflowAlreadyStartedError:
        return False
    return True
