"""The publishing and recurring workflows on their own: Temporal's time-skipping test
server, with stub activities under the contract's names (the way temporalio/samples-python
tests workflows). Days of durable waiting pass in milliseconds; every branch of the
workflow is reached by what the stubs answer. No Postflow process is started."""

import asyncio
import shutil
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from temporalio import activity
from temporalio.client import WorkflowUpdateFailedError
from temporalio.exceptions import ApplicationError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from lib.post_status import PostStatus
from workflows.contracts import publishing, recurring
from workflows.contracts.publishing import (
    Outcome,
    PostRef,
    Prepared,
    Published,
    PublishInput,
    PublishPostInput,
)
from workflows.contracts.recurring import (
    Occurrence,
    OccurrenceQuery,
    OccurrenceRequest,
    SeriesInput,
    SeriesRule,
)
from workflows.worker import WORKFLOWS

TEST_SERVER = shutil.which("temporal-test-server", path=str(Path(sys.executable).parent))
LEAD = timedelta(minutes=5)


@dataclass
class Script:
    """What the stub activities answer, in order, and what they were asked, with when."""

    prepared: list = field(default_factory=list)
    published: list = field(default_factory=list)
    reconciled: list = field(default_factory=list)
    calls: list[tuple[str, datetime, object]] = field(default_factory=list)
    recorded: list[Outcome] = field(default_factory=list)
    # Publish calls that hold until they are cancelled (as when the post moves meanwhile).
    holds: int = 0
    cancelled: list[PublishInput] = field(default_factory=list)
    # When each publish call was started (a held one answers at once here, not at its due
    # second: the stub cannot make the test server's time pass while it runs).
    publish_started: list[datetime] = field(default_factory=list)

    def called(self, name: str) -> list[datetime]:
        return [at for kind, at, _ in self.calls if kind == name]

    def activities(self) -> list:
        script = self

        def answer(queue: list, name: str, argument):
            script.calls.append((name, activity.info().current_attempt_scheduled_time, argument))
            reply = queue.pop(0)
            if isinstance(reply, Exception):
                raise reply
            return reply

        @activity.defn(name=publishing.PREPARE_ACTIVITY)
        async def prepare(ref: PostRef) -> Prepared:
            return answer(script.prepared, "prepare", ref)

        @activity.defn(name=publishing.PUBLISH_ACTIVITY)
        async def publish(request: PublishInput) -> Published:
            if script.holds:
                script.holds -= 1
                try:
                    while True:  # held (in real time) until cancelled
                        activity.heartbeat()
                        await asyncio.sleep(0.05)
                except asyncio.CancelledError:
                    script.cancelled.append(request)
                    raise
            # A held publish goes out at its due second: that is when it publishes.
            scheduled = activity.info().current_attempt_scheduled_time
            due = datetime.fromisoformat(request.due_at) if request.due_at else scheduled
            script.calls.append(("publish", max(scheduled, due), request))
            script.publish_started.append(scheduled)
            reply = script.published.pop(0)
            if isinstance(reply, Exception):
                raise reply
            return reply

        @activity.defn(name=publishing.RECONCILE_ACTIVITY)
        async def reconcile(request: PublishInput) -> Published:
            return answer(script.reconciled, "reconcile", request)

        @activity.defn(name=publishing.RECORD_RESULT_ACTIVITY)
        async def record_result(outcome: Outcome) -> None:
            script.recorded.append(outcome)

        return [prepare, publish, reconcile, record_result]


@pytest.fixture
async def env():
    """A test server per test: a workflow left sleeping by one test cannot hold up the
    clock of the next."""
    async with await WorkflowEnvironment.start_time_skipping(test_server_existing_path=TEST_SERVER) as env:
        yield env


