"""Activities of the maintenance workflows: each asks the service that owns the data."""

from temporalio import activity

from protos import media_pb2, media_pb2_grpc, scheduler_pb2, scheduler_pb2_grpc
from workflows.contracts import maintenance
from workflows.contracts.maintenance import PurgeInput, PurgeRound, UpkeepInput, UpkeepRound

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
