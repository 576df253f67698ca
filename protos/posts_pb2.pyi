import datetime

from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from protos import api_options_pb2 as _api_options_pb2
from protos import common_pb2 as _common_pb2
from protos import post_status_pb2 as _post_status_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PostMedia(_message.Message):
    __slots__ = ("media_id", "url", "alt_text", "user_tags")
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    ALT_TEXT_FIELD_NUMBER: _ClassVar[int]
    USER_TAGS_FIELD_NUMBER: _ClassVar[int]
    media_id: str
    url: str
    alt_text: str
    user_tags: _containers.RepeatedCompositeFieldContainer[UserTag]
    def __init__(self, media_id: _Optional[str] = ..., url: _Optional[str] = ..., alt_text: _Optional[str] = ..., user_tags: _Optional[_Iterable[_Union[UserTag, _Mapping]]] = ...) -> None: ...

class UserTag(_message.Message):
    __slots__ = ("username", "x", "y")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    X_FIELD_NUMBER: _ClassVar[int]
    Y_FIELD_NUMBER: _ClassVar[int]
    username: str
    x: float
    y: float
    def __init__(self, username: _Optional[str] = ..., x: _Optional[float] = ..., y: _Optional[float] = ...) -> None: ...

class PublishOptions(_message.Message):
    __slots__ = ("first_comment", "location_id", "location_name", "collaborators", "share_to_feed", "cover", "thumb_offset_ms", "audio_name", "trial", "publish_myself")
    FIRST_COMMENT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    LOCATION_NAME_FIELD_NUMBER: _ClassVar[int]
    COLLABORATORS_FIELD_NUMBER: _ClassVar[int]
    SHARE_TO_FEED_FIELD_NUMBER: _ClassVar[int]
    COVER_FIELD_NUMBER: _ClassVar[int]
    THUMB_OFFSET_MS_FIELD_NUMBER: _ClassVar[int]
    AUDIO_NAME_FIELD_NUMBER: _ClassVar[int]
    TRIAL_FIELD_NUMBER: _ClassVar[int]
    PUBLISH_MYSELF_FIELD_NUMBER: _ClassVar[int]
    first_comment: str
    location_id: str
    location_name: str
    collaborators: _containers.RepeatedScalarFieldContainer[str]
    share_to_feed: bool
    cover: PostMedia
    thumb_offset_ms: int
    audio_name: str
    trial: str
    publish_myself: bool
    def __init__(self, first_comment: _Optional[str] = ..., location_id: _Optional[str] = ..., location_name: _Optional[str] = ..., collaborators: _Optional[_Iterable[str]] = ..., share_to_feed: _Optional[bool] = ..., cover: _Optional[_Union[PostMedia, _Mapping]] = ..., thumb_offset_ms: _Optional[int] = ..., audio_name: _Optional[str] = ..., trial: _Optional[str] = ..., publish_myself: _Optional[bool] = ...) -> None: ...

class PostContent(_message.Message):
    __slots__ = ("caption", "hashtags", "media", "post_type", "tags", "metadata", "media_urls", "options")
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    HASHTAGS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    MEDIA_URLS_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    caption: str
    hashtags: _containers.RepeatedScalarFieldContainer[str]
    media: _containers.RepeatedCompositeFieldContainer[PostMedia]
    post_type: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    metadata: _struct_pb2.Struct
    media_urls: _containers.RepeatedScalarFieldContainer[str]
    options: PublishOptions
    def __init__(self, caption: _Optional[str] = ..., hashtags: _Optional[_Iterable[str]] = ..., media: _Optional[_Iterable[_Union[PostMedia, _Mapping]]] = ..., post_type: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., metadata: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., media_urls: _Optional[_Iterable[str]] = ..., options: _Optional[_Union[PublishOptions, _Mapping]] = ...) -> None: ...

class Post(_message.Message):
    __slots__ = ("id", "user_id", "content", "status", "version", "template_name", "scheduled_for", "timezone", "optimal_time_score", "created_at", "updated_at", "deleted_at", "autosaved_at", "account_id", "instagram_media_id", "permalink", "published_at", "last_error", "scheduled_local", "series_id", "metrics", "campaign_id", "predicted_reach", "predicted_reach_low", "predicted_reach_high", "first_comment", "review", "reminder", "preflight")
    ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    OPTIMAL_TIME_SCORE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    DELETED_AT_FIELD_NUMBER: _ClassVar[int]
    AUTOSAVED_AT_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    INSTAGRAM_MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    PERMALINK_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_LOCAL_FIELD_NUMBER: _ClassVar[int]
    SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_REACH_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_REACH_LOW_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_REACH_HIGH_FIELD_NUMBER: _ClassVar[int]
    FIRST_COMMENT_FIELD_NUMBER: _ClassVar[int]
    REVIEW_FIELD_NUMBER: _ClassVar[int]
    REMINDER_FIELD_NUMBER: _ClassVar[int]
    PREFLIGHT_FIELD_NUMBER: _ClassVar[int]
    id: str
    user_id: str
    content: PostContent
    status: _post_status_pb2.PostStatus
    version: int
    template_name: str
    scheduled_for: _timestamp_pb2.Timestamp
    timezone: str
    optimal_time_score: float
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    deleted_at: _timestamp_pb2.Timestamp
    autosaved_at: _timestamp_pb2.Timestamp
    account_id: str
    instagram_media_id: str
    permalink: str
    published_at: _timestamp_pb2.Timestamp
    last_error: str
    scheduled_local: str
    series_id: str
    metrics: MetricsSample
    campaign_id: str
    predicted_reach: float
    predicted_reach_low: float
    predicted_reach_high: float
    first_comment: FirstComment
    review: Review
    reminder: Reminder
    preflight: Preflight
    def __init__(self, id: _Optional[str] = ..., user_id: _Optional[str] = ..., content: _Optional[_Union[PostContent, _Mapping]] = ..., status: _Optional[_Union[_post_status_pb2.PostStatus, str]] = ..., version: _Optional[int] = ..., template_name: _Optional[str] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., timezone: _Optional[str] = ..., optimal_time_score: _Optional[float] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., deleted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., autosaved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., account_id: _Optional[str] = ..., instagram_media_id: _Optional[str] = ..., permalink: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_error: _Optional[str] = ..., scheduled_local: _Optional[str] = ..., series_id: _Optional[str] = ..., metrics: _Optional[_Union[MetricsSample, _Mapping]] = ..., campaign_id: _Optional[str] = ..., predicted_reach: _Optional[float] = ..., predicted_reach_low: _Optional[float] = ..., predicted_reach_high: _Optional[float] = ..., first_comment: _Optional[_Union[FirstComment, _Mapping]] = ..., review: _Optional[_Union[Review, _Mapping]] = ..., reminder: _Optional[_Union[Reminder, _Mapping]] = ..., preflight: _Optional[_Union[Preflight, _Mapping]] = ...) -> None: ...