async def _publish(env, script: Script, days: float = 3, **kwargs) -> tuple[Outcome, datetime]:
    queue = f"stubbed-{uuid.uuid4().hex[:8]}"
    publish_at = (await _now(env)) + timedelta(days=days)
    request = PublishPostInput(
        post_id=str(uuid.uuid4()),
        user_id="u1",
        account_id="a1",
        publish_at=publish_at.isoformat(),
        lead_seconds=LEAD.total_seconds(),
        reconcile_interval_seconds=60,
        **kwargs,
    )
    async with Worker(env.client, task_queue=queue, workflows=WORKFLOWS, activities=script.activities()):
        outcome = await env.client.execute_workflow(
            publishing.WORKFLOW_NAME,
            request,
            id=publishing.workflow_id(request.post_id),
            task_queue=queue,
            result_type=Outcome,
        )
    return outcome, publish_at


async def _now(env) -> datetime:
    return (await env.get_current_time()).astimezone(UTC)


def _ready(version: int = 1) -> Prepared:
    return Prepared("ready", container_id=f"c{version}", version=version)


def _done(media_id: str = "m1") -> Published:
    return Published("published", media_id=media_id, permalink="https://instagram/p/1", published_at="x")


async def test_a_post_is_prepared_one_lead_ahead_and_published_at_its_time(env):
    script = Script(prepared=[_ready()], published=[_done()])
    outcome, publish_at = await _publish(env, script)
    assert outcome.status == PostStatus.PUBLISHED
    assert outcome.media_id == "m1"
    (prepared_at,) = script.called("prepare")
    (published_at,) = script.called("publish")
    assert publish_at - LEAD <= prepared_at < publish_at
    assert publish_at <= published_at < publish_at + timedelta(minutes=1)
    assert [o.status for o in script.recorded] == [PostStatus.PUBLISHED]


async def test_an_edit_after_preparation_prepares_again_and_publishes_the_new_version(env):
    script = Script(prepared=[_ready(1), _ready(2)], published=[Published("stale"), _done()])
    outcome, _ = await _publish(env, script)
    assert outcome.status == PostStatus.PUBLISHED
    versions = [argument.version for kind, _, argument in script.calls if kind == "publish"]
    assert versions == [1, 2]


async def test_a_reached_publishing_limit_waits_as_long_as_instagram_says_then_publishes(env):
    script = Script(
        prepared=[_ready()],
        published=[Published("quota", retry_after_seconds=3 * 3600), _done()],
    )
    outcome, _ = await _publish(env, script)
    assert outcome.status == PostStatus.PUBLISHED
    first, second = script.publish_started
    assert second - first >= timedelta(hours=3)
    assert all(argument.wait_for_quota for kind, _, argument in script.calls if kind == "publish")


async def test_a_post_deleted_before_its_time_ends_the_workflow_without_recording(env):
    script = Script(prepared=[Prepared("deleted")])
    outcome, _ = await _publish(env, script)
    assert outcome.status == "deleted"
    assert script.called("publish") == []
    assert script.recorded == []


async def test_media_instagram_refuses_fails_the_post_once_with_the_reason(env):
    refused = ApplicationError("The image is too small", type="MediaRejected", non_retryable=True)
    script = Script(prepared=[refused])
    outcome, _ = await _publish(env, script)
    assert outcome.status == PostStatus.FAILED
    assert "too small" in outcome.error
    assert len(script.called("prepare")) == 1
    assert [o.status for o in script.recorded] == [PostStatus.FAILED]


async def test_a_transient_failure_is_retried_and_the_post_still_publishes(env):
    script = Script(
        prepared=[ApplicationError("Instagram 503", type="TransientError"), _ready()], published=[_done()]
    )
    outcome, _ = await _publish(env, script)
    assert outcome.status == PostStatus.PUBLISHED
    assert len(script.called("prepare")) == 2


async def test_an_unknown_outcome_is_reconciled_never_published_twice(env):
    unknown = ApplicationError("no answer", type="OutcomeUnknown", non_retryable=True)
    script = Script(prepared=[_ready()], published=[unknown], reconciled=[_done("m9")])
    outcome, _ = await _publish(env, script)
    assert outcome.status == PostStatus.PUBLISHED
    assert outcome.media_id == "m9"
    assert len(script.called("publish")) == 1
    assert [o.status for o in script.recorded] == [PostStatus.NEEDS_RECONCILE, PostStatus.PUBLISHED]
    (asked,) = script.called("reconcile")
    (published,) = script.publish_started
    assert asked - published >= timedelta(seconds=60)


