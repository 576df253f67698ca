"""ImportPostsWorkflow: one per CSV import; a batch of rows at a time until every row has
ended. Each batch is one activity, idempotent (imports.py keeps what each row became), so a
worker that dies mid-batch leaves a batch the next attempt finishes, not a second post."""

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

with workflow.unsafe.imports_passed_through():
    from workflows.contracts.imports import IMPORT_BATCH_ACTIVITY, WORKFLOW_NAME, ImportInput

RETRIES = RetryPolicy(initial_interval=timedelta(seconds=1), maximum_interval=timedelta(minutes=2))


@workflow.defn(name=WORKFLOW_NAME)
class ImportPostsWorkflow:
    @workflow.run
    async def run(self, job: ImportInput) -> int:
        """The number of batches it took."""
        batches = 0
        while True:
            done = await workflow.execute_activity(
                IMPORT_BATCH_ACTIVITY,
                job,
                result_type=bool,
                start_to_close_timeout=timedelta(minutes=10),
                heartbeat_timeout=timedelta(minutes=2),
                retry_policy=RETRIES,
            )
            batches += 1
            if done:
                return batches
