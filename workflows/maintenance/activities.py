"""Activities of the maintenance workflows: each asks the service that owns the data."""

from temporalio import activity

from protos import media_pb2, media_pb2_grpc
from workflows.contracts import maintenance
from workflows.contracts.maintenance import PurgeInput, PurgeRound

BATCH = 200


class MaintenanceActivities:
    def __init__(self, *, media: media_pb2_grpc.MediaStub) -> None:
        self._media = media

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