async def test_a_container_that_was_never_published_fails_the_post_for_a_person_to_reschedule(env):
    unknown = ApplicationError("no answer", type="OutcomeUnknown", non_retryable=True)
    script = Script(prepared=[_ready()], published=[unknown], reconciled=[Published("not_published")])
    outcome, _ = await _publish(env, script)
    assert outcome.status == PostStatus.FAILED
    assert "schedule it again" in outcome.error
    assert len(script.called("publish")) == 1


async def test_the_publish_holds_from_preparation_until_its_time(env):
    script = Script(prepared=[_ready()], published=[_done()])
    outcome, publish_at = await _publish(env, script)
    assert outcome.status == PostStatus.PUBLISHED
    ((_, _, request),) = [call for call in script.calls if call[0] == "publish"]
    assert request.due_at == publish_at.isoformat() and request.container_id == "c1"
    # Started with the preparation, a lead ahead: nothing is left to start at the due second.
    (prepared_at,) = script.called("prepare")
    assert prepared_at < publish_at - timedelta(minutes=4)


async def test_a_move_while_the_publish_holds_cancels_it_and_holds_again_for_the_new_time(env):
    script = Script(prepared=[_ready()], published=[_done()], holds=1)
    queue = f"stubbed-{uuid.uuid4().hex[:8]}"
    now = await _now(env)
    first = now + LEAD / 2  # prepared at once: the publish holds right away
    request = PublishPostInput("p-held", "u1", "a1", first.isoformat(), LEAD.total_seconds())
    async with Worker(env.client, task_queue=queue, workflows=WORKFLOWS, activities=script.activities()):
        handle = await env.client.start_workflow(
            publishing.WORKFLOW_NAME,
            request,
            id=f"held-{uuid.uuid4().hex}",
            task_queue=queue,
            result_type=Outcome,
        )
        while script.holds:  # noqa: ASYNC110 (the stub's counter, not an event)
            await asyncio.sleep(0.05)
        moved = first + timedelta(hours=5)
        await handle.execute_update(publishing.RESCHEDULE_UPDATE, moved.isoformat())
        outcome = await handle.result()
    assert outcome.status == PostStatus.PUBLISHED
    (cancelled,) = script.cancelled
    assert cancelled.due_at == first.isoformat()
    ((published_at, again),) = [(at, r) for kind, at, r in script.calls if kind == "publish"]
    assert again.due_at == moved.isoformat() and published_at >= moved
    assert len(script.called("prepare")) == 1, "the container made for the first time is kept"


async def test_a_publish_that_finds_its_post_moved_holds_again_for_the_posts_time(env):
    """A move marked on the post in the last seconds, before the workflow hears of it: the
    held publish finds the post's time changed and the workflow takes that time."""
    now = await _now(env)
    later = now + timedelta(days=4)
    script = Script(prepared=[_ready()], published=[Published("moved", moved_to=later.isoformat()), _done()])
    outcome, _ = await _publish(env, script, days=3)
    assert outcome.status == PostStatus.PUBLISHED
    first, second = [r for kind, _, r in script.calls if kind == "publish"]
    assert second.due_at == later.isoformat() and second.container_id == first.container_id
    assert script.called("publish")[1] >= later


