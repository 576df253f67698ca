"""Activities of the metrics workflow: ask Instagram for a published post's insights and
record them on the post (which announces them). Idempotent: a repeat records the same
time's figures again."""

from datetime import UTC, datetime, timedelta

import grpc
from temporalio import activity

from lib.common.proto_time import to_timestamp
from lib.common.token_vault import TokenVault
from lib.instagram import errors as graph_errors
from lib.instagram import insights
from lib.instagram.graph_api import GraphApiClient
from protos import posts_pb2, posts_pb2_grpc, scheduler_pb2_grpc
from workflows import credentials
from workflows.contracts import metrics
from workflows.contracts.metrics import Collected, MetricsInput


def _age(request: MetricsInput) -> timedelta:
    return datetime.now(UTC) - datetime.fromisoformat(request.published_at)


class MetricsActivities:
    def __init__(
        self,
        *,
        posts: posts_pb2_grpc.PostsStub,
        scheduler: scheduler_pb2_grpc.SchedulerStub,
        graph: GraphApiClient,
        vault: TokenVault,
        # "Too many calls" while collecting, without Meta's estimate: the account's calls
        # pause this long (publishing goes first; the next sample comes on its own schedule).
        throttle_pause_seconds: float = 60.0,
    ) -> None:
        self._throttle_pause = throttle_pause_seconds
        self._posts = posts
        self._scheduler = scheduler
        self._graph = graph
        self._vault = vault

    @activity.defn(name=metrics.COLLECT_METRICS_ACTIVITY)
    async def collect(self, request: MetricsInput) -> Collected:
        if request.post_type == "story" and _age(request) > insights.STORY_INSIGHTS_LAST:
            return Collected(go_on=False)  # Instagram keeps a story's insights 24 hours
        try:
            account = await credentials.fetch(
                self._scheduler, self._vault, user_id=request.user_id, account_id=request.account_id
            )
        except grpc.aio.AioRpcError as err:
            if err.code() == grpc.StatusCode.NOT_FOUND:
                return Collected(go_on=False)  # the account was disconnected
            raise
        if account.throttled_for():
            # The account's calls are paused ("too many calls"): publishing comes first;
            # this sample is skipped, the next one is taken on time.
            return Collected(go_on=True)
        try:
            figures = await self._graph.on(account.graph_host).insights(
                request.media_id, account.access_token, insights.metrics_for(request.post_type)
            )
        except graph_errors.RateLimited as err:
            await credentials.report_throttled(
                self._scheduler,
                user_id=request.user_id,
                account_id=request.account_id,
                seconds=max(err.retry_after_seconds, self._throttle_pause),
            )
            return Collected(go_on=True)
        except graph_errors.GraphApiError as err:
            if err.retryable:
                raise
            # Refused for this media (removed on Instagram, token revoked): try next time.
            activity.logger.info("insights of %s refused: %s", request.media_id, err)
            return Collected(go_on=True)
        sample = posts_pb2.RecordMetricsRequest(
            user_id=request.user_id,
            post_id=request.post_id,
            collected_at=to_timestamp(datetime.now(UTC)),
            likes=figures.get("likes", 0),
            comments=figures.get("comments", 0),
            shares=figures.get("shares", 0),
            saves=figures.get("saved", 0),
            reach=figures.get("reach", 0),
            views=figures.get("views", 0),
        )
        try:
            await self._posts.RecordMetrics(sample, timeout=10)
        except grpc.aio.AioRpcError as err:
            if err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT):
                return Collected(go_on=False)  # the post was deleted
            raise
        return Collected(go_on=True)
