"""The CSV import's one activity: make a batch of rows' posts (the posts service), schedule
those with a time through the scheduler (every check a schedule gets: the account, the
minimum gap, the publishing limit, a time the clocks skip), and record each outcome."""

import grpc
from temporalio import activity

from lib.common.grpc_errors import from_rpc_error
from protos import posts_pb2, posts_pb2_grpc, scheduler_pb2, scheduler_pb2_grpc
from workflows.contracts.imports import IMPORT_BATCH_ACTIVITY, ImportInput

# The scheduler or the posts service away: the batch is tried again (what is recorded stays).
RETRIED = (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.INTERNAL)


class ImportActivities:
    def __init__(
        self, *, posts: posts_pb2_grpc.PostsStub, scheduler: scheduler_pb2_grpc.SchedulerStub
    ) -> None:
        self._posts = posts
        self._scheduler = scheduler

    @activity.defn(name=IMPORT_BATCH_ACTIVITY)
    async def import_batch(self, job: ImportInput) -> bool:
        """True once every row of the import has ended."""
        made = await self._posts.AdvanceImport(
            posts_pb2.AdvanceImportRequest(import_id=job.import_id, limit=job.batch), timeout=60
        )
        # A batch cut short (the scheduler away) is tried again whole: a row scheduled by the
        # first attempt then answers already_scheduled, and is recorded as scheduled.
        outcomes = []
        for item in made.to_schedule:
            outcomes.append(await self._schedule(made.user_id, item))
            activity.heartbeat(item.row)
        recorded = await self._posts.RecordImportOutcomes(
            posts_pb2.RecordImportRequest(import_id=job.import_id, outcomes=outcomes), timeout=60
        )
        return recorded.done

    async def _schedule(self, user_id: str, item: posts_pb2.ImportToSchedule) -> posts_pb2.ImportOutcome:
        try:
            await self._scheduler.SchedulePost(
                scheduler_pb2.SchedulePostRequest(
                    user_id=user_id,
                    post_id=item.post_id,
                    account_id=item.account_id,
                    local_time=item.local_time,
                    timezone=item.timezone,
                ),
                timeout=30,
            )
        except grpc.aio.AioRpcError as err:
            if err.code() in RETRIED:
                raise
            refused = from_rpc_error(err)
            if refused is None:
                raise
            if refused.code == "already_scheduled":
                # Scheduled by an earlier attempt of this batch, whose answer was lost.
                return posts_pb2.ImportOutcome(row=item.row, outcome="scheduled")
            why = "; ".join(f"{v.field}: {v.message}" for v in refused.violations) or refused.message
            return posts_pb2.ImportOutcome(row=item.row, outcome="failed", message=why)
        return posts_pb2.ImportOutcome(row=item.row, outcome="scheduled")
