"""What the Graph API can answer instead of success, sorted by what a caller should do.

Which class an answer is comes from one table (answers.py); the classes say whether
retrying can help (`retryable`) and whether a publish may have happened anyway
(`outcome_unknown`).
"""

import re
from dataclasses import dataclass

from lib.instagram import answers
from lib.instagram.answers import Action


@dataclass
class GraphApiError(Exception):
    message: str
    code: int = 0
    subcode: int = 0
    http_status: int = 0
    # Retrying the same call later may succeed.
    retryable: bool = False
    # The call may have taken effect although no success was received (publish).
    outcome_unknown: bool = False
    # Meta's words for the person (error_user_title / error_user_msg), when it sends them.
    user_title: str = ""
    user_message: str = ""
    # Too many calls: when Meta says access comes back (usage headers), in seconds; 0: unsaid.
    retry_after_seconds: float = 0.0

    @property
    def for_people(self) -> str:
        """What a person reads: Meta's own words for them when sent, else its message."""
        if self.user_message:
            return f"{self.user_title}: {self.user_message}" if self.user_title else self.user_message
        return self.message

    def __str__(self) -> str:
        return f"Graph API error {self.code}/{self.subcode}: {self.message}"


class RateLimited(GraphApiError):
    """Too many calls (codes 4, 17, 32, 613): wait and retry."""


class PublishLimitReached(GraphApiError):
    """The account's 24-hour publishing limit (9 / 2207042): wait for quota."""


class TransientError(GraphApiError):
    """A server-side hiccup, a 5xx or a timeout: retry."""


class MediaRejected(GraphApiError):
    """Instagram cannot use the media (fetch failure, format, ...): fix the post."""


class ContainerExpired(GraphApiError):
    """The container outlived its 24 hours: create a new one."""


class AuthorizationError(GraphApiError):
    """The access token is invalid or revoked (190): the account must be reconnected."""


class PermissionMissing(AuthorizationError):
    """The person did not grant (or took back) a permission the call needs (10, 200-299):
    only a new consent brings it back."""


class NotFound(GraphApiError):
    """The object does not exist (100 / 33)."""


class MediaNotReady(GraphApiError):
    """The container is still processing (9007 / 2207027): ask again a little later."""


class AccountRestricted(GraphApiError):
    """Instagram restricts the account (4 / 2207051 spam suspicion, 25 / 2207050 inactive or
    checkpointed): calling again could deepen it; the person must look at the account."""


def classify(
    code: int,
    subcode: int,
    message: str,
    http_status: int,
    is_transient: bool,
    user_title: str = "",
    user_message: str = "",
) -> GraphApiError:
    """The error class for a Graph API error envelope, as the answer table says."""
    answer = answers.answer_for(code, subcode, http_status, is_transient)
    fields = {
        "message": message,
        "code": code,
        "subcode": subcode,
        "http_status": http_status,
        "user_title": user_title,
        "user_message": user_message,
    }
    action = answer.action
    if action is Action.REAUTH:
        return AuthorizationError(**fields) if code == 190 else PermissionMissing(**fields)
    if answer is answers.UNKNOWN:
        return GraphApiError(**fields)
    kind, retryable = CLASS_OF[action]
    return kind(**fields, retryable=retryable)


CLASS_OF: dict[Action, tuple[type[GraphApiError], bool]] = {
    Action.RETRY: (TransientError, True),
    Action.WAIT_FOR_USAGE: (RateLimited, True),
    Action.WAIT_FOR_QUOTA: (PublishLimitReached, True),
    Action.WAIT_FOR_CONTAINER: (MediaNotReady, True),
    Action.NEW_CONTAINER: (ContainerExpired, False),
    Action.PAUSE_ACCOUNT: (AccountRestricted, False),
    Action.FAIL: (MediaRejected, False),
    Action.NOT_FOUND: (NotFound, False),
}


# A container's status text names the subcode of its failure ("Error: ... 2207026").
CONTAINER_SUBCODE = re.compile(r"\b(2207\d{3})\b")


def container_failure(status: str) -> GraphApiError:
    """A container whose processing failed (status_code ERROR), as the error its status
    names: the answer table's row for the subcode decides (a broken upload: a new
    container; a format Instagram refuses: fail with its words)."""
    found = CONTAINER_SUBCODE.search(status)
    subcode = int(found.group(1)) if found else 0
    code = answers.answer_for(0, subcode).code if subcode else 0
    message = status.removeprefix("Error:").strip() or "Instagram could not process the media"
    failure = classify(code, subcode, message, 400, False)
    return failure if subcode else MediaRejected(message=message)
