"""Inputs of the engagement metrics workflow (new fields get defaults, so that workflows
sleeping in production keep decoding)."""

from dataclasses import dataclass

METRICS_WORKFLOW_NAME = "PostMetricsWorkflow"
COLLECT_METRICS_ACTIVITY = "collect_metrics"
# Collect every 5 minutes in the first day, hourly in the first week, daily to 30 days.
CADENCE = ((86_400, 300), (7 * 86_400, 3_600), (30 * 86_400, 86_400))


def metrics_workflow_id(post_id: str) -> str:
    """One per published post."""
    return f"metrics-{post_id}"


def interval_at(age_seconds: float, scale: float) -> float | None:
    """Seconds until the next collection for a post this old; None once it is 30 days old."""
    for until, every in CADENCE:
        if age_seconds < until:
            return every * scale
    return None


@dataclass
class MetricsInput:
    post_id: str
    user_id: str
    account_id: str
    media_id: str
    # UTC ISO 8601.
    published_at: str
    # Intervals multiplied by this (tests: collect every second or so).
    interval_scale: float = 1.0
    # 0: until 30 days; else stop after this many collections (tests).
    max_samples: int = 0
    # Collections so far, carried over continue-as-new.
    samples: int = 0
    per_run: int = 100
    # The post's type (photo, carousel, reel, video, story): which metrics Instagram has.
    post_type: str = ""


@dataclass
class Collected:
    # False: the post or its account is gone; collecting ends.
    go_on: bool
