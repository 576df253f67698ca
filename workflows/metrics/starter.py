"""Starts a published post's metrics workflow (from the publishing worker's record step):
at most one per post, whatever the retries."""

import logging

from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy, WorkflowIDReusePolicy
from temporalio.exceptions import WorkflowAlreadyStartedError

from lib.common.proto_time import from_timestamp
from protos import posts_pb2
from workflows.contracts.metrics import METRICS_WORKFLOW_NAME, MetricsInput, metrics_workflow_id

log = logging.getLogger(__name__)


class MetricsStarter:
    def __init__(self, client: Client, *, task_queue: str, interval_scale: float, max_samples: int) -> None:
        self._client = client
        self._task_queue = task_queue
        self._scale = interval_scale
        self._max_samples = max_samples

    async def start(self, post: posts_pb2.Post) -> None:
        published_at = from_timestamp(post, "published_at")
        if published_at is None or not post.instagram_media_id:
            return
        request = MetricsInput(
            post_id=post.id,
            user_id=post.user_id,
            account_id=post.account_id,
            media_id=post.instagram_media_id,
            published_at=published_at.isoformat(),
            interval_scale=self._scale,
            max_samples=self._max_samples,
            post_type=post.content.post_type,
        )
        try:
            await self._client.start_workflow(
                METRICS_WORKFLOW_NAME,
                request,
                id=metrics_workflow_id(post.id),
                task_queue=self._task_queue,
                id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
                id_reuse_policy=WorkflowIDReusePolicy.REJECT_DUPLICATE,
            )
        except WorkflowAlreadyStartedError:
            pass  # collected already (a retried record step)