class Reminder(_message.Message):
    __slots__ = ("state", "sent_at", "done_at")
    STATE_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    DONE_AT_FIELD_NUMBER: _ClassVar[int]
    state: str
    sent_at: _timestamp_pb2.Timestamp
    done_at: _timestamp_pb2.Timestamp
    def __init__(self, state: _Optional[str] = ..., sent_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., done_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Preflight(_message.Message):
    __slots__ = ("status", "stage", "checked_at", "checks")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    CHECKS_FIELD_NUMBER: _ClassVar[int]
    status: str
    stage: str
    checked_at: _timestamp_pb2.Timestamp
    checks: _containers.RepeatedCompositeFieldContainer[PreflightCheck]
    def __init__(self, status: _Optional[str] = ..., stage: _Optional[str] = ..., checked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., checks: _Optional[_Iterable[_Union[PreflightCheck, _Mapping]]] = ...) -> None: ...

class PreflightCheck(_message.Message):
    __slots__ = ("check", "ok", "message")
    CHECK_FIELD_NUMBER: _ClassVar[int]
    OK_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    check: str
    ok: bool
    message: str
    def __init__(self, check: _Optional[str] = ..., ok: _Optional[bool] = ..., message: _Optional[str] = ...) -> None: ...

class Review(_message.Message):
    __slots__ = ("status", "approved_version", "approved_by", "approved_at")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    APPROVED_VERSION_FIELD_NUMBER: _ClassVar[int]
    APPROVED_BY_FIELD_NUMBER: _ClassVar[int]
    APPROVED_AT_FIELD_NUMBER: _ClassVar[int]
    status: str
    approved_version: int
    approved_by: str
    approved_at: _timestamp_pb2.Timestamp
    def __init__(self, status: _Optional[str] = ..., approved_version: _Optional[int] = ..., approved_by: _Optional[str] = ..., approved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ApprovalRule(_message.Message):
    __slots__ = ("user_id", "required", "account_ids")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    required: bool
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_id: _Optional[str] = ..., required: _Optional[bool] = ..., account_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class SubmitForReviewRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "actor_id", "comment")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    actor_id: str
    comment: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., actor_id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class ReviewPostRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "actor_id", "version", "decision", "comment")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    actor_id: str
    version: int
    decision: str
    comment: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., actor_id: _Optional[str] = ..., version: _Optional[int] = ..., decision: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class ReviewQueueRequest(_message.Message):
    __slots__ = ("user_id", "limit")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    limit: int
    def __init__(self, user_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ReviewTrailRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "since", "until")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    since: _timestamp_pb2.Timestamp
    until: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReviewAction(_message.Message):
    __slots__ = ("post_id", "version", "content_hash", "action", "actor_id", "actor_kind", "comment", "at")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_HASH_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_KIND_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    version: int
    content_hash: str
    action: str
    actor_id: str
    actor_kind: str
    comment: str
    at: _timestamp_pb2.Timestamp
    def __init__(self, post_id: _Optional[str] = ..., version: _Optional[int] = ..., content_hash: _Optional[str] = ..., action: _Optional[str] = ..., actor_id: _Optional[str] = ..., actor_kind: _Optional[str] = ..., comment: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PostComment(_message.Message):
    __slots__ = ("id", "post_id", "thread_id", "author_id", "author_kind", "body", "mentions", "version", "resolved_at", "resolved_by", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_KIND_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    post_id: str
    thread_id: str
    author_id: str
    author_kind: str
    body: str
    mentions: _containers.RepeatedScalarFieldContainer[str]
    version: int
    resolved_at: _timestamp_pb2.Timestamp
    resolved_by: str
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., post_id: _Optional[str] = ..., thread_id: _Optional[str] = ..., author_id: _Optional[str] = ..., author_kind: _Optional[str] = ..., body: _Optional[str] = ..., mentions: _Optional[_Iterable[str]] = ..., version: _Optional[int] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., resolved_by: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CommentList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[PostComment]
    def __init__(self, items: _Optional[_Iterable[_Union[PostComment, _Mapping]]] = ...) -> None: ...

class AddCommentRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "actor_id", "body", "thread_id", "mentions")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    actor_id: str
    body: str
    thread_id: str
    mentions: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., actor_id: _Optional[str] = ..., body: _Optional[str] = ..., thread_id: _Optional[str] = ..., mentions: _Optional[_Iterable[str]] = ...) -> None: ...

class ResolveThreadRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "actor_id", "thread_id", "resolved")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    actor_id: str
    thread_id: str
    resolved: bool
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., actor_id: _Optional[str] = ..., thread_id: _Optional[str] = ..., resolved: _Optional[bool] = ...) -> None: ...

class IssueReviewLinkRequest(_message.Message):
    __slots__ = ("user_id", "actor_id", "post_id", "range_from", "range_to", "expires_in_days", "label")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    RANGE_FROM_FIELD_NUMBER: _ClassVar[int]
    RANGE_TO_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_IN_DAYS_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    actor_id: str
    post_id: str
    range_from: str
    range_to: str
    expires_in_days: int
    label: str
    def __init__(self, user_id: _Optional[str] = ..., actor_id: _Optional[str] = ..., post_id: _Optional[str] = ..., range_from: _Optional[str] = ..., range_to: _Optional[str] = ..., expires_in_days: _Optional[int] = ..., label: _Optional[str] = ...) -> None: ...

class ReviewLinkInfo(_message.Message):
    __slots__ = ("id", "post_id", "range_from", "range_to", "label", "created_at", "expires_at", "revoked_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    RANGE_FROM_FIELD_NUMBER: _ClassVar[int]
    RANGE_TO_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    REVOKED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    post_id: str
    range_from: _timestamp_pb2.Timestamp
    range_to: _timestamp_pb2.Timestamp
    label: str
    created_at: _timestamp_pb2.Timestamp
    expires_at: _timestamp_pb2.Timestamp
    revoked_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., post_id: _Optional[str] = ..., range_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., range_to: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., label: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., revoked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReviewLinkIssued(_message.Message):
    __slots__ = ("link", "url", "token")
    LINK_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    link: ReviewLinkInfo
    url: str
    token: str
    def __init__(self, link: _Optional[_Union[ReviewLinkInfo, _Mapping]] = ..., url: _Optional[str] = ..., token: _Optional[str] = ...) -> None: ...

class ReviewLinksRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class ReviewLinkList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ReviewLinkInfo]
    def __init__(self, items: _Optional[_Iterable[_Union[ReviewLinkInfo, _Mapping]]] = ...) -> None: ...

