"""The schedule reconciler: every scheduled post has its publishing workflow, sleeping until
the post's time, and every publishing workflow that waits has a post scheduled at its time.
Run every `schedule_reconcile_interval_seconds` by the maintenance workflow, and by hand
after a restore (`python -m services.scheduler.reconcile`).

Where the two differ, the side changed last is right. In normal running the post is
changed first and its workflow second, so a workflow that missed a change (a move whose
update was lost, a take-back whose cancel failed) is older than its post and is repaired
from it. After PostgreSQL is restored from a backup, Temporal still holds what happened
since: the restored post is older than its workflow, and the post is repaired from the
workflow (a move, a schedule, a take-back, or the outcome of a publish made since).

Each repair is made under the post's claim (services/scheduler/claims.py) after reading
both sides again, so it never races a person's own change; a post being changed right now
is left for the next round. Every repair is logged and returned in the report.
"""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from temporalio.api.enums.v1 import EventType
from temporalio.client import Client, WorkflowExecutionDescription, WorkflowExecutionStatus

from lib.common import temporal_client
from lib.common.errors import ServiceError
from lib.common.grpc_errors import ask
from lib.common.proto_time import to_timestamp
from lib.post_status import RECORDED_BY_WORKER, PostStatus
from protos import posts_pb2
from services.scheduler import claims, local_time
from services.scheduler.scheduling import Scheduled, Scheduler
from workflows.contracts import search_attributes
from workflows.contracts.publishing import (
    PUBLISH_AT_QUERY,
    RESCHEDULE_UPDATE,
    WORKFLOW_NAME,
    Outcome,
    workflow_id,
)

log = logging.getLogger(__name__)

# Two times closer than this are the same time (a timestamp's round trip).
SAME_TIME = timedelta(seconds=1)
# A post scheduled this recently may be about to get its workflow from a path that takes no
# claim (a series' occurrence): it is left for the next round.
SETTLING = timedelta(seconds=30)
# A workflow is its post's only while it waits: once it publishes, records or posts the
# first comment, the post's status (publishing, published, failed) says so and is right.
PAST_WAITING = (PostStatus.PUBLISHING, PostStatus.PUBLISHED, PostStatus.FAILED, PostStatus.NEEDS_RECONCILE)
REPORTED_REPAIRS = 200


@dataclass
class Repair:
    post_id: str
    action: str  # what was done: started, moved_workflow, moved_post, scheduled_post, ...
    detail: str


@dataclass
class Report:
    posts_checked: int = 0
    workflows_checked: int = 0
    repairs: list[Repair] = field(default_factory=list)
    # Being changed by a person during the round: left for the next one.
    busy: int = 0
    # A repair that could not be made (its reason in the detail).
    failed: list[Repair] = field(default_factory=list)


@dataclass
class _Workflow:
    """A post's latest publishing workflow run."""

    description: WorkflowExecutionDescription
    running: bool
    # When it last changed: its start, its last move (an update), or its end.
    changed_at: datetime
    publish_at: datetime | None = None


