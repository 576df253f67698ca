"""AudienceLearningWorkflow: the durable periodic job that refits each account's best-times
model from the engagement of its media. One per deployment (fixed id), started by every
worker at start (the second start finds it running). A round learns the accounts whose
model is missing or stale; the `learn_now` signal learns named accounts at once.
Continues as new every `rounds_per_run` rounds, carrying what was asked meanwhile."""

from dataclasses import replace
from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError

with workflow.unsafe.imports_passed_through():
    from workflows.audience.activities import AudienceActivities
    from workflows.contracts.audience import (
        AUDIENCE_WORKFLOW_NAME,
        LEARN_NOW_SIGNAL,
        AccountToLearn,
        AudienceInput,
        LearnNow,
        LearnRound,
    )

RETRIES = RetryPolicy(
    initial_interval=timedelta(seconds=5), maximum_interval=timedelta(minutes=5), maximum_attempts=5
)


@workflow.defn(name=AUDIENCE_WORKFLOW_NAME)
class AudienceLearningWorkflow:
    def __init__(self) -> None:
        self._asked: list[AccountToLearn] = []

    @workflow.signal(name=LEARN_NOW_SIGNAL)
    def learn_now(self, request: LearnNow) -> None:
        self._asked.extend(request.accounts)

    @workflow.run
    async def run(self, request: AudienceInput) -> None:
        self._asked = list(request.asked) + self._asked
        for _ in range(request.rounds_per_run):
            asked, self._asked = self._asked, []
            more = False
            try:
                learned = await workflow.execute_activity_method(
                    AudienceActivities.learn,
                    LearnRound(request.stale_after_seconds, request.batch, asked),
                    start_to_close_timeout=timedelta(minutes=30),
                    heartbeat_timeout=timedelta(minutes=2),
                    retry_policy=RETRIES,
                )
                more = learned.more
            except ActivityError:
                pass  # the scheduler away: the next round catches up
            if more or self._asked:
                continue
            try:
                await workflow.wait_condition(
                    lambda: bool(self._asked), timeout=timedelta(seconds=request.interval_seconds)
                )
            except TimeoutError:
                pass
        await workflow.wait_condition(workflow.all_handlers_finished)
        workflow.continue_as_new(replace(request, asked=self._asked))