class ReviewLinkRef(_message.Message):
    __slots__ = ("user_id", "link_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LINK_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    link_id: str
    def __init__(self, user_id: _Optional[str] = ..., link_id: _Optional[str] = ...) -> None: ...

class OpenReviewLinkRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class ClientMedia(_message.Message):
    __slots__ = ("url", "kind", "thumbnail_url")
    URL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    url: str
    kind: str
    thumbnail_url: str
    def __init__(self, url: _Optional[str] = ..., kind: _Optional[str] = ..., thumbnail_url: _Optional[str] = ...) -> None: ...

class ClientReviewItem(_message.Message):
    __slots__ = ("key", "version", "caption", "hashtags", "post_type", "media", "scheduled_local", "review_status")
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    HASHTAGS_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_LOCAL_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STATUS_FIELD_NUMBER: _ClassVar[int]
    key: str
    version: int
    caption: str
    hashtags: _containers.RepeatedScalarFieldContainer[str]
    post_type: str
    media: _containers.RepeatedCompositeFieldContainer[ClientMedia]
    scheduled_local: str
    review_status: str
    def __init__(self, key: _Optional[str] = ..., version: _Optional[int] = ..., caption: _Optional[str] = ..., hashtags: _Optional[_Iterable[str]] = ..., post_type: _Optional[str] = ..., media: _Optional[_Iterable[_Union[ClientMedia, _Mapping]]] = ..., scheduled_local: _Optional[str] = ..., review_status: _Optional[str] = ...) -> None: ...

class ClientReview(_message.Message):
    __slots__ = ("label", "expires_at", "items")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    label: str
    expires_at: _timestamp_pb2.Timestamp
    items: _containers.RepeatedCompositeFieldContainer[ClientReviewItem]
    def __init__(self, label: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., items: _Optional[_Iterable[_Union[ClientReviewItem, _Mapping]]] = ...) -> None: ...

class ClientDecisionRequest(_message.Message):
    __slots__ = ("token", "key", "version", "decision", "comment", "name")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    token: str
    key: str
    version: int
    decision: str
    comment: str
    name: str
    def __init__(self, token: _Optional[str] = ..., key: _Optional[str] = ..., version: _Optional[int] = ..., decision: _Optional[str] = ..., comment: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class HashtagGroup(_message.Message):
    __slots__ = ("id", "user_id", "name", "hashtags", "performance", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    HASHTAGS_FIELD_NUMBER: _ClassVar[int]
    PERFORMANCE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    user_id: str
    name: str
    hashtags: _containers.RepeatedScalarFieldContainer[str]
    performance: HashtagGroupPerformance
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., user_id: _Optional[str] = ..., name: _Optional[str] = ..., hashtags: _Optional[_Iterable[str]] = ..., performance: _Optional[_Union[HashtagGroupPerformance, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class HashtagGroupPerformance(_message.Message):
    __slots__ = ("posts", "average_reach", "average_engagement")
    POSTS_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_REACH_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    posts: int
    average_reach: float
    average_engagement: float
    def __init__(self, posts: _Optional[int] = ..., average_reach: _Optional[float] = ..., average_engagement: _Optional[float] = ...) -> None: ...

class CsvExport(_message.Message):
    __slots__ = ("csv", "rows", "truncated")
    CSV_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    csv: str
    rows: int
    truncated: bool
    def __init__(self, csv: _Optional[str] = ..., rows: _Optional[int] = ..., truncated: _Optional[bool] = ...) -> None: ...

class AnalyticsExportRequest(_message.Message):
    __slots__ = ("user_id", "start_date", "end_date", "timezone", "account_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    start_date: str
    end_date: str
    timezone: str
    account_id: str
    def __init__(self, user_id: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., timezone: _Optional[str] = ..., account_id: _Optional[str] = ...) -> None: ...

class HashtagGroupRef(_message.Message):
    __slots__ = ("user_id", "group_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    group_id: str
    def __init__(self, user_id: _Optional[str] = ..., group_id: _Optional[str] = ...) -> None: ...

class HashtagGroupList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[HashtagGroup]
    def __init__(self, items: _Optional[_Iterable[_Union[HashtagGroup, _Mapping]]] = ...) -> None: ...

class ReviewTrail(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ReviewAction]
    def __init__(self, items: _Optional[_Iterable[_Union[ReviewAction, _Mapping]]] = ...) -> None: ...

class FirstComment(_message.Message):
    __slots__ = ("status", "comment_id", "error", "attempts", "updated_at")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COMMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    status: str
    comment_id: str
    error: str
    attempts: int
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, status: _Optional[str] = ..., comment_id: _Optional[str] = ..., error: _Optional[str] = ..., attempts: _Optional[int] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordFirstCommentRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "status", "comment_id", "error")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COMMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    status: str
    comment_id: str
    error: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., status: _Optional[str] = ..., comment_id: _Optional[str] = ..., error: _Optional[str] = ...) -> None: ...

class Warning(_message.Message):
    __slots__ = ("field", "code", "message")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    field: str
    code: str
    message: str
    def __init__(self, field: _Optional[str] = ..., code: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class PostResult(_message.Message):
    __slots__ = ("post", "warnings")
    POST_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    post: Post
    warnings: _containers.RepeatedCompositeFieldContainer[Warning]
    def __init__(self, post: _Optional[_Union[Post, _Mapping]] = ..., warnings: _Optional[_Iterable[_Union[Warning, _Mapping]]] = ...) -> None: ...

class PostRef(_message.Message):
    __slots__ = ("user_id", "post_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ...) -> None: ...

class CreatePostRequest(_message.Message):
    __slots__ = ("user_id", "content", "change_reason", "planned_time", "planned_timezone", "campaign_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REASON_FIELD_NUMBER: _ClassVar[int]
    PLANNED_TIME_FIELD_NUMBER: _ClassVar[int]
    PLANNED_TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    content: PostContent
    change_reason: str
    planned_time: str
    planned_timezone: str
    campaign_id: str
    def __init__(self, user_id: _Optional[str] = ..., content: _Optional[_Union[PostContent, _Mapping]] = ..., change_reason: _Optional[str] = ..., planned_time: _Optional[str] = ..., planned_timezone: _Optional[str] = ..., campaign_id: _Optional[str] = ...) -> None: ...

class GetPostRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "include_deleted")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_DELETED_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    include_deleted: bool
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., include_deleted: _Optional[bool] = ...) -> None: ...

class UpdatePostRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "base_version", "content", "update_mask", "change_reason", "planned_time", "actor_id", "writer_may_not_publish", "planned_timezone", "campaign_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    BASE_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REASON_FIELD_NUMBER: _ClassVar[int]
    PLANNED_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    WRITER_MAY_NOT_PUBLISH_FIELD_NUMBER: _ClassVar[int]
    PLANNED_TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    base_version: int
    content: PostContent
    update_mask: _field_mask_pb2.FieldMask
    change_reason: str
    planned_time: str
    actor_id: str
    writer_may_not_publish: bool
    planned_timezone: str
    campaign_id: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., base_version: _Optional[int] = ..., content: _Optional[_Union[PostContent, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., change_reason: _Optional[str] = ..., planned_time: _Optional[str] = ..., actor_id: _Optional[str] = ..., writer_may_not_publish: _Optional[bool] = ..., planned_timezone: _Optional[str] = ..., campaign_id: _Optional[str] = ...) -> None: ...

class PostVersion(_message.Message):
    __slots__ = ("post_id", "version", "content", "changed_by", "change_reason", "created_at")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    version: int
    content: PostContent
    changed_by: str
    change_reason: str
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, post_id: _Optional[str] = ..., version: _Optional[int] = ..., content: _Optional[_Union[PostContent, _Mapping]] = ..., changed_by: _Optional[str] = ..., change_reason: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class VersionList(_message.Message):
    __slots__ = ("versions",)
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    versions: _containers.RepeatedCompositeFieldContainer[PostVersion]
    def __init__(self, versions: _Optional[_Iterable[_Union[PostVersion, _Mapping]]] = ...) -> None: ...

class GetVersionRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "version")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    version: int
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class DiffVersionsRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "from_version", "to_version")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_VERSION_FIELD_NUMBER: _ClassVar[int]
    TO_VERSION_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    from_version: int
    to_version: int
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., from_version: _Optional[int] = ..., to_version: _Optional[int] = ...) -> None: ...

class FieldChange(_message.Message):
    __slots__ = ("field", "before", "after", "added", "removed", "text_diff")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    BEFORE_FIELD_NUMBER: _ClassVar[int]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    ADDED_FIELD_NUMBER: _ClassVar[int]
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    TEXT_DIFF_FIELD_NUMBER: _ClassVar[int]
    field: str
    before: _struct_pb2.Value
    after: _struct_pb2.Value
    added: _struct_pb2.ListValue
    removed: _struct_pb2.ListValue
    text_diff: str
    def __init__(self, field: _Optional[str] = ..., before: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., after: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., added: _Optional[_Union[_struct_pb2.ListValue, _Mapping]] = ..., removed: _Optional[_Union[_struct_pb2.ListValue, _Mapping]] = ..., text_diff: _Optional[str] = ...) -> None: ...

class VersionDiff(_message.Message):
    __slots__ = ("from_version", "to_version", "changes")
    FROM_VERSION_FIELD_NUMBER: _ClassVar[int]
    TO_VERSION_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    from_version: int
    to_version: int
    changes: _containers.RepeatedCompositeFieldContainer[FieldChange]
    def __init__(self, from_version: _Optional[int] = ..., to_version: _Optional[int] = ..., changes: _Optional[_Iterable[_Union[FieldChange, _Mapping]]] = ...) -> None: ...

class RestoreVersionRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "version", "base_version", "writer_may_not_publish")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    BASE_VERSION_FIELD_NUMBER: _ClassVar[int]
    WRITER_MAY_NOT_PUBLISH_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    version: int
    base_version: int
    writer_may_not_publish: bool
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., version: _Optional[int] = ..., base_version: _Optional[int] = ..., writer_may_not_publish: _Optional[bool] = ...) -> None: ...

class Autosave(_message.Message):
    __slots__ = ("post_id", "content", "base_version", "saved_at", "exists")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    BASE_VERSION_FIELD_NUMBER: _ClassVar[int]
    SAVED_AT_FIELD_NUMBER: _ClassVar[int]
    EXISTS_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    content: PostContent
    base_version: int
    saved_at: _timestamp_pb2.Timestamp
    exists: bool
    def __init__(self, post_id: _Optional[str] = ..., content: _Optional[_Union[PostContent, _Mapping]] = ..., base_version: _Optional[int] = ..., saved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., exists: _Optional[bool] = ...) -> None: ...

class SaveAutosaveRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "content", "base_version", "update_mask")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    BASE_VERSION_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    content: PostContent
    base_version: int
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., content: _Optional[_Union[PostContent, _Mapping]] = ..., base_version: _Optional[int] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class CommitAutosaveRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "change_reason", "writer_may_not_publish")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REASON_FIELD_NUMBER: _ClassVar[int]
    WRITER_MAY_NOT_PUBLISH_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    change_reason: str
    writer_may_not_publish: bool
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., change_reason: _Optional[str] = ..., writer_may_not_publish: _Optional[bool] = ...) -> None: ...

class DuplicatePostRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "template_name")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_NAME_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    template_name: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., template_name: _Optional[str] = ...) -> None: ...

class ListTemplatesRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class InstantiateTemplateRequest(_message.Message):
    __slots__ = ("user_id", "template_name")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_NAME_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    template_name: str
    def __init__(self, user_id: _Optional[str] = ..., template_name: _Optional[str] = ...) -> None: ...

class BulkActionRequest(_message.Message):
    __slots__ = ("user_id", "action", "post_ids", "tags")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    POST_IDS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    action: str
    post_ids: _containers.RepeatedScalarFieldContainer[str]
    tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_id: _Optional[str] = ..., action: _Optional[str] = ..., post_ids: _Optional[_Iterable[str]] = ..., tags: _Optional[_Iterable[str]] = ...) -> None: ...

class BulkItemResult(_message.Message):
    __slots__ = ("post_id", "ok", "error", "post")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    OK_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    POST_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    ok: bool
    error: _common_pb2.ItemError
    post: Post
    def __init__(self, post_id: _Optional[str] = ..., ok: _Optional[bool] = ..., error: _Optional[_Union[_common_pb2.ItemError, _Mapping]] = ..., post: _Optional[_Union[Post, _Mapping]] = ...) -> None: ...

class BulkActionResult(_message.Message):
    __slots__ = ("results", "succeeded", "failed")
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[BulkItemResult]
    succeeded: int
    failed: int
    def __init__(self, results: _Optional[_Iterable[_Union[BulkItemResult, _Mapping]]] = ..., succeeded: _Optional[int] = ..., failed: _Optional[int] = ...) -> None: ...

