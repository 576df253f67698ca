"""Scheduling a post: resolve the local time, mark the post, start (or move, or cancel) its
Temporal workflow. The scheduler drives Temporal; it never publishes itself."""

import logging
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from temporalio.client import Client, WorkflowExecutionDescription
from temporalio.common import WorkflowIDReusePolicy
from temporalio.service import RPCError, RPCStatusCode

from lib.common import member_scope, temporal_client, time_text, workspace_zone
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import conflict, invalid_field
from lib.common.grpc_errors import ask
from lib.common.proto_time import to_timestamp
from lib.common.token_vault import TokenVault
from lib.instagram.errors import GraphApiError
from lib.instagram.graph_api import GraphApiClient
from lib.post_status import FINISHED, ON_THE_CALENDAR, PostStatus
from protos import posts_pb2, posts_pb2_grpc, users_pb2_grpc
from services.scheduler import accounts, claims, conflicts, first_comment_retry, local_time
from services.scheduler.audience import Audiences
from services.scheduler.models import InstagramAccount
from workflows.contracts import search_attributes
from workflows.contracts.publishing import (
    PREPARE_ACTIVITY,
    PUBLISH_ACTIVITY,
    RECONCILE_ACTIVITY,
    RESCHEDULE_UPDATE,
    WORKFLOW_NAME,
    PublishPostInput,
    workflow_id,
)

log = logging.getLogger(__name__)

# Instagram's documented limit; used when the account's own cannot be read.
DEFAULT_PUBLISH_LIMIT = 50
LIMIT_CACHE_SECONDS = 10 * 60
# A post due sooner than this could not be prepared in time: it is published now.
MIN_NOTICE = timedelta(seconds=1)
# A time this recently past means "now": a client that sends the current time (the brief's
# clients send datetime.utcnow()) sends one already past when it arrives.
PUBLISH_NOW_WINDOW = timedelta(minutes=5)


@dataclass
class Scheduled:
    resolved: local_time.ResolvedTime
    # The audience model's score of the time, set when the post is marked on its account.
    score: float = 0.0
    # Due now (a time within the last few minutes, or less than MIN_NOTICE ahead).
    publish_now: bool = False
    # What the posts service warned of when the post was marked (its hashtags).
    warnings: list[posts_pb2.Warning] = field(default_factory=list)


# The publishing workflow's activity -> the step a person reads.
STEPS = {
    PREPARE_ACTIVITY: "preparing",
    PUBLISH_ACTIVITY: "publishing",
    RECONCILE_ACTIVITY: "reconciling",
}


@dataclass
class PublishingState:
    """Where a post's publishing stands: the post, and its workflow's progress."""

    post: posts_pb2.Post
    # waiting, preparing, publishing, reconciling, done, or none (no workflow).
    step: str
    attempts: int = 0
    error: str = ""
    next_retry: datetime | None = None


