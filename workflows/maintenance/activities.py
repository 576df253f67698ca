"""Activities of the maintenance workflows: each asks the service that owns the data."""

from temporalio import activity

from protos import media_pb2, media_pb2_grpc, scheduler_pb2, scheduler_pb2_grpc
from workflows.contracts import maintenance
from workflows.contracts.maintenance import (
    PurgeInput,
    PurgeRound,
    ReconcileInput,
    ReconcileRound,
    UpkeepInput,
    UpkeepRound,
)

BATCH = 200


class MaintenanceActivities:
    def __init__(
        self, *, media: media_pb2_grpc.MediaStub, scheduler: scheduler_pb2_grpc.SchedulerStub
    ) -> None:
        self._media = media
        self._scheduler = scheduler

    @activity.defn(name=maintenance.KEEP_ACCOUNTS_CONNECTED_ACTIVITY)
    async def keep_accounts_connected(self, request: UpkeepInput) -> UpkeepRound:
        """One round of the scheduler's account upkeep (idempotent: a token refreshed is not
        due again, a warning is given once)."""
        kept = await self._scheduler.KeepAccountsConnected(
            scheduler_pb2.KeepAccountsConnectedRequest(), timeout=300
        )
        return UpkeepRound(kept.refreshed, kept.checked, kept.needs_reauth, kept.warned)

    @activity.defn(name=maintenance.RECONCILE_SCHEDULES_ACTIVITY)
    async def reconcile_schedules(self, request: ReconcileInput) -> ReconcileRound:
        """One round of the scheduler's schedule reconciler (idempotent: what agrees is left
        as it is)."""
        report = await self._scheduler.ReconcileSchedules(
            scheduler_pb2.ReconcileSchedulesRequest(), timeout=600
        )
        return ReconcileRound(
            report.posts_checked,
            report.workflows_checked,
            len(report.repairs),
            len(report.failed),
            report.busy,
        )

    @activity.defn(name=maintenance.PURGE_DELETED_MEDIA_ACTIVITY)
    async def purge_deleted_media(self, request: PurgeInput) -> PurgeRound:
        """Batches until none is left (idempotent: a purged item is not purged again)."""
        purged = removed = 0
        while True:
            result = await self._media.PurgeDeleted(media_pb2.PurgeRequest(batch=BATCH), timeout=60)
            purged, removed = purged + result.purged, removed + result.files_removed
            activity.heartbeat(purged)
            if result.purged < BATCH:
                return PurgeRound(purged, removed)