class ListPostsRequest(_message.Message):
    __slots__ = ("user_id", "statuses", "post_types", "tags", "tags_mode", "query", "created_from", "created_to", "scheduled_from", "scheduled_to", "include_deleted", "deleted_only", "sort", "order", "cursor", "limit", "include_templates", "account_id", "series_id", "media_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    POST_TYPES_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    TAGS_MODE_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    CREATED_FROM_FIELD_NUMBER: _ClassVar[int]
    CREATED_TO_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FROM_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_TO_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_DELETED_FIELD_NUMBER: _ClassVar[int]
    DELETED_ONLY_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    statuses: _containers.RepeatedScalarFieldContainer[_post_status_pb2.PostStatus]
    post_types: _containers.RepeatedScalarFieldContainer[str]
    tags: _containers.RepeatedScalarFieldContainer[str]
    tags_mode: str
    query: str
    created_from: _timestamp_pb2.Timestamp
    created_to: _timestamp_pb2.Timestamp
    scheduled_from: _timestamp_pb2.Timestamp
    scheduled_to: _timestamp_pb2.Timestamp
    include_deleted: bool
    deleted_only: bool
    sort: str
    order: str
    cursor: str
    limit: int
    include_templates: bool
    account_id: str
    series_id: str
    media_id: str
    def __init__(self, user_id: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[_post_status_pb2.PostStatus, str]]] = ..., post_types: _Optional[_Iterable[str]] = ..., tags: _Optional[_Iterable[str]] = ..., tags_mode: _Optional[str] = ..., query: _Optional[str] = ..., created_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_to: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., scheduled_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., scheduled_to: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., include_deleted: _Optional[bool] = ..., deleted_only: _Optional[bool] = ..., sort: _Optional[str] = ..., order: _Optional[str] = ..., cursor: _Optional[str] = ..., limit: _Optional[int] = ..., include_templates: _Optional[bool] = ..., account_id: _Optional[str] = ..., series_id: _Optional[str] = ..., media_id: _Optional[str] = ...) -> None: ...

class PostList(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Post]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Post, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class SuggestHashtagsRequest(_message.Message):
    __slots__ = ("user_id", "caption", "hashtags", "limit")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    HASHTAGS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    caption: str
    hashtags: _containers.RepeatedScalarFieldContainer[str]
    limit: int
    def __init__(self, user_id: _Optional[str] = ..., caption: _Optional[str] = ..., hashtags: _Optional[_Iterable[str]] = ..., limit: _Optional[int] = ...) -> None: ...

class HashtagSuggestion(_message.Message):
    __slots__ = ("hashtag", "score", "uses", "reason")
    HASHTAG_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    USES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    hashtag: str
    score: float
    uses: int
    reason: str
    def __init__(self, hashtag: _Optional[str] = ..., score: _Optional[float] = ..., uses: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class HashtagSuggestions(_message.Message):
    __slots__ = ("suggestions", "warnings")
    SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    suggestions: _containers.RepeatedCompositeFieldContainer[HashtagSuggestion]
    warnings: _containers.RepeatedCompositeFieldContainer[Warning]
    def __init__(self, suggestions: _Optional[_Iterable[_Union[HashtagSuggestion, _Mapping]]] = ..., warnings: _Optional[_Iterable[_Union[Warning, _Mapping]]] = ...) -> None: ...

class MarkScheduledRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "account_id", "scheduled_for", "timezone", "optimal_time_score", "publish_now")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    OPTIMAL_TIME_SCORE_FIELD_NUMBER: _ClassVar[int]
    PUBLISH_NOW_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    account_id: str
    scheduled_for: _timestamp_pb2.Timestamp
    timezone: str
    optimal_time_score: float
    publish_now: bool
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., account_id: _Optional[str] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., timezone: _Optional[str] = ..., optimal_time_score: _Optional[float] = ..., publish_now: _Optional[bool] = ...) -> None: ...

class MarkScheduledManyRequest(_message.Message):
    __slots__ = ("user_id", "posts")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    posts: _containers.RepeatedCompositeFieldContainer[MarkScheduledRequest]
    def __init__(self, user_id: _Optional[str] = ..., posts: _Optional[_Iterable[_Union[MarkScheduledRequest, _Mapping]]] = ...) -> None: ...

class MarkedMany(_message.Message):
    __slots__ = ("marked",)
    MARKED_FIELD_NUMBER: _ClassVar[int]
    marked: int
    def __init__(self, marked: _Optional[int] = ...) -> None: ...

class CreateOccurrenceRequest(_message.Message):
    __slots__ = ("user_id", "series_id", "account_id", "scheduled_for", "timezone")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    series_id: str
    account_id: str
    scheduled_for: _timestamp_pb2.Timestamp
    timezone: str
    def __init__(self, user_id: _Optional[str] = ..., series_id: _Optional[str] = ..., account_id: _Optional[str] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., timezone: _Optional[str] = ...) -> None: ...

class RecordPublishingRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "status", "instagram_media_id", "permalink", "published_at", "error", "expected_version", "expected_scheduled_for")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    INSTAGRAM_MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    PERMALINK_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    status: _post_status_pb2.PostStatus
    instagram_media_id: str
    permalink: str
    published_at: _timestamp_pb2.Timestamp
    error: str
    expected_version: int
    expected_scheduled_for: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., status: _Optional[_Union[_post_status_pb2.PostStatus, str]] = ..., instagram_media_id: _Optional[str] = ..., permalink: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error: _Optional[str] = ..., expected_version: _Optional[int] = ..., expected_scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PublishingStart(_message.Message):
    __slots__ = ("user_id", "post_id", "expected_version", "expected_scheduled_for")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    expected_version: int
    expected_scheduled_for: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., expected_version: _Optional[int] = ..., expected_scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StartPublishingRequest(_message.Message):
    __slots__ = ("posts",)
    POSTS_FIELD_NUMBER: _ClassVar[int]
    posts: _containers.RepeatedCompositeFieldContainer[PublishingStart]
    def __init__(self, posts: _Optional[_Iterable[_Union[PublishingStart, _Mapping]]] = ...) -> None: ...

class PublishingStarted(_message.Message):
    __slots__ = ("post_id", "error")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    error: _common_pb2.ErrorDetail
    def __init__(self, post_id: _Optional[str] = ..., error: _Optional[_Union[_common_pb2.ErrorDetail, _Mapping]] = ...) -> None: ...

class StartPublishingResult(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[PublishingStarted]
    def __init__(self, results: _Optional[_Iterable[_Union[PublishingStarted, _Mapping]]] = ...) -> None: ...

class ScheduleRecordsRequest(_message.Message):
    __slots__ = ("post_ids", "after_id", "limit")
    POST_IDS_FIELD_NUMBER: _ClassVar[int]
    AFTER_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    post_ids: _containers.RepeatedScalarFieldContainer[str]
    after_id: str
    limit: int
    def __init__(self, post_ids: _Optional[_Iterable[str]] = ..., after_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ScheduleRecord(_message.Message):
    __slots__ = ("post_id", "user_id", "account_id", "status", "scheduled_for", "timezone", "updated_at", "deleted", "post_type")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    user_id: str
    account_id: str
    status: _post_status_pb2.PostStatus
    scheduled_for: _timestamp_pb2.Timestamp
    timezone: str
    updated_at: _timestamp_pb2.Timestamp
    deleted: bool
    post_type: str
    def __init__(self, post_id: _Optional[str] = ..., user_id: _Optional[str] = ..., account_id: _Optional[str] = ..., status: _Optional[_Union[_post_status_pb2.PostStatus, str]] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., timezone: _Optional[str] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., deleted: _Optional[bool] = ..., post_type: _Optional[str] = ...) -> None: ...

class ScheduleRecords(_message.Message):
    __slots__ = ("records", "next_after_id")
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_AFTER_ID_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[ScheduleRecord]
    next_after_id: str
    def __init__(self, records: _Optional[_Iterable[_Union[ScheduleRecord, _Mapping]]] = ..., next_after_id: _Optional[str] = ...) -> None: ...

class MediaUsageRequest(_message.Message):
    __slots__ = ("user_id", "media_ids")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_IDS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    media_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_id: _Optional[str] = ..., media_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class MediaUse(_message.Message):
    __slots__ = ("media_id", "use_count", "last_used_at", "scheduled_post_ids")
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    USE_COUNT_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_AT_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_POST_IDS_FIELD_NUMBER: _ClassVar[int]
    media_id: str
    use_count: int
    last_used_at: _timestamp_pb2.Timestamp
    scheduled_post_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, media_id: _Optional[str] = ..., use_count: _Optional[int] = ..., last_used_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., scheduled_post_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class MediaUsageList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[MediaUse]
    def __init__(self, items: _Optional[_Iterable[_Union[MediaUse, _Mapping]]] = ...) -> None: ...

class RecordMetricsRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "collected_at", "likes", "comments", "shares", "saves", "reach", "views")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    COLLECTED_AT_FIELD_NUMBER: _ClassVar[int]
    LIKES_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    SHARES_FIELD_NUMBER: _ClassVar[int]
    SAVES_FIELD_NUMBER: _ClassVar[int]
    REACH_FIELD_NUMBER: _ClassVar[int]
    VIEWS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    collected_at: _timestamp_pb2.Timestamp
    likes: int
    comments: int
    shares: int
    saves: int
    reach: int
    views: int
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., collected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., likes: _Optional[int] = ..., comments: _Optional[int] = ..., shares: _Optional[int] = ..., saves: _Optional[int] = ..., reach: _Optional[int] = ..., views: _Optional[int] = ...) -> None: ...