class Scheduler:
    def __init__(
        self,
        *,
        db: Database,
        posts: posts_pb2_grpc.PostsStub,
        temporal: Client,
        graph: GraphApiClient,
        vault: TokenVault,
        settings: Settings,
        users: users_pb2_grpc.UsersStub,
        audiences: Audiences,
    ):
        self._users = users
        self.audiences = audiences
        self.db = db
        self.posts = posts
        self._temporal = temporal
        self._graph = graph
        self._vault = vault
        self.settings = settings
        # account id -> (when read, publishing limit)
        self._limits: dict[uuid.UUID, tuple[float, int]] = {}

    @property
    def temporal(self) -> Client:
        return self._temporal

    async def zone_for(self, user_id: uuid.UUID, zone: str) -> str:
        """The zone a request names, or else the user's own."""
        return zone or await workspace_zone.of_workspace(self._users, user_id)

    async def resolve(self, user_id: uuid.UUID, text: str, zone: str, prefer: str) -> Scheduled:
        zone = await self.zone_for(user_id, zone)
        moment = time_text.parse(text, "scheduled_time")
        if moment.tzinfo is None:
            resolved = local_time.resolve(moment, zone, prefer or "earlier")
        else:
            resolved = local_time.at_instant(moment, zone)
        now = datetime.now(UTC)
        if resolved.utc < now - PUBLISH_NOW_WINDOW:
            raise invalid_field(
                "scheduled_time",
                f"{resolved.local.isoformat()} is in the past (a time up to "
                f"{PUBLISH_NOW_WINDOW.seconds // 60} minutes ago means now)",
            )
        if resolved.utc < now + MIN_NOTICE:
            resolved = local_time.at_instant(now, zone)
            return Scheduled(resolved, publish_now=True)
        return Scheduled(resolved)

    async def scheduled_on_account(
        self, user_id: uuid.UUID, account: uuid.UUID, start: datetime, end: datetime, skip: str
    ) -> dict[str, datetime]:
        """post id -> time of the account's posts scheduled in [start, end), but skip."""
        found, cursor = {}, ""
        while True:
            page = await ask(
                self.posts.ListPosts(
                    posts_pb2.ListPostsRequest(
                        user_id=str(user_id),
                        statuses=[status.to_proto() for status in ON_THE_CALENDAR],
                        account_id=str(account),
                        scheduled_from=to_timestamp(start),
                        scheduled_to=to_timestamp(end),
                        sort="scheduled_for",
                        order="asc",
                        limit=100,
                        cursor=cursor,
                    ),
                    timeout=10,
                )
            )
            found |= {p.id: p.scheduled_for.ToDatetime(tzinfo=UTC) for p in page.items if p.id != skip}
            cursor = page.next_cursor
            if not cursor:
                return found

    async def publish_limit(self, user_id: uuid.UUID, account: uuid.UUID) -> int:
        """The account's 24-hour publishing limit, as Instagram states it (cached a while:
        it rarely changes, and asking costs a Graph API call per schedule)."""
        cached = self._limits.get(account)
        if cached and time.monotonic() - cached[0] < LIMIT_CACHE_SECONDS:
            return cached[1]
        found = await accounts.credentials(db=self.db, vault=self._vault, user_id=user_id, account_id=account)
        try:
            limit = (
                await self._graph.on(found.graph_host).publishing_limit(found.ig_user_id, found.access_token)
            ).total or DEFAULT_PUBLISH_LIMIT
        except GraphApiError as err:
            log.warning(
                "publishing limit of %s unknown (%s); assuming %s", account, err, DEFAULT_PUBLISH_LIMIT
            )
            return DEFAULT_PUBLISH_LIMIT
        self._limits[account] = (time.monotonic(), limit)
        return limit

    async def check_calendar(
        self,
        user_id: uuid.UUID,
        post_id: str,
        account_row: InstagramAccount,
        scheduled: Scheduled,
        moving: dict[str, tuple[uuid.UUID, datetime]] | None = None,
        known: dict[str, datetime] | None = None,
    ):
        """The account's other posts around the new time: not too close (minimum gap), not
        too many in any 24 hours (publishing limit). One query serves both checks.
        `moving`: other posts moving in the same request (post id -> (account, new time)):
        they count at their new times, not their old ones. `known`: the account's scheduled
        posts over a span covering this time's 24 hours either side, read once by a caller
        that checks many times."""
        account = account_row.id
        wanted, day = scheduled.resolved.utc, timedelta(hours=24)
        if known is None:
            taken = await self.scheduled_on_account(user_id, account, wanted - day, wanted + day, post_id)
        else:
            taken = {k: v for k, v in known.items() if k != post_id and wanted - day <= v < wanted + day}
        for other, (other_account, when) in (moving or {}).items():
            taken.pop(other, None)
            if other != post_id and other_account == account and abs(when - wanted) < day:
                taken[other] = when
        if not taken:
            return
        gap = timedelta(minutes=accounts.min_gap(account_row, self.settings))
        self._check_gap(wanted, taken, scheduled, gap)
        limit = await self.publish_limit(user_id, account)
        busiest = conflicts.busiest_window(wanted, list(taken.values()), day)
        if busiest > limit:
            raise conflict(
                "publishing_limit",
                f"This would be post {busiest} on this account within 24 hours; Instagram publishes "
                f"at most {limit} per account in any 24 hours. Move it or another post further apart",
                limit=str(limit),
                posts_in_window=str(busiest),
            )

    def _check_gap(
        self, wanted: datetime, taken: dict[str, datetime], scheduled: Scheduled, gap: timedelta
    ) -> None:
        """Refuse a time closer than the minimum gap to another post on the same account."""
        clashing = conflicts.clashes(wanted, taken, gap) if gap > timedelta(0) else []
        if not clashing:
            return
        zone = scheduled.resolved.local.tzinfo
        other = taken[clashing[0]].astimezone(zone)
        suggestions = conflicts.free_times(wanted, list(taken.values()), gap, datetime.now(UTC) + MIN_NOTICE)
        local_suggestions = [s.astimezone(zone).isoformat() for s in suggestions]
        raise conflict(
            "schedule_conflict",
            f"Post {clashing[0]} is scheduled on this account at {other.isoformat()}; posts on one "
            f"account must be at least {gap.total_seconds() / 60:g} minutes apart. "
            f"Free: {', '.join(local_suggestions)}",
            conflicting_post_id=clashing[0],
            suggested_times=",".join(local_suggestions),
        )

    async def running(self, post_id: str) -> WorkflowExecutionDescription | None:
        return await temporal_client.running(self._temporal, workflow_id(post_id))

    async def _mark_request(
        self, user_id, post_id, account_id, scheduled: Scheduled, post_type: str
    ) -> posts_pb2.MarkScheduledRequest:
        # Every mark (a schedule, a move, a bulk's or a template's) names its account here.
        member_scope.require(account_id)
        # Scored here, where the account is known: by its audience model for this type of
        # post, as stored on the post.
        scheduled.score = await self.audiences.score(
            uuid.UUID(str(account_id)), scheduled.resolved.utc, scheduled.resolved.zone, post_type
        )
        return posts_pb2.MarkScheduledRequest(
            user_id=str(user_id),
            post_id=post_id,
            account_id=str(account_id),
            scheduled_for=to_timestamp(scheduled.resolved.utc),
            timezone=scheduled.resolved.zone,
            optimal_time_score=scheduled.score,
            publish_now=scheduled.publish_now,
        )

    async def mark(self, user_id, post_id, account_id, scheduled: Scheduled, post_type: str) -> None:
        request = await self._mark_request(user_id, post_id, account_id, scheduled, post_type)
        marked = await ask(self.posts.MarkScheduled(request, timeout=10))
        scheduled.warnings = list(marked.warnings)

    async def mark_many(self, user_id, marks: list[tuple[str, str, Scheduled, str]]) -> None:
        """mark for several posts (post id, account id, time, post type) in one write, all or
        nothing (no hashtag warnings)."""
        requests = [await self._mark_request(user_id, *mark) for mark in marks]
        await ask(
            self.posts.MarkScheduledMany(
                posts_pb2.MarkScheduledManyRequest(user_id=str(user_id), posts=requests), timeout=20
            )
        )

    async def schedule(
        self, *, user_id: uuid.UUID, post_id: str, account_id: str, local: str, zone: str, prefer: str
    ) -> Scheduled:
        async with claims.claimed(self.db, post_id):
            return await self._schedule(user_id, post_id, account_id, local, zone, prefer)

    async def _schedule(
        self, user_id: uuid.UUID, post_id: str, account_id: str, local: str, zone: str, prefer: str
    ) -> Scheduled:
        scheduled = await self.resolve(user_id, local, zone, prefer)
        account = await accounts.chosen(db=self.db, user_id=user_id, account_id=account_id)
        post = await self.not_yet_scheduled(user_id, post_id)
        await self.check_calendar(user_id, post_id, account, scheduled)
        await self.start(user_id, post_id, account.id, scheduled, post.content.post_type)
        return scheduled

    async def not_yet_scheduled(self, user_id: uuid.UUID, post_id: str) -> posts_pb2.Post:
        """The user's post, when no workflow is publishing it already."""
        post = await self.require_own_post(user_id, post_id)
        if await self.running(post_id):
            raise conflict("already_scheduled", "The post is already scheduled; reschedule it instead (PUT)")
        return post

    async def start(
        self, user_id: uuid.UUID, post_id: str, account_id: uuid.UUID, scheduled: Scheduled, post_type: str
    ) -> None:
        """Mark the post scheduled, then start the workflow that publishes it (the mark is
        undone when no workflow runs)."""
        await self.mark(user_id, post_id, account_id, scheduled, post_type)
        try:
            await self.start_workflow(user_id, post_id, account_id, scheduled.resolved.utc)
        except Exception:
            # Undone only if no workflow runs: a start whose answer was lost may have worked.
            if not await self.running(post_id):
                await ask(
                    self.posts.MarkUnscheduled(posts_pb2.PostRef(user_id=str(user_id), post_id=post_id))
                )
            raise

    async def start_workflow(
        self, user_id: uuid.UUID, post_id: str, account_id: uuid.UUID | str, publish_at: datetime
    ) -> None:
        """The post's publishing workflow, sleeping until publish_at (the post is marked)."""
        await self._temporal.start_workflow(
            WORKFLOW_NAME,
            PublishPostInput(
                post_id=post_id,
                user_id=str(user_id),
                account_id=str(account_id),
                publish_at=publish_at.isoformat(),
                lead_seconds=self.settings.publish_lead_seconds,
                reconcile_interval_seconds=self.settings.reconcile_interval_seconds,
                reauth_wait_seconds=self.settings.reauth_wait_hours * 3600,
                reauth_poll_seconds=self.settings.reauth_poll_seconds,
                approval_wait_seconds=self.settings.approval_wait_hours * 3600,
                approval_poll_seconds=self.settings.approval_poll_seconds,
            ),
            id=workflow_id(post_id),
            task_queue=self.settings.temporal_task_queue,
            search_attributes=search_attributes.of_post(
                post_id=post_id, user_id=str(user_id), account_id=str(account_id), scheduled=publish_at
            ),
            # A post published or failed earlier may be scheduled again.
            id_reuse_policy=WorkflowIDReusePolicy.ALLOW_DUPLICATE,
        )

    async def reschedule(
        self, *, user_id: uuid.UUID, post_id: str, account_id: str, local: str, zone: str, prefer: str
    ) -> Scheduled:
        async with claims.claimed(self.db, post_id):
            return await self._reschedule(user_id, post_id, account_id, local, zone, prefer)

    async def _reschedule(
        self, user_id: uuid.UUID, post_id: str, account_id: str, local: str, zone: str, prefer: str
    ) -> Scheduled:
        scheduled = await self.resolve(user_id, local, zone, prefer)
        account = await accounts.chosen(db=self.db, user_id=user_id, account_id=account_id)
        post = await self.require_own_post(user_id, post_id)
        if not await self.running(post_id):
            raise conflict("not_scheduled", "The post is not scheduled; schedule it first (POST)")
        await self.check_calendar(user_id, post_id, account, scheduled)
        await self.mark(user_id, post_id, account.id, scheduled, post.content.post_type)
        await self.wake(post_id, scheduled)
        return scheduled

    async def wake(self, post_id: str, scheduled: Scheduled) -> None:
        """Move the post's sleeping workflow to the new time."""
        handle = self._temporal.get_workflow_handle(workflow_id(post_id))
        try:
            await handle.execute_update(RESCHEDULE_UPDATE, scheduled.resolved.utc.isoformat())
        except RPCError as err:
            if err.status != RPCStatusCode.NOT_FOUND:
                raise
            # Ended since it was found running (the post deleted meanwhile: found by the
            # racing-clients drill, which got a 502 here).
            raise conflict(
                "not_scheduled",
                "The post is no longer scheduled (deleted, published or taken back meanwhile)",
            ) from err

    async def unschedule(self, *, user_id: uuid.UUID, post_id: str) -> posts_pb2.Post:
        async with claims.claimed(self.db, post_id):
            return await self._unschedule(user_id, post_id)

    async def _unschedule(self, user_id: uuid.UUID, post_id: str) -> posts_pb2.Post:
        if member_scope.limited():
            post = await self.require_own_post(user_id, post_id)
            member_scope.require(post.account_id if post.HasField("account_id") else None)
        post = await ask(
            self.posts.MarkUnscheduled(posts_pb2.PostRef(user_id=str(user_id), post_id=post_id), timeout=10)
        )
        if await self.running(post_id):
            await self._temporal.get_workflow_handle(workflow_id(post_id)).cancel()
        return post

    async def retry_first_comment(self, *, user_id: uuid.UUID, post_id: str) -> posts_pb2.Post:
        return await first_comment_retry.retry(
            temporal=self._temporal,
            posts=self.posts,
            settings=self.settings,
            user_id=user_id,
            post_id=post_id,
        )

    async def require_own_post(self, user_id: uuid.UUID, post_id: str) -> posts_pb2.Post:
        return await ask(
            self.posts.GetPost(posts_pb2.GetPostRequest(user_id=str(user_id), post_id=post_id), timeout=10)
        )

    async def status(self, *, user_id: uuid.UUID, post_id: str) -> PublishingState:
        post = await self.require_own_post(user_id, post_id)
        running = await self.running(post_id)
        finished = PostStatus.from_proto(post.status) in FINISHED
        state = PublishingState(post, step="done" if finished else "none")
        if running is not None:
            state.step = "waiting"
            due = post.scheduled_for.ToDatetime(tzinfo=UTC) if post.HasField("scheduled_for") else None
            for pending in running.raw_description.pending_activities:
                state.step = STEPS.get(pending.activity_type.name, state.step)
                if state.step == "publishing" and due is not None and datetime.now(UTC) < due:
                    state.step = "waiting"  # prepared, its publish holding for the due second
                state.attempts = pending.attempt
                if pending.HasField("last_failure"):
                    state.error = pending.last_failure.message
                if pending.HasField("next_attempt_schedule_time"):
                    state.next_retry = pending.next_attempt_schedule_time.ToDatetime(tzinfo=UTC)
        state.error = state.error or post.last_error
        return state
