"""Inputs and results of the publishing workflow and its activities.

One dataclass each, so that fields can be added later without breaking callers or
workflows already sleeping in production (give new fields defaults).
"""

from dataclasses import dataclass, field

WORKFLOW_NAME = "PublishPostWorkflow"
# Updates and queries the workflow answers.
RESCHEDULE_UPDATE = "reschedule"
PUBLISH_AT_QUERY = "publish_at"
# Sent by the scheduler when the post's account is reconnected: a post waiting for it goes on.
ACCOUNT_RECONNECTED_SIGNAL = "account_reconnected"
# Its activities, in the order a publish runs them. These names are in the histories of
# workflows already sleeping in production: never rename one.
PREPARE_ACTIVITY = "prepare"
PUBLISH_ACTIVITY = "publish"
RECONCILE_ACTIVITY = "reconcile"
RECORD_RESULT_ACTIVITY = "record_result"


def workflow_id(post_id: str) -> str:
    """One live workflow per post: a second schedule of it is a conflict, not a second publish."""
    return f"publish-{post_id}"


@dataclass
class PublishPostInput:
    post_id: str
    user_id: str
    account_id: str
    # ISO 8601, UTC.
    publish_at: str
    lead_seconds: float = 300.0
    # After a publish whose outcome could not be learnt: how often Instagram is asked again.
    reconcile_interval_seconds: float = 60.0
    # Instagram refused the account's token: how long a due post waits for a reconnect, and
    # how often it asks the account again meanwhile (a reconnect's signal wakes it at once).
    reauth_wait_seconds: float = 72 * 3600.0
    reauth_poll_seconds: float = 300.0
    # Where approval is required, a due post whose version is not approved: how long it
    # waits for an approval past its time, and how often it asks again meanwhile.
    approval_wait_seconds: float = 24 * 3600.0
    approval_poll_seconds: float = 60.0


@dataclass
class PostRef:
    post_id: str
    user_id: str
    account_id: str
    # Answer "needs_reauth" (instead of failing) when Instagram refuses the account's token.
    wait_for_reauth: bool = False
    # Answer "throttled" (instead of failing into retries) when Instagram says too many calls.
    wait_for_usage: bool = False
    # Containers an earlier preparation made (by role) for post version containers_version,
    # to be reused: a throttled preparation hands them to the next one.
    containers: dict[str, str] = field(default_factory=dict)
    containers_version: int = 0


@dataclass
class Prepared:
    # ready, deleted, unscheduled, needs_reauth (the account waits for a reconnect) or
    # throttled (too many calls: prepare again after retry_after_seconds)
    outcome: str
    container_id: str = ""
    # The post version the container was made from: an edit after it means prepare again.
    version: int = 0
    # That version has a first comment to post once it is published.
    first_comment: bool = False
    retry_after_seconds: float = 0.0
    # throttled: the containers made so far (by role), for the next preparation.
    containers: dict[str, str] = field(default_factory=dict)


@dataclass
class PublishInput:
    post_id: str
    user_id: str
    account_id: str
    container_id: str
    version: int
    # Answer "quota" (instead of failing into retries) when the publishing limit is reached.
    wait_for_quota: bool = False
    # ISO 8601, UTC: check the post and the account now, then hold until this instant and
    # publish (so that at the due second only Instagram's call is left). Empty: publish now.
    due_at: str = ""
    # Answer "needs_reauth" (instead of failing) when Instagram refuses the account's token.
    wait_for_reauth: bool = False
    # Answer "throttled" (instead of failing into retries) when Instagram says too many calls.
    wait_for_usage: bool = False
    # Answer "awaiting_approval" (instead of failing into retries) when the workspace requires
    # approval and this version is not approved.
    wait_for_approval: bool = False


@dataclass
class Published:
    # published, stale (edited since prepared: prepare again), deleted, unscheduled,
    # quota (the account's publishing limit is reached: try again after retry_after_seconds),
    # throttled (too many calls: nothing was published; try again after retry_after_seconds),
    # moved (to moved_to while the publish held), needs_reauth (the account waits for a
    # reconnect; nothing was published), awaiting_approval (the workspace requires approval
    # and this version has none; nothing was published) or (reconcile only) not_published
    outcome: str
    media_id: str = ""
    permalink: str = ""
    published_at: str = ""
    retry_after_seconds: float = 0.0
    # ISO 8601: the post's time when it was found moved.
    moved_to: str = ""


@dataclass
class Outcome:
    """What record_result writes on the post."""

    post_id: str
    user_id: str
    status: str
    media_id: str = ""
    permalink: str = ""
    published_at: str = ""
    error: str = ""


# The first comment: its own step after the publish (and, retried by the person, its own
# workflow). Its activity's name is in histories: never rename it.
FIRST_COMMENT_ACTIVITY = "post_first_comment"
FIRST_COMMENT_WORKFLOW = "FirstCommentWorkflow"
# Attempts of the step before it is recorded failed (the person may retry it then).
FIRST_COMMENT_ATTEMPTS = 5


def first_comment_workflow_id(post_id: str) -> str:
    """One retry of a post's first comment at a time."""
    return f"first-comment-{post_id}"


@dataclass
class FirstCommentResult:
    # posted, failed, or none (no first comment to post: none set, or not published)
    status: str
    comment_id: str = ""
    error: str = ""