class MetricsSample(_message.Message):
    __slots__ = ("collected_at", "age_seconds", "likes", "comments", "shares", "saves", "reach", "views", "percentile_rank")
    COLLECTED_AT_FIELD_NUMBER: _ClassVar[int]
    AGE_SECONDS_FIELD_NUMBER: _ClassVar[int]
    LIKES_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    SHARES_FIELD_NUMBER: _ClassVar[int]
    SAVES_FIELD_NUMBER: _ClassVar[int]
    REACH_FIELD_NUMBER: _ClassVar[int]
    VIEWS_FIELD_NUMBER: _ClassVar[int]
    PERCENTILE_RANK_FIELD_NUMBER: _ClassVar[int]
    collected_at: _timestamp_pb2.Timestamp
    age_seconds: int
    likes: int
    comments: int
    shares: int
    saves: int
    reach: int
    views: int
    percentile_rank: float
    def __init__(self, collected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., age_seconds: _Optional[int] = ..., likes: _Optional[int] = ..., comments: _Optional[int] = ..., shares: _Optional[int] = ..., saves: _Optional[int] = ..., reach: _Optional[int] = ..., views: _Optional[int] = ..., percentile_rank: _Optional[float] = ...) -> None: ...

class MetricsSeries(_message.Message):
    __slots__ = ("samples",)
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    samples: _containers.RepeatedCompositeFieldContainer[MetricsSample]
    def __init__(self, samples: _Optional[_Iterable[_Union[MetricsSample, _Mapping]]] = ...) -> None: ...

class CalendarRequest(_message.Message):
    __slots__ = ("user_id", "start_date", "end_date", "view_type", "timezone", "account_id", "statuses", "post_types", "tags", "campaign_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    VIEW_TYPE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    POST_TYPES_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    start_date: str
    end_date: str
    view_type: str
    timezone: str
    account_id: str
    statuses: _containers.RepeatedScalarFieldContainer[_post_status_pb2.PostStatus]
    post_types: _containers.RepeatedScalarFieldContainer[str]
    tags: _containers.RepeatedScalarFieldContainer[str]
    campaign_id: str
    def __init__(self, user_id: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., view_type: _Optional[str] = ..., timezone: _Optional[str] = ..., account_id: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[_post_status_pb2.PostStatus, str]]] = ..., post_types: _Optional[_Iterable[str]] = ..., tags: _Optional[_Iterable[str]] = ..., campaign_id: _Optional[str] = ...) -> None: ...

class CalendarEntry(_message.Message):
    __slots__ = ("post_id", "status", "post_type", "caption_preview", "thumbnail_url", "scheduled_for", "local_time", "planned", "account_id", "tags", "colour_key", "optimal_score", "campaign_id", "campaign_colour", "review_status", "preflight_status")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    CAPTION_PREVIEW_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    PLANNED_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    COLOUR_KEY_FIELD_NUMBER: _ClassVar[int]
    OPTIMAL_SCORE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_COLOUR_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STATUS_FIELD_NUMBER: _ClassVar[int]
    PREFLIGHT_STATUS_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    status: _post_status_pb2.PostStatus
    post_type: str
    caption_preview: str
    thumbnail_url: str
    scheduled_for: _timestamp_pb2.Timestamp
    local_time: str
    planned: bool
    account_id: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    colour_key: str
    optimal_score: float
    campaign_id: str
    campaign_colour: str
    review_status: str
    preflight_status: str
    def __init__(self, post_id: _Optional[str] = ..., status: _Optional[_Union[_post_status_pb2.PostStatus, str]] = ..., post_type: _Optional[str] = ..., caption_preview: _Optional[str] = ..., thumbnail_url: _Optional[str] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., local_time: _Optional[str] = ..., planned: _Optional[bool] = ..., account_id: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., colour_key: _Optional[str] = ..., optimal_score: _Optional[float] = ..., campaign_id: _Optional[str] = ..., campaign_colour: _Optional[str] = ..., review_status: _Optional[str] = ..., preflight_status: _Optional[str] = ...) -> None: ...

class CalendarHour(_message.Message):
    __slots__ = ("hour", "posts")
    HOUR_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    hour: int
    posts: _containers.RepeatedCompositeFieldContainer[CalendarEntry]
    def __init__(self, hour: _Optional[int] = ..., posts: _Optional[_Iterable[_Union[CalendarEntry, _Mapping]]] = ...) -> None: ...

class CalendarDay(_message.Message):
    __slots__ = ("date", "total", "posts", "hours")
    DATE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    HOURS_FIELD_NUMBER: _ClassVar[int]
    date: str
    total: int
    posts: _containers.RepeatedCompositeFieldContainer[CalendarEntry]
    hours: _containers.RepeatedCompositeFieldContainer[CalendarHour]
    def __init__(self, date: _Optional[str] = ..., total: _Optional[int] = ..., posts: _Optional[_Iterable[_Union[CalendarEntry, _Mapping]]] = ..., hours: _Optional[_Iterable[_Union[CalendarHour, _Mapping]]] = ...) -> None: ...

class ContentGap(_message.Message):
    __slots__ = ("date", "missing_posts", "suggested_times", "urgency_score")
    DATE_FIELD_NUMBER: _ClassVar[int]
    MISSING_POSTS_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_TIMES_FIELD_NUMBER: _ClassVar[int]
    URGENCY_SCORE_FIELD_NUMBER: _ClassVar[int]
    date: str
    missing_posts: int
    suggested_times: _containers.RepeatedScalarFieldContainer[str]
    urgency_score: float
    def __init__(self, date: _Optional[str] = ..., missing_posts: _Optional[int] = ..., suggested_times: _Optional[_Iterable[str]] = ..., urgency_score: _Optional[float] = ...) -> None: ...

class MixShare(_message.Message):
    __slots__ = ("key", "count", "share")
    KEY_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    key: str
    count: int
    share: float
    def __init__(self, key: _Optional[str] = ..., count: _Optional[int] = ..., share: _Optional[float] = ...) -> None: ...

class ContentMix(_message.Message):
    __slots__ = ("by_type", "by_status", "by_tag", "by_campaign")
    BY_TYPE_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    BY_TAG_FIELD_NUMBER: _ClassVar[int]
    BY_CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    by_type: _containers.RepeatedCompositeFieldContainer[MixShare]
    by_status: _containers.RepeatedCompositeFieldContainer[MixShare]
    by_tag: _containers.RepeatedCompositeFieldContainer[MixShare]
    by_campaign: _containers.RepeatedCompositeFieldContainer[MixShare]
    def __init__(self, by_type: _Optional[_Iterable[_Union[MixShare, _Mapping]]] = ..., by_status: _Optional[_Iterable[_Union[MixShare, _Mapping]]] = ..., by_tag: _Optional[_Iterable[_Union[MixShare, _Mapping]]] = ..., by_campaign: _Optional[_Iterable[_Union[MixShare, _Mapping]]] = ...) -> None: ...

class PerformancePrediction(_message.Message):
    __slots__ = ("post_id", "slot_score", "predicted_reach", "reach_low", "reach_high", "based_on_posts")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    SLOT_SCORE_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_REACH_FIELD_NUMBER: _ClassVar[int]
    REACH_LOW_FIELD_NUMBER: _ClassVar[int]
    REACH_HIGH_FIELD_NUMBER: _ClassVar[int]
    BASED_ON_POSTS_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    slot_score: float
    predicted_reach: float
    reach_low: float
    reach_high: float
    based_on_posts: int
    def __init__(self, post_id: _Optional[str] = ..., slot_score: _Optional[float] = ..., predicted_reach: _Optional[float] = ..., reach_low: _Optional[float] = ..., reach_high: _Optional[float] = ..., based_on_posts: _Optional[int] = ...) -> None: ...

class Calendar(_message.Message):
    __slots__ = ("start_date", "end_date", "view_type", "timezone", "calendar_data", "content_gaps", "content_mix", "performance_predictions", "total_posts", "posting_frequency", "frequency_source")
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    VIEW_TYPE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    CALENDAR_DATA_FIELD_NUMBER: _ClassVar[int]
    CONTENT_GAPS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_MIX_FIELD_NUMBER: _ClassVar[int]
    PERFORMANCE_PREDICTIONS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_POSTS_FIELD_NUMBER: _ClassVar[int]
    POSTING_FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    start_date: str
    end_date: str
    view_type: str
    timezone: str
    calendar_data: _containers.RepeatedCompositeFieldContainer[CalendarDay]
    content_gaps: _containers.RepeatedCompositeFieldContainer[ContentGap]
    content_mix: ContentMix
    performance_predictions: _containers.RepeatedCompositeFieldContainer[PerformancePrediction]
    total_posts: int
    posting_frequency: float
    frequency_source: str
    def __init__(self, start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., view_type: _Optional[str] = ..., timezone: _Optional[str] = ..., calendar_data: _Optional[_Iterable[_Union[CalendarDay, _Mapping]]] = ..., content_gaps: _Optional[_Iterable[_Union[ContentGap, _Mapping]]] = ..., content_mix: _Optional[_Union[ContentMix, _Mapping]] = ..., performance_predictions: _Optional[_Iterable[_Union[PerformancePrediction, _Mapping]]] = ..., total_posts: _Optional[int] = ..., posting_frequency: _Optional[float] = ..., frequency_source: _Optional[str] = ...) -> None: ...

