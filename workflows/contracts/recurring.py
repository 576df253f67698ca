"""Inputs and results of the recurring-series workflow and its activities (new fields get
defaults, so that series sleeping in production keep decoding)."""

from dataclasses import dataclass

from workflows.contracts.publishing import PublishPostInput

SERIES_WORKFLOW_NAME = "RecurringPostWorkflow"
CHANGE_RULE_UPDATE = "change_rule"
UPCOMING_QUERY = "upcoming"
# Activity names are in the histories of running series: never rename one.
NEXT_OCCURRENCES_ACTIVITY = "next_occurrences"
CREATE_OCCURRENCE_ACTIVITY = "create_occurrence"


def series_workflow_id(post_id: str) -> str:
    """One live series per post."""
    return f"series-{post_id}"


@dataclass
class SeriesRule:
    rrule: str
    timezone: str
    # Naive ISO 8601 on the zone's wall clock.
    start: str


@dataclass
class SeriesInput:
    post_id: str
    user_id: str
    account_id: str
    rule: SeriesRule
    lead_seconds: float = 300.0
    reconcile_interval_seconds: float = 60.0
    reauth_wait_seconds: float = 72 * 3600.0
    reauth_poll_seconds: float = 300.0
    # The last occurrence handled (UTC ISO 8601), carried over continue-as-new.
    after: str = ""
    # Occurrences made by earlier runs of this series.
    made: int = 0
    # Occurrences per run before continuing as new (keeps the history short).
    per_run: int = 100

    def publish_input(self, post_id: str, publish_at: str) -> PublishPostInput:
        """The publishing workflow of one occurrence: this series' account and timings."""
        return PublishPostInput(
            post_id=post_id,
            user_id=self.user_id,
            account_id=self.account_id,
            publish_at=publish_at,
            lead_seconds=self.lead_seconds,
            reconcile_interval_seconds=self.reconcile_interval_seconds,
            reauth_wait_seconds=self.reauth_wait_seconds,
            reauth_poll_seconds=self.reauth_poll_seconds,
        )


@dataclass
class OccurrenceQuery:
    rule: SeriesRule
    after: str
    limit: int


@dataclass
class OccurrenceRequest:
    series_id: str
    user_id: str
    account_id: str
    # UTC ISO 8601
    at: str
    timezone: str


@dataclass
class Occurrence:
    # scheduled (post_id is the copy), skipped (the post cannot publish as it is now:
    # error says why) or series_gone (the series' post was deleted)
    outcome: str
    post_id: str = ""
    status: str = ""
    error: str = ""
