"""Instagram's answers, one table: for each code and subcode Meta documents for content
publishing, what Postflow does about it.

Sources: the error table of https://developers.facebook.com/docs/instagram-platform/
instagram-graph-api/reference/error-codes (content publishing's codes and subcodes, with
Meta's recommended solution, which the actions below follow), the Graph API's
https://developers.facebook.com/docs/graph-api/overview/rate-limiting (throttling codes 4,
17, 32, 613 and 80002, Instagram's business use case limit), and
https://developers.facebook.com/docs/graph-api/guides/error-handling (190: the token; 10
and 200-299: a permission; 1, 2 and is_transient: try again).
"""

from dataclasses import dataclass
from enum import StrEnum


class Action(StrEnum):
    # Try the same call again soon (a hiccup on Meta's side); counts as an attempt.
    RETRY = "retry"
    # Too many calls: wait for the usage window to reopen; not an attempt.
    WAIT_FOR_USAGE = "wait_for_usage"
    # The account's 24-hour publishing limit: wait for a slot; not an attempt.
    WAIT_FOR_QUOTA = "wait_for_quota"
    # The container is still processing: ask again a little later.
    WAIT_FOR_CONTAINER = "wait_for_container"
    # The container cannot be used (expired, broken upload): make a new one.
    NEW_CONTAINER = "new_container"
    # The token or a permission is gone: the account needs a reconnect (its posts wait).
    REAUTH = "reauth"
    # Instagram restricts the account (spam suspicion, checkpoint): stop calling, tell the user.
    PAUSE_ACCOUNT = "pause_account"
    # The post as it is cannot be published: fail with Meta's words, for the user to fix.
    FAIL = "fail"
    # The object does not exist (or the token may not see it).
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class Answer:
    code: int
    subcode: int
    action: Action
    # Meta's user message for the row (what the user reads when Meta sends none).
    meaning: str


A = Action
# (code, subcode) -> what to do. Subcode 0: the code's row whatever the subcode.
ROWS = [
    Answer(-2, 2207003, A.RETRY, "It takes too long to download the media."),
    Answer(-2, 2207020, A.NEW_CONTAINER, "The media you are trying to access has expired."),
    Answer(-1, 2207001, A.RETRY, "Instagram server error. Try again."),
    Answer(-1, 2207032, A.NEW_CONTAINER, "Create media fail, please try to re-create media"),
    Answer(-1, 2207053, A.NEW_CONTAINER, "Unknown upload error."),
    Answer(1, 2207057, A.FAIL, "The reel's cover frame (thumb_offset) is outside the video."),
    Answer(4, 2207051, A.PAUSE_ACCOUNT, "We restrict certain activity to protect our community."),
    Answer(9, 2207042, A.WAIT_FOR_QUOTA, "You reached the maximum number of posts allowed in 24 hours."),
    Answer(9, 0, A.WAIT_FOR_QUOTA, "The account reached its publishing limit."),
    Answer(24, 2207006, A.NEW_CONTAINER, "The media was not found (a permission or the token)."),
    Answer(24, 2207008, A.RETRY, "Temporary error publishing the container."),
    Answer(25, 2207050, A.PAUSE_ACCOUNT, "The Instagram account is inactive, checkpointed or restricted."),
    Answer(36000, 2207004, A.FAIL, "The image is too large to download. It should be less than 8 MiB."),
    Answer(36001, 2207005, A.FAIL, "The image format is not supported."),
    Answer(36003, 2207009, A.FAIL, "The image's aspect ratio is not supported."),
    Answer(36004, 2207010, A.FAIL, "The caption is too long."),
    Answer(352, 2207026, A.FAIL, "The video format is not supported."),
    Answer(9004, 2207052, A.FAIL, "The media could not be fetched from the URI provided."),
    Answer(9007, 2207027, A.WAIT_FOR_CONTAINER, "The media is not ready for publishing, please wait."),
    Answer(100, 2207023, A.FAIL, "The media type is not one of the expected ones."),
    Answer(100, 2207028, A.FAIL, "The carousel could not be published: check its items."),
    Answer(100, 2207035, A.FAIL, "Product tag positions are not supported on reels."),
    Answer(100, 2207036, A.FAIL, "Product tags on photos need positions."),
    Answer(100, 2207037, A.FAIL, "The product tags could not be validated."),
    Answer(100, 2207040, A.FAIL, "Too many tags on one item."),
    Answer(100, 33, A.NOT_FOUND, "The object does not exist, or the token may not see it."),
    Answer(190, 0, A.REAUTH, "The access token is no longer valid."),
    Answer(10, 0, A.REAUTH, "A permission Postflow needs was not granted, or was taken back."),
    Answer(4, 0, A.WAIT_FOR_USAGE, "The app made too many calls."),
    Answer(17, 0, A.WAIT_FOR_USAGE, "The account made too many calls."),
    Answer(32, 0, A.WAIT_FOR_USAGE, "The Page made too many calls."),
    Answer(613, 0, A.WAIT_FOR_USAGE, "Calls to this API exceeded the rate limit."),
    Answer(80002, 0, A.WAIT_FOR_USAGE, "Too many calls to this Instagram account (business use case limit)."),
    Answer(1, 0, A.RETRY, "An unknown error occurred."),
    Answer(2, 0, A.RETRY, "The service is temporarily unavailable."),
    Answer(-1, 0, A.RETRY, "Instagram server error."),
    Answer(-2, 0, A.NEW_CONTAINER, "The container can no longer be used."),
]
TABLE = {(row.code, row.subcode): row for row in ROWS}
# Content publishing's subcodes (2207xxx) name their case whatever code comes with them.
SUBCODES = {row.subcode: row for row in ROWS if row.subcode > 2207000}
# 200-299: permission errors, one row for the range.
PERMISSION = Answer(200, 0, A.REAUTH, "A permission Postflow needs was not granted, or was taken back.")
SERVER_ERROR = Answer(0, 0, A.RETRY, "Instagram answered with a server error.")
UNKNOWN = Answer(0, 0, A.FAIL, "Instagram refused the request.")


def answer_for(code: int, subcode: int, http_status: int = 400, is_transient: bool = False) -> Answer:
    """The row for an error: its code and subcode, else its code, else what its HTTP status
    and is_transient say (a documented row wins over is_transient: 2207008 is transient
    and still a row of its own)."""
    if found := TABLE.get((code, subcode)) or SUBCODES.get(subcode) or TABLE.get((code, 0)):
        return found
    if 200 <= code <= 299:
        return PERMISSION
    if is_transient or http_status >= 500:
        return SERVER_ERROR
    return UNKNOWN
