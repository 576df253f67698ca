"""PublishPostWorkflow: sleep until a post is due, prepare it early, publish it on time, once.

1. wait (durably) until `lead_seconds` before the publish time; a reschedule update moves
   the time and wakes the wait; cancelling the workflow ends it;
2. prepare: check the post and create its Instagram container(s), polled until ready;
3. publish (media_publish) at the publish time: the publish activity starts as soon as
   the post is prepared, checks what it can early and holds until the due second, so that
   a burst of posts due at the same second costs Temporal nothing at that second; a
   reschedule while it holds cancels it and it holds again for the new time. An edit
   after preparation makes the activity answer "stale" and the post is prepared again; a
   reached publishing limit answers "quota", and the workflow sleeps and tries again;
4. record the outcome on the post;
5. post its first comment, when it has one: its own step, with its own status and retries
   (FirstCommentWorkflow runs the same step again when the person retries a failed one).

Where the workspace requires approval, the due second's move to publishing is made only for
the exact version approved (its content, account and time); otherwise the post is held and
waits for an approval (asking again every poll interval, a move waking it) for up to
`approval_wait_seconds` past its time, then fails with the reason. It never goes out
unapproved.

When Instagram refuses the account's token, the account needs a reconnect: the post waits
for it (woken by the reconnect's signal, asking again every poll interval meanwhile) for up
to `reauth_wait_seconds`, then fails with a reason a person can act on.

When publish attempts cannot learn whether Instagram published (no answer, and the
container cannot be read), the post becomes needs_reconcile and the workflow asks the
container again at a growing interval for a day: published, or not (failed, schedule
again), never a second publish on a guess.
"""

from datetime import datetime, timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError, CancelledError
from temporalio.workflow import ActivityCancellationType

with workflow.unsafe.imports_passed_through():
    from lib.post_status import PostStatus
    from workflows.contracts.publishing import (
        ACCOUNT_RECONNECTED_SIGNAL,
        FIRST_COMMENT_ATTEMPTS,
        FIRST_COMMENT_WORKFLOW,
        PUBLISH_AT_QUERY,
        RESCHEDULE_UPDATE,
        WORKFLOW_NAME,
        Outcome,
        PostRef,
        Prepared,
        Published,
        PublishInput,
        PublishPostInput,
    )
    from workflows.contracts.search_attributes import SCHEDULED_TIME
    from workflows.publishing.activities import PublishingActivities
    from workflows.publishing.first_comment import FirstCommentActivities

RETRIES = RetryPolicy(
    initial_interval=timedelta(seconds=2),
    backoff_coefficient=2.0,
    maximum_interval=timedelta(minutes=5),
    maximum_attempts=8,
    non_retryable_error_types=["MediaRejected", "AuthorizationError", "AccountUnavailable", "OutcomeUnknown"],
)
PUBLISH_HEARTBEAT = timedelta(seconds=10)
HOLD_HEARTBEAT = timedelta(seconds=30)
# Patch ids: workflows that were sleeping before a change replay the old code path.
RECONCILE_UNKNOWN_OUTCOME = "reconcile-unknown-outcome"
WAIT_FOR_QUOTA = "wait-for-quota"
HOLD_UNTIL_DUE = "hold-publish-until-due"
SCHEDULED_TIME_SEARCHABLE = "scheduled-time-search-attribute"
WAIT_FOR_REAUTH = "wait-for-reconnect"
FIRST_COMMENT = "first-comment"
WAIT_FOR_USAGE = "wait-for-usage"
WAIT_FOR_APPROVAL = "wait-for-approval"
# The first comment's step: a few attempts, then it is recorded failed (by the activity's
# last attempt) and the person may retry it.
FIRST_COMMENT_RETRIES = RetryPolicy(
    initial_interval=timedelta(seconds=5),
    backoff_coefficient=2.0,
    maximum_interval=timedelta(minutes=2),
    maximum_attempts=FIRST_COMMENT_ATTEMPTS,
)
# A time this recently past means "publish now", as the scheduler's API says
# (services/scheduler/scheduling.py: PUBLISH_NOW_WINDOW). Validators do not run on replay.
NOW_WINDOW = timedelta(minutes=5)
# A held publish has this long past its due second to finish.
PUBLISH_TIMEOUT = timedelta(minutes=2)
# A container lives 24 hours: after that, what it says no longer changes.
RECONCILE_FOR = timedelta(hours=24)