class ContentGaps(_message.Message):
    __slots__ = ("start_date", "end_date", "timezone", "posting_frequency", "frequency_source", "gaps")
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    POSTING_FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    GAPS_FIELD_NUMBER: _ClassVar[int]
    start_date: str
    end_date: str
    timezone: str
    posting_frequency: float
    frequency_source: str
    gaps: _containers.RepeatedCompositeFieldContainer[ContentGap]
    def __init__(self, start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., timezone: _Optional[str] = ..., posting_frequency: _Optional[float] = ..., frequency_source: _Optional[str] = ..., gaps: _Optional[_Iterable[_Union[ContentGap, _Mapping]]] = ...) -> None: ...

class PlanningSettings(_message.Message):
    __slots__ = ("user_id", "posts_per_day")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POSTS_PER_DAY_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    posts_per_day: int
    def __init__(self, user_id: _Optional[str] = ..., posts_per_day: _Optional[int] = ...) -> None: ...

class MovePlannedTimeRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "planned_for", "timezone")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    PLANNED_FOR_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    planned_for: _timestamp_pb2.Timestamp
    timezone: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., planned_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., timezone: _Optional[str] = ...) -> None: ...

class SlotPerformance(_message.Message):
    __slots__ = ("key", "posts", "published", "avg_engagement", "avg_reach")
    KEY_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    AVG_ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    AVG_REACH_FIELD_NUMBER: _ClassVar[int]
    key: str
    posts: int
    published: int
    avg_engagement: float
    avg_reach: float
    def __init__(self, key: _Optional[str] = ..., posts: _Optional[int] = ..., published: _Optional[int] = ..., avg_engagement: _Optional[float] = ..., avg_reach: _Optional[float] = ...) -> None: ...

class PostPerformance(_message.Message):
    __slots__ = ("post_id", "post_type", "caption_preview", "local_time", "reach", "engagement", "engagement_rate")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    CAPTION_PREVIEW_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    REACH_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_RATE_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    post_type: str
    caption_preview: str
    local_time: str
    reach: int
    engagement: int
    engagement_rate: float
    def __init__(self, post_id: _Optional[str] = ..., post_type: _Optional[str] = ..., caption_preview: _Optional[str] = ..., local_time: _Optional[str] = ..., reach: _Optional[int] = ..., engagement: _Optional[int] = ..., engagement_rate: _Optional[float] = ...) -> None: ...

class PeriodSummary(_message.Message):
    __slots__ = ("start_date", "end_date", "posts", "published", "posts_per_day", "posts_per_week", "published_per_day", "avg_engagement", "avg_reach")
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    POSTS_PER_DAY_FIELD_NUMBER: _ClassVar[int]
    POSTS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_PER_DAY_FIELD_NUMBER: _ClassVar[int]
    AVG_ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    AVG_REACH_FIELD_NUMBER: _ClassVar[int]
    start_date: str
    end_date: str
    posts: int
    published: int
    posts_per_day: float
    posts_per_week: float
    published_per_day: float
    avg_engagement: float
    avg_reach: float
    def __init__(self, start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., posts: _Optional[int] = ..., published: _Optional[int] = ..., posts_per_day: _Optional[float] = ..., posts_per_week: _Optional[float] = ..., published_per_day: _Optional[float] = ..., avg_engagement: _Optional[float] = ..., avg_reach: _Optional[float] = ...) -> None: ...

class PeriodChange(_message.Message):
    __slots__ = ("posts_pct", "published_pct", "avg_engagement_pct", "avg_reach_pct")
    POSTS_PCT_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_PCT_FIELD_NUMBER: _ClassVar[int]
    AVG_ENGAGEMENT_PCT_FIELD_NUMBER: _ClassVar[int]
    AVG_REACH_PCT_FIELD_NUMBER: _ClassVar[int]
    posts_pct: float
    published_pct: float
    avg_engagement_pct: float
    avg_reach_pct: float
    def __init__(self, posts_pct: _Optional[float] = ..., published_pct: _Optional[float] = ..., avg_engagement_pct: _Optional[float] = ..., avg_reach_pct: _Optional[float] = ...) -> None: ...

class CalendarAnalytics(_message.Message):
    __slots__ = ("start_date", "end_date", "timezone", "current", "previous", "change", "by_hour", "by_weekday", "by_type", "by_status", "best_posts", "worst_posts", "hashtags", "repeated_hashtag_sets", "prediction_accuracy", "type_reach", "recommendations")
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    BY_HOUR_FIELD_NUMBER: _ClassVar[int]
    BY_WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    BY_TYPE_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    BEST_POSTS_FIELD_NUMBER: _ClassVar[int]
    WORST_POSTS_FIELD_NUMBER: _ClassVar[int]
    HASHTAGS_FIELD_NUMBER: _ClassVar[int]
    REPEATED_HASHTAG_SETS_FIELD_NUMBER: _ClassVar[int]
    PREDICTION_ACCURACY_FIELD_NUMBER: _ClassVar[int]
    TYPE_REACH_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDATIONS_FIELD_NUMBER: _ClassVar[int]
    start_date: str
    end_date: str
    timezone: str
    current: PeriodSummary
    previous: PeriodSummary
    change: PeriodChange
    by_hour: _containers.RepeatedCompositeFieldContainer[SlotPerformance]
    by_weekday: _containers.RepeatedCompositeFieldContainer[SlotPerformance]
    by_type: _containers.RepeatedCompositeFieldContainer[SlotPerformance]
    by_status: _containers.RepeatedCompositeFieldContainer[MixShare]
    best_posts: _containers.RepeatedCompositeFieldContainer[PostPerformance]
    worst_posts: _containers.RepeatedCompositeFieldContainer[PostPerformance]
    hashtags: _containers.RepeatedCompositeFieldContainer[HashtagUse]
    repeated_hashtag_sets: _containers.RepeatedCompositeFieldContainer[RepeatedHashtagSet]
    prediction_accuracy: PredictionAccuracy
    type_reach: _containers.RepeatedCompositeFieldContainer[TypeReach]
    recommendations: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., timezone: _Optional[str] = ..., current: _Optional[_Union[PeriodSummary, _Mapping]] = ..., previous: _Optional[_Union[PeriodSummary, _Mapping]] = ..., change: _Optional[_Union[PeriodChange, _Mapping]] = ..., by_hour: _Optional[_Iterable[_Union[SlotPerformance, _Mapping]]] = ..., by_weekday: _Optional[_Iterable[_Union[SlotPerformance, _Mapping]]] = ..., by_type: _Optional[_Iterable[_Union[SlotPerformance, _Mapping]]] = ..., by_status: _Optional[_Iterable[_Union[MixShare, _Mapping]]] = ..., best_posts: _Optional[_Iterable[_Union[PostPerformance, _Mapping]]] = ..., worst_posts: _Optional[_Iterable[_Union[PostPerformance, _Mapping]]] = ..., hashtags: _Optional[_Iterable[_Union[HashtagUse, _Mapping]]] = ..., repeated_hashtag_sets: _Optional[_Iterable[_Union[RepeatedHashtagSet, _Mapping]]] = ..., prediction_accuracy: _Optional[_Union[PredictionAccuracy, _Mapping]] = ..., type_reach: _Optional[_Iterable[_Union[TypeReach, _Mapping]]] = ..., recommendations: _Optional[_Iterable[str]] = ...) -> None: ...

class TypeReach(_message.Message):
    __slots__ = ("post_type", "posts", "avg_reach", "vs_average", "share_of_range")
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    AVG_REACH_FIELD_NUMBER: _ClassVar[int]
    VS_AVERAGE_FIELD_NUMBER: _ClassVar[int]
    SHARE_OF_RANGE_FIELD_NUMBER: _ClassVar[int]
    post_type: str
    posts: int
    avg_reach: float
    vs_average: float
    share_of_range: float
    def __init__(self, post_type: _Optional[str] = ..., posts: _Optional[int] = ..., avg_reach: _Optional[float] = ..., vs_average: _Optional[float] = ..., share_of_range: _Optional[float] = ...) -> None: ...

class PredictionAccuracy(_message.Message):
    __slots__ = ("posts", "mean_abs_pct_error", "within_interval", "bias_pct")
    POSTS_FIELD_NUMBER: _ClassVar[int]
    MEAN_ABS_PCT_ERROR_FIELD_NUMBER: _ClassVar[int]
    WITHIN_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    BIAS_PCT_FIELD_NUMBER: _ClassVar[int]
    posts: int
    mean_abs_pct_error: float
    within_interval: float
    bias_pct: float
    def __init__(self, posts: _Optional[int] = ..., mean_abs_pct_error: _Optional[float] = ..., within_interval: _Optional[float] = ..., bias_pct: _Optional[float] = ...) -> None: ...

