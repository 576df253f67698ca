"""Inputs and names of the audience-learning workflow (new fields get defaults, so that a
workflow sleeping in production keeps decoding)."""

from dataclasses import dataclass, field

AUDIENCE_WORKFLOW_NAME = "AudienceLearningWorkflow"
LEARN_AUDIENCES_ACTIVITY = "learn_audiences"
# Operators (and tests) ask for accounts to be learned at once with this signal.
LEARN_NOW_SIGNAL = "learn_now"
# One for the whole deployment.
AUDIENCE_WORKFLOW_ID = "audience-learning"


@dataclass
class AccountToLearn:
    user_id: str
    account_id: str


@dataclass
class AudienceInput:
    # How often a round looks for accounts whose model is due.
    interval_seconds: float
    # An account's model is refitted from fresh engagement this often.
    stale_after_seconds: float
    # Accounts per activity; a full batch is followed by the next at once.
    batch: int = 20
    rounds_per_run: int = 100
    # Asked for by a signal the run before continued as new.
    asked: list[AccountToLearn] = field(default_factory=list)


@dataclass
class LearnRound:
    stale_after_seconds: float
    batch: int
    # These accounts now; none: the ones due.
    asked: list[AccountToLearn] = field(default_factory=list)


@dataclass
class Learned:
    accounts: int
    # A full batch of due accounts was learned: there may be more.
    more: bool


@dataclass
class LearnNow:
    accounts: list[AccountToLearn] = field(default_factory=list)
