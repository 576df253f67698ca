"""Inputs and names of the maintenance workflows (new fields get defaults, so that a
workflow sleeping in production keeps decoding)."""

from dataclasses import dataclass

MEDIA_PURGE_WORKFLOW_NAME = "MediaPurgeWorkflow"
PURGE_DELETED_MEDIA_ACTIVITY = "purge_deleted_media"
# One for the whole deployment.
MEDIA_PURGE_WORKFLOW_ID = "media-purge"


@dataclass
class PurgeInput:
    # How often a round runs. (The grace period is the media service's own setting, so a
    # change of it applies at once; this one applies when the workflow is started anew.)
    interval_seconds: float
    # Rounds per run, then continue-as-new (a short history).
    rounds_per_run: int = 100


@dataclass
class PurgeRound:
    purged: int
    files_removed: int


ACCOUNT_UPKEEP_WORKFLOW_NAME = "AccountUpkeepWorkflow"
KEEP_ACCOUNTS_CONNECTED_ACTIVITY = "keep_accounts_connected"
ACCOUNT_UPKEEP_WORKFLOW_ID = "account-upkeep"


@dataclass
class UpkeepInput:
    # How often a round runs (refreshing tokens, checking Page tokens, expiry warnings).
    interval_seconds: float
    rounds_per_run: int = 100


SCHEDULE_RECONCILE_WORKFLOW_NAME = "ScheduleReconcileWorkflow"
RECONCILE_SCHEDULES_ACTIVITY = "reconcile_schedules"
SCHEDULE_RECONCILE_WORKFLOW_ID = "schedule-reconcile"


@dataclass
class ReconcileInput:
    # How often a round runs (every scheduled post has its workflow at its time).
    interval_seconds: float
    rounds_per_run: int = 100


@dataclass
class ReconcileRound:
    posts_checked: int = 0
    workflows_checked: int = 0
    repaired: int = 0
    failed: int = 0
    busy: int = 0


@dataclass
class UpkeepRound:
    refreshed: int = 0
    checked: int = 0
    needs_reauth: int = 0
    warned: int = 0