class HashtagUse(_message.Message):
    __slots__ = ("hashtag", "posts", "share", "overused")
    HASHTAG_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    OVERUSED_FIELD_NUMBER: _ClassVar[int]
    hashtag: str
    posts: int
    share: float
    overused: bool
    def __init__(self, hashtag: _Optional[str] = ..., posts: _Optional[int] = ..., share: _Optional[float] = ..., overused: _Optional[bool] = ...) -> None: ...

class RepeatedHashtagSet(_message.Message):
    __slots__ = ("hashtags", "posts")
    HASHTAGS_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    hashtags: _containers.RepeatedScalarFieldContainer[str]
    posts: int
    def __init__(self, hashtags: _Optional[_Iterable[str]] = ..., posts: _Optional[int] = ...) -> None: ...

class Campaign(_message.Message):
    __slots__ = ("id", "user_id", "name", "start_date", "end_date", "colour", "goal", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    GOAL_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    user_id: str
    name: str
    start_date: str
    end_date: str
    colour: str
    goal: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., user_id: _Optional[str] = ..., name: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., colour: _Optional[str] = ..., goal: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CampaignRequest(_message.Message):
    __slots__ = ("user_id", "campaign_id", "name", "start_date", "end_date", "colour", "goal")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    GOAL_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    campaign_id: str
    name: str
    start_date: str
    end_date: str
    colour: str
    goal: str
    def __init__(self, user_id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., name: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., colour: _Optional[str] = ..., goal: _Optional[str] = ...) -> None: ...

class CampaignRef(_message.Message):
    __slots__ = ("user_id", "campaign_id", "timezone")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    campaign_id: str
    timezone: str
    def __init__(self, user_id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., timezone: _Optional[str] = ...) -> None: ...

class CampaignList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Campaign]
    def __init__(self, items: _Optional[_Iterable[_Union[Campaign, _Mapping]]] = ...) -> None: ...

class CampaignTimelineEntry(_message.Message):
    __slots__ = ("post_id", "status", "post_type", "caption_preview", "local_time", "permalink", "reach", "engagement")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    CAPTION_PREVIEW_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    PERMALINK_FIELD_NUMBER: _ClassVar[int]
    REACH_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    status: _post_status_pb2.PostStatus
    post_type: str
    caption_preview: str
    local_time: str
    permalink: str
    reach: int
    engagement: int
    def __init__(self, post_id: _Optional[str] = ..., status: _Optional[_Union[_post_status_pb2.PostStatus, str]] = ..., post_type: _Optional[str] = ..., caption_preview: _Optional[str] = ..., local_time: _Optional[str] = ..., permalink: _Optional[str] = ..., reach: _Optional[int] = ..., engagement: _Optional[int] = ...) -> None: ...

class CampaignTotals(_message.Message):
    __slots__ = ("posts", "by_status", "reach", "engagement")
    POSTS_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    REACH_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    posts: int
    by_status: _containers.RepeatedCompositeFieldContainer[MixShare]
    reach: int
    engagement: int
    def __init__(self, posts: _Optional[int] = ..., by_status: _Optional[_Iterable[_Union[MixShare, _Mapping]]] = ..., reach: _Optional[int] = ..., engagement: _Optional[int] = ...) -> None: ...

class CampaignTimeline(_message.Message):
    __slots__ = ("campaign", "timezone", "posts", "totals")
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    POSTS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    campaign: Campaign
    timezone: str
    posts: _containers.RepeatedCompositeFieldContainer[CampaignTimelineEntry]
    totals: CampaignTotals
    def __init__(self, campaign: _Optional[_Union[Campaign, _Mapping]] = ..., timezone: _Optional[str] = ..., posts: _Optional[_Iterable[_Union[CampaignTimelineEntry, _Mapping]]] = ..., totals: _Optional[_Union[CampaignTotals, _Mapping]] = ...) -> None: ...

class CalendarFeedRequest(_message.Message):
    __slots__ = ("user_id", "token")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    token: str
    def __init__(self, user_id: _Optional[str] = ..., token: _Optional[str] = ...) -> None: ...

class CalendarFeed(_message.Message):
    __slots__ = ("active", "url", "created_at")
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    active: bool
    url: str
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, active: _Optional[bool] = ..., url: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CalendarFeedDocument(_message.Message):
    __slots__ = ("ics",)
    ICS_FIELD_NUMBER: _ClassVar[int]
    ics: bytes
    def __init__(self, ics: _Optional[bytes] = ...) -> None: ...

class ProfileGridRequest(_message.Message):
    __slots__ = ("user_id", "account_id", "published", "timezone")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    account_id: str
    published: int
    timezone: str
    def __init__(self, user_id: _Optional[str] = ..., account_id: _Optional[str] = ..., published: _Optional[int] = ..., timezone: _Optional[str] = ...) -> None: ...

class GridTile(_message.Message):
    __slots__ = ("position", "state", "post_id", "instagram_media_id", "post_type", "image_url", "at", "local_time", "caption_preview", "permalink", "review_status", "post_timezone")
    POSITION_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    INSTAGRAM_MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_URL_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    CAPTION_PREVIEW_FIELD_NUMBER: _ClassVar[int]
    PERMALINK_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STATUS_FIELD_NUMBER: _ClassVar[int]
    POST_TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    position: int
    state: str
    post_id: str
    instagram_media_id: str
    post_type: str
    image_url: str
    at: _timestamp_pb2.Timestamp
    local_time: str
    caption_preview: str
    permalink: str
    review_status: str
    post_timezone: str
    def __init__(self, position: _Optional[int] = ..., state: _Optional[str] = ..., post_id: _Optional[str] = ..., instagram_media_id: _Optional[str] = ..., post_type: _Optional[str] = ..., image_url: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., local_time: _Optional[str] = ..., caption_preview: _Optional[str] = ..., permalink: _Optional[str] = ..., review_status: _Optional[str] = ..., post_timezone: _Optional[str] = ...) -> None: ...

class ProfileGrid(_message.Message):
    __slots__ = ("account_id", "timezone", "tiles", "instagram_unavailable")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    TILES_FIELD_NUMBER: _ClassVar[int]
    INSTAGRAM_UNAVAILABLE_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    timezone: str
    tiles: _containers.RepeatedCompositeFieldContainer[GridTile]
    instagram_unavailable: str
    def __init__(self, account_id: _Optional[str] = ..., timezone: _Optional[str] = ..., tiles: _Optional[_Iterable[_Union[GridTile, _Mapping]]] = ..., instagram_unavailable: _Optional[str] = ...) -> None: ...

