"""What the Graph API can answer instead of success, sorted by what a caller should do.

Codes and subcodes as documented for the content-publishing endpoints; the classes say
whether retrying can help (`retryable`) and whether a publish may have happened anyway
(`outcome_unknown`).
"""

from dataclasses import dataclass

THROTTLING_CODES = frozenset({4, 17, 32, 613})


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


def classify(code: int, subcode: int, message: str, http_status: int, is_transient: bool) -> GraphApiError:
    """The error class for a Graph API error envelope."""
    fields = {"message": message, "code": code, "subcode": subcode, "http_status": http_status}
    if code in THROTTLING_CODES:
        return RateLimited(**fields, retryable=True)
    if code == 9 or subcode == 2207042:
        return PublishLimitReached(**fields, retryable=True)
    if code == 190:
        return AuthorizationError(**fields)
    if code == 10 or 200 <= code <= 299:
        return PermissionMissing(**fields)
    if subcode == 2207020 or code == -2:
        return ContainerExpired(**fields)
    if code == 9004 or subcode in (2207052, 2207026, 2207023, 2207027, 2207004):
        return MediaRejected(**fields)
    if code == 100 and subcode == 33:
        return NotFound(**fields)
    if is_transient or code in (-1, 1, 2) or http_status >= 500:
        return TransientError(**fields, retryable=True)
    return GraphApiError(**fields)
