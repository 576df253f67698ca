"""Inputs and results of the recurring-series workflow and its activities (new fields get
defaults, so that series sleeping in production keep decoding)."""

from dataclasses import dataclass

SERIES_WORKFLOW_NAME = "RecurringPostWorkflow"


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
    # The last occurrence handled (UTC ISO 8601), carried over continue-as-new.
    after: str = ""
    # Occurrences made by earlier runs of this series.
    made: int = 0
    # Occurrences per run before continuing as new (keeps the history short).
    per_run: int = 100


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
