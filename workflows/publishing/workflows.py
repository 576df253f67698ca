"""PublishPostWorkflow: sleep until a post is due, prepare it early, publish it on time, once.

1. wait (durably) until `lead_seconds` before the publish time; a reschedule update moves
   the time and wakes the wait; cancelling the workflow ends it;
2. prepare: check the post and create its Instagram container(s), polled until ready;
3. wait until the publish time; publish (media_publish) — an edit after preparation
   makes the activity answer "stale" and the post is prepared again;
4. record the outcome on the post.
"""

from datetime import datetime, timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError

with workflow.unsafe.imports_passed_through():
    from workflows.publishing.activities import PublishingActivities
    from workflows.publishing.shared import (
        WORKFLOW_NAME,
        Outcome,
        PostRef,
        Prepared,
        PublishInput,
        PublishPostInput,
    )

RETRIES = RetryPolicy(
    initial_interval=timedelta(seconds=2),
    backoff_coefficient=2.0,
    maximum_interval=timedelta(minutes=5),
    maximum_attempts=8,
    non_retryable_error_types=["MediaRejected", "AuthorizationError", "AccountUnavailable", "OutcomeUnknown"],
)


@workflow.defn(name=WORKFLOW_NAME)
class PublishPostWorkflow:
    def __init__(self) -> None:
        self._publish_at: datetime | None = None
        self._moved = False

    @workflow.run
    async def run(self, request: PublishPostInput) -> Outcome:
        self._publish_at = datetime.fromisoformat(request.publish_at)
        lead = timedelta(seconds=request.lead_seconds)
        ref = PostRef(request.post_id, request.user_id, request.account_id)
        prepared: Prepared | None = None
        try:
            while True:
                if prepared is None:
                    await self._sleep_until(lambda: self._publish_at - lead)
                    prepared = await workflow.execute_activity_method(
                        PublishingActivities.prepare,
                        ref,
                        start_to_close_timeout=timedelta(minutes=10),
                        heartbeat_timeout=timedelta(seconds=30),
                        retry_policy=RETRIES,
                    )
                    if prepared.outcome != "ready":
                        return Outcome(request.post_id, request.user_id, prepared.outcome)
                await self._sleep_until(lambda: self._publish_at)
                published = await workflow.execute_activity_method(
                    PublishingActivities.publish,
                    PublishInput(
                        request.post_id,
                        request.user_id,
                        request.account_id,
                        prepared.container_id,
                        prepared.version,
                    ),
                    start_to_close_timeout=timedelta(minutes=2),
                    retry_policy=RETRIES,
                )
                if published.outcome == "stale":
                    prepared = None
                    continue
                if published.outcome != "published":
                    return Outcome(request.post_id, request.user_id, published.outcome)
                outcome = Outcome(
                    request.post_id,
                    request.user_id,
                    "published",
                    media_id=published.media_id,
                    permalink=published.permalink,
                    published_at=published.published_at,
                )
                break
        except ActivityError as err:
            cause = err.cause
            reason = cause.message if isinstance(cause, ApplicationError) else str(cause or err)
            outcome = Outcome(request.post_id, request.user_id, "failed", error=reason)
        await workflow.execute_activity_method(
            PublishingActivities.record_result,
            outcome,
            start_to_close_timeout=timedelta(seconds=30),
            retry_policy=RetryPolicy(maximum_interval=timedelta(minutes=1)),
        )
        return outcome

    async def _sleep_until(self, target) -> None:
        """Sleep until target() (re-read after every reschedule)."""
        while True:
            remaining = target() - workflow.now()
            if remaining <= timedelta(0):
                return
            self._moved = False
            try:
                await workflow.wait_condition(lambda: self._moved, timeout=remaining)
            except TimeoutError:
                return

    @workflow.update
    async def reschedule(self, publish_at: str) -> str:
        """Move the publish time; the sleeping wait wakes up and sleeps for the new time."""
        self._publish_at = datetime.fromisoformat(publish_at)
        self._moved = True
        return publish_at

    @reschedule.validator
    def _check_reschedule(self, publish_at: str) -> None:
        if datetime.fromisoformat(publish_at) <= workflow.now():
            raise ValueError("the new publish time is in the past")

    @workflow.query
    def publish_at(self) -> str:
        return self._publish_at.isoformat() if self._publish_at else ""
