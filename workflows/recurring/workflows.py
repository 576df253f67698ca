"""RecurringPostWorkflow: one per recurring post; makes each occurrence a scheduled copy.

Loop: ask for the next occurrences of the rule, sleep until an occurrence is close
(twice the publishing lead), have the posts service make the scheduled copy, and
start that copy's own PublishPostWorkflow (abandoned by the series: stopping the series
leaves copies already made to publish, or to be unscheduled one by one). A rule change
(update) wakes the sleep and recomputes. After `per_run` occurrences the workflow
continues as new, carrying only the last occurrence handled.
"""

from dataclasses import replace
from datetime import datetime, timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import WorkflowAlreadyStartedError

with workflow.unsafe.imports_passed_through():
    from lib.post_status import PostStatus
    from workflows.contracts.publishing import WORKFLOW_NAME, workflow_id
    from workflows.contracts.recurring import (
        CHANGE_RULE_UPDATE,
        SERIES_WORKFLOW_NAME,
        UPCOMING_QUERY,
        OccurrenceQuery,
        OccurrenceRequest,
        SeriesInput,
        SeriesRule,
    )
    from workflows.recurring.activities import SeriesActivities

BATCH = 10
RETRIES = RetryPolicy(initial_interval=timedelta(seconds=2), maximum_interval=timedelta(minutes=5))


@workflow.defn(name=SERIES_WORKFLOW_NAME)
class RecurringPostWorkflow:
    def __init__(self) -> None:
        self._rule: SeriesRule | None = None
        self._changed = False
        self._upcoming: list[str] = []

    @workflow.run
    async def run(self, series: SeriesInput) -> int:
        """The number of occurrences made, when the rule has no more."""
        self._rule = series.rule
        # The copy exists one lead before its publishing workflow prepares it: visible in the
        # calendar, editable, and prepared on time.
        ahead = 2 * timedelta(seconds=series.lead_seconds)
        after, made = series.after, 0
        while True:
            self._changed = False
            self._upcoming = await workflow.execute_activity_method(
                SeriesActivities.next_occurrences,
                OccurrenceQuery(self._rule, after, BATCH),
                start_to_close_timeout=timedelta(seconds=30),
                retry_policy=RETRIES,
            )
            if not self._upcoming:
                return series.made + made
            for at in list(self._upcoming):
                remaining = datetime.fromisoformat(at) - ahead - workflow.now()
                if remaining > timedelta(0):
                    try:
                        await workflow.wait_condition(lambda: self._changed, timeout=remaining)
                    except TimeoutError:
                        pass
                if self._changed:
                    break
                if not await self._occur(series, at):
                    return series.made + made
                after, made = at, made + 1
                self._upcoming.remove(at)
                if made >= series.per_run or workflow.info().is_continue_as_new_suggested():
                    workflow.continue_as_new(
                        replace(series, rule=self._rule, after=after, made=series.made + made)
                    )

    async def _occur(self, series: SeriesInput, at: str) -> bool:
        """Make the occurrence at `at` and start its publishing; False when the series' post is gone."""
        occurrence = await workflow.execute_activity_method(
            SeriesActivities.create_occurrence,
            OccurrenceRequest(series.post_id, series.user_id, series.account_id, at, self._rule.timezone),
            start_to_close_timeout=timedelta(seconds=30),
            retry_policy=RETRIES,
        )
        if occurrence.outcome == "series_gone":
            return False
        if occurrence.outcome == "skipped":
            workflow.logger.warning("occurrence %s of %s skipped: %s", at, series.post_id, occurrence.error)
            return True
        if occurrence.status != PostStatus.SCHEDULED:
            return True  # its owner moved it on already
        try:
            await workflow.start_child_workflow(
                WORKFLOW_NAME,
                series.publish_input(occurrence.post_id, at),
                id=workflow_id(occurrence.post_id),
                parent_close_policy=workflow.ParentClosePolicy.ABANDON,
            )
        except WorkflowAlreadyStartedError:
            pass  # started by an earlier attempt
        return True

    @workflow.update(name=CHANGE_RULE_UPDATE)
    async def change_rule(self, rule: SeriesRule) -> None:
        """A new rule (or zone, or start) for the occurrences not made yet."""
        self._rule = rule
        self._changed = True

    @workflow.query(name=UPCOMING_QUERY)
    def upcoming(self) -> list[str]:
        return list(self._upcoming)