class ImportRequest(_message.Message):
    __slots__ = ("user_id", "csv", "timezone", "schedule", "filename", "actor_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CSV_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    csv: str
    timezone: str
    schedule: bool
    filename: str
    actor_id: str
    def __init__(self, user_id: _Optional[str] = ..., csv: _Optional[str] = ..., timezone: _Optional[str] = ..., schedule: _Optional[bool] = ..., filename: _Optional[str] = ..., actor_id: _Optional[str] = ...) -> None: ...

class ImportProblem(_message.Message):
    __slots__ = ("row", "column", "message")
    ROW_FIELD_NUMBER: _ClassVar[int]
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    row: int
    column: str
    message: str
    def __init__(self, row: _Optional[int] = ..., column: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ImportRowReport(_message.Message):
    __slots__ = ("row", "ok", "problems", "caption_preview", "post_type", "local_time", "timezone", "account", "media_count", "outcome", "message", "post_id")
    ROW_FIELD_NUMBER: _ClassVar[int]
    OK_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    CAPTION_PREVIEW_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    MEDIA_COUNT_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    row: int
    ok: bool
    problems: _containers.RepeatedCompositeFieldContainer[ImportProblem]
    caption_preview: str
    post_type: str
    local_time: str
    timezone: str
    account: str
    media_count: int
    outcome: str
    message: str
    post_id: str
    def __init__(self, row: _Optional[int] = ..., ok: _Optional[bool] = ..., problems: _Optional[_Iterable[_Union[ImportProblem, _Mapping]]] = ..., caption_preview: _Optional[str] = ..., post_type: _Optional[str] = ..., local_time: _Optional[str] = ..., timezone: _Optional[str] = ..., account: _Optional[str] = ..., media_count: _Optional[int] = ..., outcome: _Optional[str] = ..., message: _Optional[str] = ..., post_id: _Optional[str] = ...) -> None: ...

class ImportCheck(_message.Message):
    __slots__ = ("total", "valid", "file_problems", "rows", "timezone")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    VALID_FIELD_NUMBER: _ClassVar[int]
    FILE_PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    total: int
    valid: int
    file_problems: _containers.RepeatedCompositeFieldContainer[ImportProblem]
    rows: _containers.RepeatedCompositeFieldContainer[ImportRowReport]
    timezone: str
    def __init__(self, total: _Optional[int] = ..., valid: _Optional[int] = ..., file_problems: _Optional[_Iterable[_Union[ImportProblem, _Mapping]]] = ..., rows: _Optional[_Iterable[_Union[ImportRowReport, _Mapping]]] = ..., timezone: _Optional[str] = ...) -> None: ...

class PostImport(_message.Message):
    __slots__ = ("id", "status", "filename", "timezone", "schedule", "total", "processed", "imported", "failed", "skipped", "created_at", "finished_at", "repeated", "rows")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_FIELD_NUMBER: _ClassVar[int]
    IMPORTED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    REPEATED_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: str
    filename: str
    timezone: str
    schedule: bool
    total: int
    processed: int
    imported: int
    failed: int
    skipped: int
    created_at: _timestamp_pb2.Timestamp
    finished_at: _timestamp_pb2.Timestamp
    repeated: bool
    rows: _containers.RepeatedCompositeFieldContainer[ImportRowReport]
    def __init__(self, id: _Optional[str] = ..., status: _Optional[str] = ..., filename: _Optional[str] = ..., timezone: _Optional[str] = ..., schedule: _Optional[bool] = ..., total: _Optional[int] = ..., processed: _Optional[int] = ..., imported: _Optional[int] = ..., failed: _Optional[int] = ..., skipped: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., repeated: _Optional[bool] = ..., rows: _Optional[_Iterable[_Union[ImportRowReport, _Mapping]]] = ...) -> None: ...

class ImportRef(_message.Message):
    __slots__ = ("user_id", "import_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    import_id: str
    def __init__(self, user_id: _Optional[str] = ..., import_id: _Optional[str] = ...) -> None: ...

class ImportList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[PostImport]
    def __init__(self, items: _Optional[_Iterable[_Union[PostImport, _Mapping]]] = ...) -> None: ...

class AdvanceImportRequest(_message.Message):
    __slots__ = ("import_id", "limit")
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    limit: int
    def __init__(self, import_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ImportToSchedule(_message.Message):
    __slots__ = ("row", "post_id", "local_time", "timezone", "account_id")
    ROW_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    row: int
    post_id: str
    local_time: str
    timezone: str
    account_id: str
    def __init__(self, row: _Optional[int] = ..., post_id: _Optional[str] = ..., local_time: _Optional[str] = ..., timezone: _Optional[str] = ..., account_id: _Optional[str] = ...) -> None: ...

class AdvanceImportResult(_message.Message):
    __slots__ = ("user_id", "to_schedule")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TO_SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    to_schedule: _containers.RepeatedCompositeFieldContainer[ImportToSchedule]
    def __init__(self, user_id: _Optional[str] = ..., to_schedule: _Optional[_Iterable[_Union[ImportToSchedule, _Mapping]]] = ...) -> None: ...

class ImportOutcome(_message.Message):
    __slots__ = ("row", "outcome", "message")
    ROW_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    row: int
    outcome: str
    message: str
    def __init__(self, row: _Optional[int] = ..., outcome: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class RecordImportRequest(_message.Message):
    __slots__ = ("import_id", "outcomes")
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    outcomes: _containers.RepeatedCompositeFieldContainer[ImportOutcome]
    def __init__(self, import_id: _Optional[str] = ..., outcomes: _Optional[_Iterable[_Union[ImportOutcome, _Mapping]]] = ...) -> None: ...

class RecordImportResult(_message.Message):
    __slots__ = ("done",)
    DONE_FIELD_NUMBER: _ClassVar[int]
    done: bool
    def __init__(self, done: _Optional[bool] = ...) -> None: ...

class PreflightDueRequest(_message.Message):
    __slots__ = ("limit", "user_id")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    limit: int
    user_id: str
    def __init__(self, limit: _Optional[int] = ..., user_id: _Optional[str] = ...) -> None: ...

class PreflightDuePost(_message.Message):
    __slots__ = ("user_id", "post_id", "stage")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    stage: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., stage: _Optional[str] = ...) -> None: ...

class PreflightDueList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[PreflightDuePost]
    def __init__(self, items: _Optional[_Iterable[_Union[PreflightDuePost, _Mapping]]] = ...) -> None: ...

class PreflightRecord(_message.Message):
    __slots__ = ("user_id", "post_id", "version", "checked_for", "stage", "checks")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CHECKED_FOR_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    CHECKS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    version: int
    checked_for: _timestamp_pb2.Timestamp
    stage: str
    checks: _containers.RepeatedCompositeFieldContainer[PreflightCheck]
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., version: _Optional[int] = ..., checked_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., stage: _Optional[str] = ..., checks: _Optional[_Iterable[_Union[PreflightCheck, _Mapping]]] = ...) -> None: ...

class RecordPreflightResult(_message.Message):
    __slots__ = ("kept",)
    KEPT_FIELD_NUMBER: _ClassVar[int]
    kept: bool
    def __init__(self, kept: _Optional[bool] = ...) -> None: ...

class SendRemindersRequest(_message.Message):
    __slots__ = ("missed_after_seconds", "limit")
    MISSED_AFTER_SECONDS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    missed_after_seconds: float
    limit: int
    def __init__(self, missed_after_seconds: _Optional[float] = ..., limit: _Optional[int] = ...) -> None: ...

class SendRemindersResult(_message.Message):
    __slots__ = ("sent", "missed")
    SENT_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    sent: int
    missed: int
    def __init__(self, sent: _Optional[int] = ..., missed: _Optional[int] = ...) -> None: ...

class ReportRequest(_message.Message):
    __slots__ = ("user_id", "start_date", "end_date", "timezone", "account_ids", "format", "title")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    start_date: str
    end_date: str
    timezone: str
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    format: str
    title: str
    def __init__(self, user_id: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., timezone: _Optional[str] = ..., account_ids: _Optional[_Iterable[str]] = ..., format: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...

class ReportFile(_message.Message):
    __slots__ = ("content", "filename", "content_type")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    filename: str
    content_type: str
    def __init__(self, content: _Optional[bytes] = ..., filename: _Optional[str] = ..., content_type: _Optional[str] = ...) -> None: ...

class ReportScheduleRequest(_message.Message):
    __slots__ = ("user_id", "actor_id", "name", "frequency", "recipients", "account_ids", "timezone")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    actor_id: str
    name: str
    frequency: str
    recipients: _containers.RepeatedScalarFieldContainer[str]
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    timezone: str
    def __init__(self, user_id: _Optional[str] = ..., actor_id: _Optional[str] = ..., name: _Optional[str] = ..., frequency: _Optional[str] = ..., recipients: _Optional[_Iterable[str]] = ..., account_ids: _Optional[_Iterable[str]] = ..., timezone: _Optional[str] = ...) -> None: ...

class ReportSchedule(_message.Message):
    __slots__ = ("id", "name", "frequency", "recipients", "account_ids", "timezone", "next_run_at", "last_sent_at", "last_error", "user_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    NEXT_RUN_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_SENT_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    frequency: str
    recipients: _containers.RepeatedScalarFieldContainer[str]
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    timezone: str
    next_run_at: _timestamp_pb2.Timestamp
    last_sent_at: _timestamp_pb2.Timestamp
    last_error: str
    user_id: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., frequency: _Optional[str] = ..., recipients: _Optional[_Iterable[str]] = ..., account_ids: _Optional[_Iterable[str]] = ..., timezone: _Optional[str] = ..., next_run_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_sent_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_error: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...

class ReportScheduleRef(_message.Message):
    __slots__ = ("user_id", "schedule_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    schedule_id: str
    def __init__(self, user_id: _Optional[str] = ..., schedule_id: _Optional[str] = ...) -> None: ...

class ReportScheduleList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ReportSchedule]
    def __init__(self, items: _Optional[_Iterable[_Union[ReportSchedule, _Mapping]]] = ...) -> None: ...

class DueReportsRequest(_message.Message):
    __slots__ = ("limit",)
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    limit: int
    def __init__(self, limit: _Optional[int] = ...) -> None: ...

class DueReport(_message.Message):
    __slots__ = ("schedule", "start_date", "end_date")
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    schedule: ReportSchedule
    start_date: str
    end_date: str
    def __init__(self, schedule: _Optional[_Union[ReportSchedule, _Mapping]] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ...) -> None: ...

class DueReportList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[DueReport]
    def __init__(self, items: _Optional[_Iterable[_Union[DueReport, _Mapping]]] = ...) -> None: ...

class MarkReportSentRequest(_message.Message):
    __slots__ = ("schedule_id", "run_at", "error")
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_AT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    schedule_id: str
    run_at: _timestamp_pb2.Timestamp
    error: str
    def __init__(self, schedule_id: _Optional[str] = ..., run_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error: _Optional[str] = ...) -> None: ...

class MarkReportSentResult(_message.Message):
    __slots__ = ("marked",)
    MARKED_FIELD_NUMBER: _ClassVar[int]
    marked: bool
    def __init__(self, marked: _Optional[bool] = ...) -> None: ...
