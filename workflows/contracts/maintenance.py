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


PREFLIGHT_WORKFLOW_NAME = "PreflightWorkflow"
PREFLIGHT_ROUND_ACTIVITY = "preflight_round"
PREFLIGHT_WORKFLOW_ID = "preflight"


@dataclass
class PreflightInput:
    # How often a round runs: the posts entering their last day (and their last hour) are
    # checked within one interval.
    interval_seconds: float
    rounds_per_run: int = 100
    # Posts checked per round at most.
    limit: int = 200


@dataclass
class PreflightRound:
    checked: int = 0
    failed: int = 0


REMINDER_WORKFLOW_NAME = "ReminderWorkflow"
REMINDER_ROUND_ACTIVITY = "reminder_round"
REMINDER_WORKFLOW_ID = "reminders"


@dataclass
class ReminderInput:
    # How often a round runs: a reminder goes out within one interval of its time.
    interval_seconds: float
    missed_after_seconds: float = 86400.0
    rounds_per_run: int = 100


@dataclass
class ReminderRound:
    sent: int = 0
    missed: int = 0


REPORT_WORKFLOW_NAME = "ReportWorkflow"
REPORT_ROUND_ACTIVITY = "report_round"
REPORT_WORKFLOW_ID = "reports"


@dataclass
class ReportInput:
    # How often a round runs: a scheduled report is mailed within one interval of its time.
    interval_seconds: float
    rounds_per_run: int = 100


@dataclass
class ReportRound:
    sent: int = 0
    failed: int = 0
