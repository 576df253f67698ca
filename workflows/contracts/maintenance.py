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


@dataclass
class UpkeepRound:
    refreshed: int = 0
    checked: int = 0
    needs_reauth: int = 0
    warned: int = 0
