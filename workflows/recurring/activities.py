"""Activities of a recurring series: when the next occurrences are, and making one."""

import asyncio
from datetime import UTC, datetime, timedelta

import grpc
from temporalio import activity

from lib import recurrence
from lib.common.proto_time import to_timestamp
from lib.post_status import PostStatus
from protos import posts_pb2, posts_pb2_grpc
from workflows.contracts import recurring
from workflows.contracts.recurring import Occurrence, OccurrenceQuery, OccurrenceRequest

# Occurrences missed by more than this (workers down for a while) are skipped, not
# published late.
LATE_GRACE = timedelta(minutes=5)


class SeriesActivities:
    def __init__(self, *, posts: posts_pb2_grpc.PostsStub) -> None:
        self._posts = posts

    @activity.defn(name=recurring.NEXT_OCCURRENCES_ACTIVITY)
    async def next_occurrences(self, query: OccurrenceQuery) -> list[str]:
        rule = recurrence.Rule(
            query.rule.rrule, query.rule.timezone, datetime.fromisoformat(query.rule.start)
        )
        after = datetime.now(UTC) - LATE_GRACE
        if query.after:
            after = max(after, datetime.fromisoformat(query.after))
        # Off the event loop, which also carries the worker's heartbeats and other activities.
        coming = await asyncio.to_thread(recurrence.occurrences, rule, after, query.limit)
        return [moment.isoformat() for moment in coming]

    @activity.defn(name=recurring.CREATE_OCCURRENCE_ACTIVITY)
    async def create_occurrence(self, request: OccurrenceRequest) -> Occurrence:
        """A scheduled copy of the series' post (the same copy when asked again)."""
        try:
            post = await self._posts.CreateOccurrence(
                posts_pb2.CreateOccurrenceRequest(
                    user_id=request.user_id,
                    series_id=request.series_id,
                    account_id=request.account_id,
                    scheduled_for=to_timestamp(datetime.fromisoformat(request.at)),
                    timezone=request.timezone,
                ),
                timeout=10,
            )
        except grpc.aio.AioRpcError as err:
            if err.code() == grpc.StatusCode.NOT_FOUND:
                return Occurrence("series_gone")
            if err.code() in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.ABORTED):
                # The post cannot be published as it is now (media removed, in the bin, ...);
                # later occurrences try again.
                return Occurrence("skipped", error=err.details() or "")
            raise
        return Occurrence("scheduled", post.id, PostStatus.from_proto(post.status))
