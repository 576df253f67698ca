"""A post's status and the moves between them: the one list every process reads.

The values cross processes as the `postflow.posts.v1.PostStatus` proto enum
(protos/post_status.proto) and are stored and shown as these lowercase words. A StrEnum,
so that a status compares equal to its word in rows, events and JSON.
"""

from enum import StrEnum

from lib.common.errors import invalid_field
from protos import post_status_pb2

_PREFIX = "POST_STATUS_"


class PostStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    NEEDS_RECONCILE = "needs_reconcile"
    PUBLISHED = "published"
    FAILED = "failed"

    def to_proto(self) -> int:
        return _PROTO_VALUES[self]

    @classmethod
    def from_proto(cls, value: int, field: str = "status") -> "PostStatus":
        """The status a request names; an unset or unknown one is the request's mistake."""
        name = post_status_pb2.PostStatus.Name(value) if value in post_status_pb2.PostStatus.values() else ""
        if name.removeprefix(_PREFIX) not in cls.__members__:
            raise invalid_field(field, f"must be one of {', '.join(cls)}")
        return cls[name.removeprefix(_PREFIX)]


_PROTO_VALUES = {status: post_status_pb2.PostStatus.Value(_PREFIX + status.name) for status in PostStatus}

# status -> the statuses it may follow. Scheduling again moves a scheduled post in time.
MAY_FOLLOW: dict[PostStatus, tuple[PostStatus, ...]] = {
    PostStatus.SCHEDULED: (PostStatus.DRAFT, PostStatus.SCHEDULED, PostStatus.FAILED),
    # Unscheduling.
    PostStatus.DRAFT: (PostStatus.SCHEDULED,),
    PostStatus.PUBLISHING: (PostStatus.SCHEDULED, PostStatus.PUBLISHING),
    # Instagram may or may not have published it: the workflow keeps checking, and
    # nothing schedules the post again meanwhile (that could publish it twice).
    PostStatus.NEEDS_RECONCILE: (PostStatus.SCHEDULED, PostStatus.PUBLISHING, PostStatus.NEEDS_RECONCILE),
    PostStatus.PUBLISHED: (PostStatus.PUBLISHING, PostStatus.PUBLISHED, PostStatus.NEEDS_RECONCILE),
    PostStatus.FAILED: (
        PostStatus.SCHEDULED,
        PostStatus.PUBLISHING,
        PostStatus.FAILED,
        PostStatus.NEEDS_RECONCILE,
    ),
}
# What the publishing worker may record.
RECORDED_BY_WORKER = (
    PostStatus.PUBLISHING,
    PostStatus.NEEDS_RECONCILE,
    PostStatus.PUBLISHED,
    PostStatus.FAILED,
)
# On the calendar: holds its slot against the account's minimum gap.
ON_THE_CALENDAR = (PostStatus.SCHEDULED, PostStatus.PUBLISHING)
# Its media must stay as they are until Instagram has them.
WAITING_TO_PUBLISH = (PostStatus.SCHEDULED, PostStatus.PUBLISHING, PostStatus.NEEDS_RECONCILE)
# Its content can no longer change (what Instagram shows, or may be about to).
CONTENT_LOCKED = (PostStatus.PUBLISHING, PostStatus.PUBLISHED, PostStatus.NEEDS_RECONCILE)
# Nothing more will happen to it unless a person acts.
FINISHED = (PostStatus.PUBLISHED, PostStatus.FAILED)