async def test_a_reschedule_moves_the_wait_and_a_past_time_is_refused(env):
    script = Script(prepared=[_ready()], published=[_done()])
    queue = f"stubbed-{uuid.uuid4().hex[:8]}"
    now = await _now(env)
    request = PublishPostInput(
        "p-moved", "u1", "a1", (now + timedelta(days=2)).isoformat(), LEAD.total_seconds()
    )
    moved = now + timedelta(days=9)
    async with Worker(env.client, task_queue=queue, workflows=WORKFLOWS, activities=script.activities()):
        handle = await env.client.start_workflow(
            publishing.WORKFLOW_NAME,
            request,
            id=f"moved-{uuid.uuid4().hex}",
            task_queue=queue,
            result_type=Outcome,
        )
        with pytest.raises(WorkflowUpdateFailedError):
            await handle.execute_update(publishing.RESCHEDULE_UPDATE, (now - timedelta(days=1)).isoformat())
        await handle.execute_update(publishing.RESCHEDULE_UPDATE, moved.isoformat())
        assert await handle.query(publishing.PUBLISH_AT_QUERY) == moved.isoformat()
        outcome = await handle.result()
    assert outcome.status == PostStatus.PUBLISHED
    (published_at,) = script.called("publish")
    assert published_at >= moved


@dataclass
class SeriesScript(Script):
    occurrences: list[list[str]] = field(default_factory=list)
    made: list[OccurrenceRequest] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    gone_after: int = 1000

    def activities(self) -> list:
        script = self

        @activity.defn(name=recurring.NEXT_OCCURRENCES_ACTIVITY)
        async def next_occurrences(query: OccurrenceQuery) -> list[str]:
            return script.occurrences.pop(0) if script.occurrences else []

        @activity.defn(name=recurring.CREATE_OCCURRENCE_ACTIVITY)
        async def create_occurrence(request: OccurrenceRequest) -> Occurrence:
            if len(script.made) >= script.gone_after:
                return Occurrence("series_gone")
            script.made.append(request)
            script.calls.append(
                ("create_occurrence", activity.info().current_attempt_scheduled_time, request)
            )
            # Should a copy's publishing workflow reach its time: the copy was deleted.
            script.prepared.append(Prepared("deleted"))
            copy = f"copy-{uuid.uuid4().hex}"
            script.copies.append(copy)
            return Occurrence("scheduled", copy, PostStatus.SCHEDULED)

        return [next_occurrences, create_occurrence, *super().activities()]


async def _run_series(env, script: SeriesScript) -> int:
    queue = f"series-{uuid.uuid4().hex[:8]}"
    series = SeriesInput(
        "s1", "u1", "a1", SeriesRule("FREQ=DAILY", "UTC", "2027-01-01T09:00"), lead_seconds=300
    )
    async with Worker(env.client, task_queue=queue, workflows=WORKFLOWS, activities=script.activities()):
        made = await env.client.execute_workflow(
            recurring.SERIES_WORKFLOW_NAME, series, id=f"series-{uuid.uuid4().hex}", task_queue=queue
        )
        # Each copy has a publishing workflow of its own, for the occurrence's time (it
        # outlives the series: an abandoned child).
        for copy, request in zip(script.copies, script.made, strict=True):
            child = env.client.get_workflow_handle(publishing.workflow_id(copy))
            assert await child.query(publishing.PUBLISH_AT_QUERY) == request.at
        return made


async def test_a_series_makes_each_occurrence_on_time_and_ends_with_its_rule(env):
    now = await _now(env)
    days = [(now + timedelta(days=d)).isoformat() for d in (1, 2, 3)]
    script = SeriesScript(occurrences=[days])
    assert await _run_series(env, script) == 3
    assert [r.at for r in script.made] == days
    assert all(r.account_id == "a1" and r.series_id == "s1" for r in script.made)
    # Each copy is made two leads before its time (visible and editable), not earlier.
    made_at = script.called("create_occurrence")
    for at, when in zip(days, made_at, strict=True):
        due = datetime.fromisoformat(at)
        assert due - 2 * LEAD <= when < due


async def test_a_series_whose_post_is_deleted_stops(env):
    now = await _now(env)
    days = [(now + timedelta(days=d)).isoformat() for d in (1, 2, 3, 4)]
    script = SeriesScript(occurrences=[days], gone_after=2)
    assert await _run_series(env, script) == 2