class Reconciler:
    def __init__(self, *, scheduler: Scheduler, temporal: Client, missed_grace: timedelta) -> None:
        self._scheduler = scheduler
        self._temporal = temporal
        self._posts = scheduler.posts
        self._missed_grace = missed_grace

    async def run(self) -> Report:
        report = Report()
        scheduled = await self._scheduled_posts()
        waiting = await self._waiting_workflows()
        report.posts_checked, report.workflows_checked = len(scheduled), len(waiting)
        suspects = {
            post_id
            for post_id, record in scheduled.items()
            if PostStatus.from_proto(record.status) == PostStatus.SCHEDULED
            and not _same(waiting.get(post_id), record.scheduled_for.ToDatetime(tzinfo=UTC))
        }
        # Workflows whose post is not scheduled (taken back, deleted, or unknown here).
        suspects |= set(waiting) - set(scheduled)
        for post_id in sorted(suspects):
            try:
                async with claims.claimed(self._scheduler.db, post_id):
                    repair = await self._repair(post_id)
            except ServiceError as err:
                if err.code == "schedule_in_progress":
                    report.busy += 1
                    continue
                repair = Repair(post_id, "failed", f"{err.code}: {err.message}")
            except Exception as err:  # noqa: BLE001 - one post's trouble (Temporal away, say) is reported, the round goes on
                log.exception("schedule reconciler: post %s not repaired", post_id)
                repair = Repair(post_id, "failed", f"{type(err).__name__}: {err}")
            if repair is None:
                continue
            log.warning("schedule reconciler: post %s %s (%s)", repair.post_id, repair.action, repair.detail)
            target = report.failed if repair.action == "failed" else report.repairs
            if len(target) < REPORTED_REPAIRS:
                target.append(repair)
        return report

    async def _scheduled_posts(self) -> dict[str, posts_pb2.ScheduleRecord]:
        found, after = {}, ""
        while True:
            page = await ask(
                self._posts.ListScheduleRecords(posts_pb2.ScheduleRecordsRequest(after_id=after), timeout=30)
            )
            found |= {record.post_id: record for record in page.records}
            after = page.next_after_id
            if not after:
                return found

    async def _waiting_workflows(self) -> dict[str, datetime | None]:
        """post id -> the time its running workflow's search attribute says (None: none)."""
        found = {}
        query = f"WorkflowType = '{WORKFLOW_NAME}' AND ExecutionStatus = 'Running'"
        async for execution in self._temporal.list_workflows(query):
            post_id = execution.typed_search_attributes.get(search_attributes.POST_ID)
            if post_id:
                found[post_id] = execution.typed_search_attributes.get(search_attributes.SCHEDULED_TIME)
        return found

    async def _record_of(self, post_id: str) -> posts_pb2.ScheduleRecord | None:
        page = await ask(
            self._posts.ListScheduleRecords(posts_pb2.ScheduleRecordsRequest(post_ids=[post_id]), timeout=10)
        )
        return page.records[0] if page.records else None

    async def _workflow_of(self, post_id: str) -> _Workflow | None:
        described = await temporal_client.latest(self._temporal, workflow_id(post_id))
        if described is None:
            return None
        running = described.status == WorkflowExecutionStatus.RUNNING
        handle = self._temporal.get_workflow_handle(workflow_id(post_id), run_id=described.run_id)
        changed_at = described.close_time or described.start_time
        publish_at = None
        if running:
            async for event in handle.fetch_history_events():
                if event.event_type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
                    changed_at = max(changed_at, event.event_time.ToDatetime(tzinfo=UTC))
            publish_at = datetime.fromisoformat(await handle.query(PUBLISH_AT_QUERY))
        return _Workflow(described, running, changed_at, publish_at)

    async def _repair(self, post_id: str) -> Repair | None:
        """Both sides read again under the claim; the repair made, or None if they agree."""
        record = await self._record_of(post_id)
        flow = await self._workflow_of(post_id)
        if record is None or record.deleted:
            if flow is not None and flow.running:
                await self._cancel(post_id)
                return Repair(post_id, "cancelled_workflow", "its post is deleted or unknown")
            return None
        status = PostStatus.from_proto(record.status)
        post_changed = record.updated_at.ToDatetime(tzinfo=UTC)
        due = record.scheduled_for.ToDatetime(tzinfo=UTC) if record.HasField("scheduled_for") else None
        if flow is not None and flow.running:
            if status in PAST_WAITING:
                return None  # publishing, or recording what it did
            workflow_newer = flow.changed_at > post_changed
            if status == PostStatus.SCHEDULED:
                if _same(flow.publish_at, due):
                    return None
                if workflow_newer:
                    await self._mark(record, flow)
                    return Repair(
                        post_id, "moved_post", f"to {flow.publish_at.isoformat()}, its workflow's time"
                    )
                await self._move_workflow(post_id, due)
                return Repair(post_id, "moved_workflow", f"to {due.isoformat()}, its post's time")
            if workflow_newer:  # a draft in a restored database, scheduled since
                await self._mark(record, flow)
                return Repair(
                    post_id, "scheduled_post", f"at {flow.publish_at.isoformat()}, its workflow's time"
                )
            await self._cancel(post_id)
            return Repair(post_id, "cancelled_workflow", f"its post is {status}")
        if status not in (PostStatus.SCHEDULED, PostStatus.PUBLISHING):
            return None
        if flow is not None and flow.changed_at > post_changed:
            return await self._take_outcome(record, flow)
        if status == PostStatus.PUBLISHING:
            return Repair(
                post_id, "failed", "publishing with no workflow, and none ended since: look at the account"
            )
        if datetime.now(UTC) - post_changed < SETTLING:
            raise claims.in_progress(uuid.UUID(post_id))
        return await self._start(record, due)

    async def _take_outcome(self, record: posts_pb2.ScheduleRecord, flow: _Workflow) -> Repair:
        """The workflow ended after the post's last change (a restored database): the post
        takes what it did."""
        post_id = record.post_id
        outcome = None
        if flow.description.status == WorkflowExecutionStatus.COMPLETED:
            handle = self._temporal.get_workflow_handle(workflow_id(post_id), run_id=flow.description.run_id)
            outcome = await handle.result(result_type=Outcome)
        if outcome is None or outcome.status not in RECORDED_BY_WORKER:
            # Cancelled, or ended on finding the post taken back or deleted: a draft again,
            # which never publishes by itself.
            if PostStatus.from_proto(record.status) != PostStatus.SCHEDULED:
                return Repair(post_id, "failed", "publishing, and its workflow ended without an outcome")
            await ask(
                self._posts.MarkUnscheduled(
                    posts_pb2.PostRef(user_id=record.user_id, post_id=post_id), timeout=10
                )
            )
            ended = outcome.status if outcome else flow.description.status.name.lower()
            return Repair(post_id, "unscheduled_post", f"its workflow ended: {ended}")
        if PostStatus.from_proto(record.status) == PostStatus.SCHEDULED:
            await self._record(record, PostStatus.PUBLISHING)
        published = outcome.status == PostStatus.PUBLISHED
        await self._record(
            record,
            PostStatus(outcome.status),
            instagram_media_id=outcome.media_id,
            permalink=outcome.permalink,
            published_at=to_timestamp(datetime.fromisoformat(outcome.published_at))
            if published and outcome.published_at
            else None,
            error=outcome.error,
        )
        return Repair(post_id, "recorded_outcome", f"{outcome.status}, as its workflow ended")

    async def _start(self, record: posts_pb2.ScheduleRecord, due: datetime) -> Repair:
        """A scheduled post with no workflow, and none ended since: it gets one, publishing
        late if its time has passed, unless it is too late to be what the person wanted."""
        late = datetime.now(UTC) - due
        if late > self._missed_grace:
            await self._record(record, PostStatus.PUBLISHING)
            await self._record(
                record,
                PostStatus.FAILED,
                error=f"Missed: its time ({due.isoformat()}) passed while Postflow could not publish it, "
                f"more than {self._missed_grace.total_seconds() / 3600:g} hours ago; schedule it again",
            )
            return Repair(record.post_id, "failed_missed", f"due {due.isoformat()}")
        await self._scheduler.start_workflow(
            uuid.UUID(record.user_id), record.post_id, record.account_id, due
        )
        when = "late, now" if late > timedelta(0) else f"for {due.isoformat()}"
        return Repair(record.post_id, "started_workflow", when)

    async def _mark(self, record: posts_pb2.ScheduleRecord, flow: _Workflow) -> None:
        account_id = flow.description.typed_search_attributes.get(search_attributes.ACCOUNT_ID)
        zone = record.timezone or "UTC"
        scheduled = Scheduled(local_time.at_instant(flow.publish_at, zone))
        await self._scheduler.mark(
            uuid.UUID(record.user_id),
            record.post_id,
            account_id or record.account_id,
            scheduled,
            record.post_type,
        )

    async def _move_workflow(self, post_id: str, due: datetime) -> None:
        await self._temporal.get_workflow_handle(workflow_id(post_id)).execute_update(
            RESCHEDULE_UPDATE, due.isoformat()
        )

    async def _cancel(self, post_id: str) -> None:
        await self._temporal.get_workflow_handle(workflow_id(post_id)).cancel()

    async def _record(self, record: posts_pb2.ScheduleRecord, status: PostStatus, **outcome) -> None:
        await ask(
            self._posts.RecordPublishing(
                posts_pb2.RecordPublishingRequest(
                    user_id=record.user_id, post_id=record.post_id, status=status.to_proto(), **outcome
                ),
                timeout=10,
            )
        )


def _same(one: datetime | None, other: datetime | None) -> bool:
    return one is not None and other is not None and abs(one - other) < SAME_TIME
