"""Recurring series: start, change, stop and read them. The scheduler keeps a row per series
(what the user asked for) and drives its RecurringPostWorkflow (what happens next)."""

import asyncio
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from temporalio.client import Client
from temporalio.common import WorkflowIDReusePolicy
from temporalio.exceptions import WorkflowAlreadyStartedError

from lib import recurrence
from lib.common import member_scope, temporal_client
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import conflict, invalid_field, not_found
from lib.common.grpc_errors import ask
from protos import posts_pb2, posts_pb2_grpc
from services.scheduler import accounts
from services.scheduler.models import RecurringSeries
from workflows.contracts.recurring import (
    CHANGE_RULE_UPDATE,
    SERIES_WORKFLOW_NAME,
    SeriesInput,
    SeriesRule,
    series_workflow_id,
)

# Occurrences checked against the account's minimum gap when a rule is set.
CHECKED_OCCURRENCES = 50
SHOWN_OCCURRENCES = 5


@dataclass
class SeriesView:
    row: RecurringSeries
    # active, finished (the rule has no more occurrences) or stopped
    status: str
    # The next occurrences, aware, in the series' zone.
    upcoming: list[datetime]


class SeriesManager:
    def __init__(
        self, *, db: Database, posts: posts_pb2_grpc.PostsStub, temporal: Client, settings: Settings
    ) -> None:
        self._db = db
        self._posts = posts
        self._temporal = temporal
        self._settings = settings

    async def _checked_rule(
        self, user_id: uuid.UUID, post_id: str, account_id: str, rrule: str, start: str, zone: str
    ) -> tuple[recurrence.Rule, uuid.UUID]:
        """The rule, if the post could publish, the account is the user's and the rule's
        occurrences respect the account's minimum gap."""
        rule = recurrence.parse(rrule, start, zone)
        account = await accounts.connected(db=self._db, user_id=user_id, account_id=account_id)
        member_scope.require(account.id)
        await ask(
            self._posts.CheckPublishable(posts_pb2.PostRef(user_id=str(user_id), post_id=post_id), timeout=10)
        )
        # Off the event loop: an expansion may take up to its budget of CPU.
        coming = await asyncio.to_thread(recurrence.occurrences, rule, datetime.now(UTC), CHECKED_OCCURRENCES)
        if not coming:
            raise invalid_field("rrule", "has no occurrence after now")
        gap = timedelta(minutes=accounts.min_gap(account, self._settings))
        closest = recurrence.closest_spacing(coming)
        if closest is not None and closest < gap:
            raise invalid_field(
                "rrule",
                f"has occurrences {closest.total_seconds() / 60:g} minutes apart; posts on this account "
                f"must be at least {gap.total_seconds() / 60:g} minutes apart",
            )
        return rule, account.id

    def _input(self, row: RecurringSeries) -> SeriesInput:
        return SeriesInput(
            post_id=str(row.post_id),
            user_id=str(row.user_id),
            account_id=str(row.account_id),
            rule=SeriesRule(row.rrule, row.timezone, row.start_local),
            lead_seconds=self._settings.publish_lead_seconds,
            reconcile_interval_seconds=self._settings.reconcile_interval_seconds,
            reauth_wait_seconds=self._settings.reauth_wait_hours * 3600,
            reauth_poll_seconds=self._settings.reauth_poll_seconds,
            per_run=self._settings.series_occurrences_per_run,
        )

    async def _start_workflow(self, row: RecurringSeries) -> None:
        try:
            await self._temporal.start_workflow(
                SERIES_WORKFLOW_NAME,
                self._input(row),
                id=series_workflow_id(str(row.post_id)),
                task_queue=self._settings.temporal_task_queue,
                id_reuse_policy=WorkflowIDReusePolicy.ALLOW_DUPLICATE,
            )
        except WorkflowAlreadyStartedError as err:
            raise conflict(
                "series_exists", "The post already repeats; change the series (PUT) instead"
            ) from err

    async def start(
        self, *, user_id: uuid.UUID, post_id: str, account_id: str, rrule: str, start: str, zone: str
    ) -> SeriesView:
        rule, account = await self._checked_rule(user_id, post_id, account_id, rrule, start, zone)
        values = {
            "user_id": user_id,
            "account_id": account,
            "rrule": rule.rrule,
            "timezone": rule.timezone,
            "start_local": rule.start.isoformat(),
            "stopped_at": None,
            "updated_at": datetime.now(UTC),
        }
        statement = (
            insert(RecurringSeries)
            .values(post_id=uuid.UUID(post_id), **values)
            # A stopped series of the post may start again; an active one may not.
            .on_conflict_do_update(
                index_elements=[RecurringSeries.post_id],
                set_=values,
                where=RecurringSeries.stopped_at.is_not(None),
            )
            .returning(RecurringSeries)
        )
        async with self._db.transaction() as session:
            row = await session.scalar(statement)
        if row is None:
            raise conflict("series_exists", "The post already repeats; change the series (PUT) instead")
        await self._start_workflow(row)
        return await self._view(row, "active")

    async def change(
        self, *, user_id: uuid.UUID, post_id: str, account_id: str, rrule: str, start: str, zone: str
    ) -> SeriesView:
        current = await self._own(user_id, post_id)
        if current.stopped_at is not None:
            raise conflict("series_stopped", "The series is stopped; start it again (POST)")
        rule, account = await self._checked_rule(user_id, post_id, account_id, rrule, start, zone)
        async with self._db.transaction() as session:
            row = await session.scalar(
                update(RecurringSeries)
                .where(RecurringSeries.post_id == current.post_id, RecurringSeries.stopped_at.is_(None))
                .values(
                    account_id=account,
                    rrule=rule.rrule,
                    timezone=rule.timezone,
                    start_local=rule.start.isoformat(),
                    updated_at=datetime.now(UTC),
                )
                .returning(RecurringSeries)
            )
        if row is None:
            raise conflict("series_stopped", "The series was stopped meanwhile")
        handle = self._temporal.get_workflow_handle(series_workflow_id(post_id))
        running = await temporal_client.running(self._temporal, series_workflow_id(post_id))
        if running and row.account_id == current.account_id:
            await handle.execute_update(
                CHANGE_RULE_UPDATE, SeriesRule(row.rrule, row.timezone, row.start_local)
            )
        else:
            # Finished (the old rule ran out) or moved to another account: start afresh.
            if running:
                await handle.terminate("series moved to another account")
            await self._start_workflow(row)
        return await self._view(row, "active")

    async def stop(self, *, user_id: uuid.UUID, post_id: str) -> SeriesView:
        """No more occurrences; copies already made stay scheduled (unschedule them one by one)."""
        current = await self._own(user_id, post_id)
        async with self._db.transaction() as session:
            row = await session.scalar(
                update(RecurringSeries)
                .where(RecurringSeries.post_id == current.post_id, RecurringSeries.stopped_at.is_(None))
                .values(stopped_at=datetime.now(UTC), updated_at=datetime.now(UTC))
                .returning(RecurringSeries)
            )
        if row is None:
            raise conflict("series_stopped", "The series is stopped already")
        if await temporal_client.running(self._temporal, series_workflow_id(post_id)):
            await self._temporal.get_workflow_handle(series_workflow_id(post_id)).cancel()
        return await self._view(row, "stopped")

    async def get(self, *, user_id: uuid.UUID, post_id: str) -> SeriesView:
        row = await self._own(user_id, post_id)
        if row.stopped_at is not None:
            return await self._view(row, "stopped")
        running = await temporal_client.running(self._temporal, series_workflow_id(post_id))
        return await self._view(row, "active" if running else "finished")

    async def _own(self, user_id: uuid.UUID, post_id: str) -> RecurringSeries:
        try:
            key = uuid.UUID(post_id)
        except ValueError:
            key = None
        async with self._db.reading() as session:
            row = key and await session.scalar(
                select(RecurringSeries).where(
                    RecurringSeries.post_id == key, RecurringSeries.user_id == user_id
                )
            )
        if not row:
            raise not_found("Series")
        return row

    async def _view(self, row: RecurringSeries, status: str) -> SeriesView:
        upcoming: list[datetime] = []
        if status == "active":
            rule = recurrence.Rule(row.rrule, row.timezone, datetime.fromisoformat(row.start_local))
            zone = ZoneInfo(row.timezone)
            coming = await asyncio.to_thread(
                recurrence.occurrences, rule, datetime.now(UTC), SHOWN_OCCURRENCES
            )
            upcoming = [moment.astimezone(zone) for moment in coming]
        return SeriesView(row, status, upcoming)