@workflow.defn(name=WORKFLOW_NAME)
class PublishPostWorkflow:
    def __init__(self) -> None:
        self._publish_at: datetime | None = None
        self._moved = False
        self._reconnected = False
        # Since when the post waits for its account's reconnect (None: it does not).
        self._waiting_since: datetime | None = None
        # Since when the due post waits for an approval (None: it does not).
        self._unapproved_since: datetime | None = None
        # Containers a throttled preparation made, and the post version they are of.
        self._containers: tuple[dict[str, str], int] = ({}, 0)

    @workflow.run
    async def run(self, request: PublishPostInput) -> Outcome:
        self._publish_at = datetime.fromisoformat(request.publish_at)
        lead = timedelta(seconds=request.lead_seconds)
        ref = PostRef(request.post_id, request.user_id, request.account_id)
        prepared: Prepared | None = None
        attempt: PublishInput | None = None
        try:
            while True:
                if prepared is None:
                    await self._sleep_until(lambda: self._publish_at - lead)
                    prepared = await workflow.execute_activity_method(
                        PublishingActivities.prepare,
                        self._ref(ref),
                        start_to_close_timeout=timedelta(minutes=10),
                        heartbeat_timeout=timedelta(seconds=30),
                        retry_policy=RETRIES,
                    )
                    if prepared.outcome == "throttled":
                        # Too many calls: a durable wait, not an attempt (eight of those used
                        # to fail the post); the containers made so far are kept for later.
                        self._containers = (prepared.containers, prepared.version)
                        await workflow.sleep(timedelta(seconds=prepared.retry_after_seconds))
                        prepared = None
                        continue
                    if prepared.outcome == "needs_reauth":
                        prepared = None
                        if not await self._wait_for_reconnect(request):
                            outcome = self._not_reconnected(request)
                            break
                        continue
                    self._waiting_since = None
                    if prepared.outcome != "ready":
                        return Outcome(request.post_id, request.user_id, prepared.outcome)
                if workflow.patched(HOLD_UNTIL_DUE):
                    # Moved later than a lead away while prepared: wait in the workflow first.
                    await self._sleep_until(lambda: self._publish_at - lead)
                    attempt = self._attempt(request, prepared, due_at=self._publish_at.isoformat())
                    published = await self._held_publish(attempt)
                    if published is None:
                        continue  # moved while held: hold again for the new time
                else:
                    await self._sleep_until(lambda: self._publish_at)
                    attempt = self._attempt(request, prepared, due_at="")
                    published = await workflow.execute_activity_method(
                        PublishingActivities.publish,
                        attempt,
                        start_to_close_timeout=PUBLISH_TIMEOUT,
                        # A worker that dies mid-publish is noticed in seconds; the next
                        # attempt asks the container before publishing.
                        heartbeat_timeout=PUBLISH_HEARTBEAT,
                        retry_policy=RETRIES,
                    )
                if published.outcome == "moved":
                    # The post's own time, in case the move has not reached the workflow yet.
                    if published.moved_to:
                        self._publish_at = datetime.fromisoformat(published.moved_to)
                    continue
                if published.outcome == "stale":
                    prepared = None
                    continue
                if published.outcome == "needs_reauth":
                    if not await self._wait_for_reconnect(request):
                        outcome = self._not_reconnected(request)
                        break
                    continue
                if published.outcome == "throttled":
                    await workflow.sleep(timedelta(seconds=published.retry_after_seconds))
                    continue
                if published.outcome == "awaiting_approval":
                    if not await self._wait_for_approval(request):
                        outcome = self._not_approved(request)
                        break
                    continue
                if published.outcome == "quota":
                    # Waiting for the account's 24-hour window to free a slot is not a
                    # failure: it costs no retries, however long it lasts (an expired
                    # container comes back as stale and is prepared again).
                    await workflow.sleep(timedelta(seconds=published.retry_after_seconds))
                    continue
                if published.outcome != "published":
                    return Outcome(request.post_id, request.user_id, published.outcome)
                outcome = Outcome(
                    request.post_id,
                    request.user_id,
                    PostStatus.PUBLISHED,
                    media_id=published.media_id,
                    permalink=published.permalink,
                    published_at=published.published_at,
                )
                break
        except ActivityError as err:
            cause = err.cause
            reason = cause.message if isinstance(cause, ApplicationError) else str(cause or err)
            outcome = Outcome(request.post_id, request.user_id, PostStatus.FAILED, error=reason)
            unknown = isinstance(cause, ApplicationError) and cause.type == "OutcomeUnknown"
            if unknown and attempt is not None and workflow.patched(RECONCILE_UNKNOWN_OUTCOME):
                outcome = await self._reconcile(request, attempt, reason)
        await self._record(outcome)
        published_with_comment = (
            outcome.status == PostStatus.PUBLISHED and prepared and prepared.first_comment
        )
        if published_with_comment and workflow.patched(FIRST_COMMENT):
            await post_first_comment(ref)
        return outcome

    def _attempt(self, request: PublishPostInput, prepared: Prepared, *, due_at: str) -> PublishInput:
        return PublishInput(
            request.post_id,
            request.user_id,
            request.account_id,
            prepared.container_id,
            prepared.version,
            wait_for_quota=workflow.patched(WAIT_FOR_QUOTA),
            due_at=due_at,
            wait_for_reauth=workflow.patched(WAIT_FOR_REAUTH),
            wait_for_usage=workflow.patched(WAIT_FOR_USAGE),
            wait_for_approval=workflow.patched(WAIT_FOR_APPROVAL),
        )

    def _ref(self, ref: PostRef) -> PostRef:
        containers, version = self._containers
        return PostRef(
            ref.post_id,
            ref.user_id,
            ref.account_id,
            wait_for_reauth=workflow.patched(WAIT_FOR_REAUTH),
            wait_for_usage=workflow.patched(WAIT_FOR_USAGE),
            containers=containers,
            containers_version=version,
        )

    async def _wait_for_reconnect(self, request: PublishPostInput) -> bool:
        """Wait for the account's reconnect (its signal, or the poll interval: the caller then
        asks the account again) or a move of the post; False once the post has waited its
        limit. Waiting costs no retries."""
        if self._waiting_since is None:
            self._waiting_since = workflow.now()
        self._reconnected = False
        return await self._wait_a_round(
            self._waiting_since,
            request.reauth_wait_seconds,
            request.reauth_poll_seconds,
            lambda: self._reconnected or self._moved,
        )

    async def _wait_a_round(self, since: datetime, limit_seconds: float, poll_seconds: float, woken) -> bool:
        """One poll interval (or until woken(), a move among its reasons) of a wait that
        began `since` and lasts `limit_seconds` at most; False once it is over."""
        left = since + timedelta(seconds=limit_seconds) - workflow.now()
        if left <= timedelta(0):
            return False
        self._moved = False
        try:
            await workflow.wait_condition(woken, timeout=min(left, timedelta(seconds=poll_seconds)))
        except TimeoutError:
            pass
        return True

    def _not_reconnected(self, request: PublishPostInput) -> Outcome:
        hours = request.reauth_wait_seconds / 3600
        return Outcome(
            request.post_id,
            request.user_id,
            PostStatus.FAILED,
            error=f"Instagram refused the account's token, and the account was not reconnected "
            f"within {hours:g} hours: reconnect it on the accounts screen, then schedule the post again",
        )

    async def _wait_for_approval(self, request: PublishPostInput) -> bool:
        """Wait one poll interval (a move wakes it) for the post's version to be approved;
        False once the post has waited its limit. The publish then asks again: the approval
        is checked where the post moves to publishing, never here."""
        if self._unapproved_since is None:
            self._unapproved_since = workflow.now()
        return await self._wait_a_round(
            self._unapproved_since,
            request.approval_wait_seconds,
            request.approval_poll_seconds,
            lambda: self._moved,
        )

    def _not_approved(self, request: PublishPostInput) -> Outcome:
        hours = request.approval_wait_seconds / 3600
        return Outcome(
            request.post_id,
            request.user_id,
            PostStatus.FAILED,
            error=f"Not approved: this workspace requires an approval of the exact version that "
            f"goes out, and none came within {hours:g} hours of the post's time. Approve it, "
            "then schedule it again",
        )

    @workflow.signal(name=ACCOUNT_RECONNECTED_SIGNAL)
    def account_reconnected(self) -> None:
        self._reconnected = True

    async def _held_publish(self, attempt: PublishInput) -> Published | None:
        """The publish activity, started now and holding until attempt.due_at; None when the
        post was moved while it held (the activity was cancelled before publishing)."""
        self._moved = False
        held = workflow.start_activity_method(
            PublishingActivities.publish,
            attempt,
            start_to_close_timeout=max(self._publish_at - workflow.now(), timedelta(0)) + PUBLISH_TIMEOUT,
            # A worker that dies while holding or publishing is noticed within this; the
            # next attempt asks the container before publishing. Longer than a publish's
            # own: a burst's thousand holds heartbeat while the machine prepares them all,
            # and at 10 s the dev server saw heartbeats late and timed holds out.
            heartbeat_timeout=HOLD_HEARTBEAT,
            retry_policy=RETRIES,
            # A cancel that comes once the due second has passed is too late: the activity
            # finishes its publish, and its own outcome is what counts.
            cancellation_type=ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
        )
        await workflow.wait_condition(lambda: self._moved or held.done())
        if not held.done():
            held.cancel()
        try:
            return await held
        except ActivityError as err:
            if isinstance(err.cause, CancelledError):
                return None
            raise

    async def _record(self, outcome: Outcome) -> None:
        await workflow.execute_activity_method(
            PublishingActivities.record_result,
            outcome,
            start_to_close_timeout=timedelta(seconds=30),
            retry_policy=RetryPolicy(maximum_interval=timedelta(minutes=1)),
        )

    async def _reconcile(self, request: PublishPostInput, attempt: PublishInput, reason: str) -> Outcome:
        """Until Instagram says whether the container was published: needs_reconcile."""
        waiting = Outcome(request.post_id, request.user_id, PostStatus.NEEDS_RECONCILE, error=reason)
        await self._record(waiting)
        interval = timedelta(seconds=request.reconcile_interval_seconds)
        await workflow.sleep(interval)
        try:
            found = await workflow.execute_activity_method(
                PublishingActivities.reconcile,
                attempt,
                start_to_close_timeout=timedelta(minutes=1),
                schedule_to_close_timeout=RECONCILE_FOR,
                retry_policy=RetryPolicy(
                    initial_interval=interval, backoff_coefficient=2.0, maximum_interval=timedelta(hours=1)
                ),
            )
        except ActivityError:
            return waiting  # still unknown after a day: a person has to look at the account
        if found.outcome == "published":
            return Outcome(
                request.post_id,
                request.user_id,
                PostStatus.PUBLISHED,
                media_id=found.media_id,
                permalink=found.permalink,
                published_at=found.published_at,
            )
        return Outcome(
            request.post_id,
            request.user_id,
            PostStatus.FAILED,
            error="Instagram did not publish the post (its answer was lost, and the container "
            "was never published); schedule it again",
        )

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

    @workflow.update(name=RESCHEDULE_UPDATE)
    async def reschedule(self, publish_at: str) -> str:
        """Move the publish time; the sleeping wait wakes up and sleeps for the new time."""
        self._publish_at = datetime.fromisoformat(publish_at)
        self._moved = True
        # Operators search by the time the post will go out, not the one it first had. Only
        # a workflow started with the attribute has it kept current: one started without
        # (before it existed, or on a server that has none registered) would fail its task.
        searchable = workflow.info().typed_search_attributes.get(SCHEDULED_TIME) is not None
        if searchable and workflow.patched(SCHEDULED_TIME_SEARCHABLE):
            workflow.upsert_search_attributes([SCHEDULED_TIME.value_set(self._publish_at)])
        return publish_at

    @reschedule.validator
    def _check_reschedule(self, publish_at: str) -> None:
        # "Now" as the API resolved it is past by the time the update arrives (found by the
        # racing-clients drill: the move answered 502 although the post was marked moved).
        if datetime.fromisoformat(publish_at) < workflow.now() - NOW_WINDOW:
            raise ValueError("the new publish time is in the past")

    @workflow.query(name=PUBLISH_AT_QUERY)
    def publish_at(self) -> str:
        return self._publish_at.isoformat() if self._publish_at else ""


async def post_first_comment(ref: PostRef) -> None:
    """The first comment's step. Its failure is recorded on the post by the step itself and
    never reaches the publish: the post is published whatever happens here."""
    try:
        await workflow.execute_activity_method(
            FirstCommentActivities.post_first_comment,
            ref,
            start_to_close_timeout=timedelta(minutes=1),
            retry_policy=FIRST_COMMENT_RETRIES,
        )
    except ActivityError as err:
        workflow.logger.warning("first comment of %s not posted: %s", ref.post_id, err.cause or err)


@workflow.defn(name=FIRST_COMMENT_WORKFLOW)
class FirstCommentWorkflow:
    """A person's retry of a failed first comment (workflow id first-comment-<post id>)."""

    @workflow.run
    async def run(self, ref: PostRef) -> None:
        await post_first_comment(ref)
