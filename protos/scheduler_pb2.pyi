import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from protos import api_options_pb2 as _api_options_pb2
from protos import common_pb2 as _common_pb2
from protos import post_status_pb2 as _post_status_pb2
from protos import posts_pb2 as _posts_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstagramAccount(_message.Message):
    __slots__ = ("id", "ig_user_id", "username", "connected_at", "min_gap_minutes", "is_default", "login_type", "graph_host", "scopes", "token_expires_at", "health", "health_reason", "page_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    IG_USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CONNECTED_AT_FIELD_NUMBER: _ClassVar[int]
    MIN_GAP_MINUTES_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    LOGIN_TYPE_FIELD_NUMBER: _ClassVar[int]
    GRAPH_HOST_FIELD_NUMBER: _ClassVar[int]
    SCOPES_FIELD_NUMBER: _ClassVar[int]
    TOKEN_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    HEALTH_FIELD_NUMBER: _ClassVar[int]
    HEALTH_REASON_FIELD_NUMBER: _ClassVar[int]
    PAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    ig_user_id: str
    username: str
    connected_at: _timestamp_pb2.Timestamp
    min_gap_minutes: float
    is_default: bool
    login_type: str
    graph_host: str
    scopes: _containers.RepeatedScalarFieldContainer[str]
    token_expires_at: _timestamp_pb2.Timestamp
    health: str
    health_reason: str
    page_name: str
    def __init__(self, id: _Optional[str] = ..., ig_user_id: _Optional[str] = ..., username: _Optional[str] = ..., connected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., min_gap_minutes: _Optional[float] = ..., is_default: _Optional[bool] = ..., login_type: _Optional[str] = ..., graph_host: _Optional[str] = ..., scopes: _Optional[_Iterable[str]] = ..., token_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., health: _Optional[str] = ..., health_reason: _Optional[str] = ..., page_name: _Optional[str] = ...) -> None: ...

class StartLoginRequest(_message.Message):
    __slots__ = ("user_id", "login_type")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LOGIN_TYPE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    login_type: str
    def __init__(self, user_id: _Optional[str] = ..., login_type: _Optional[str] = ...) -> None: ...

class LoginStarted(_message.Message):
    __slots__ = ("id", "login_type", "authorize_url", "expires_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    LOGIN_TYPE_FIELD_NUMBER: _ClassVar[int]
    AUTHORIZE_URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    login_type: str
    authorize_url: str
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., login_type: _Optional[str] = ..., authorize_url: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CompleteLoginRequest(_message.Message):
    __slots__ = ("user_id", "state", "code", "error", "error_description")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ERROR_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    state: str
    code: str
    error: str
    error_description: str
    def __init__(self, user_id: _Optional[str] = ..., state: _Optional[str] = ..., code: _Optional[str] = ..., error: _Optional[str] = ..., error_description: _Optional[str] = ...) -> None: ...

class LoginChoice(_message.Message):
    __slots__ = ("ig_user_id", "username", "page_name")
    IG_USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    ig_user_id: str
    username: str
    page_name: str
    def __init__(self, ig_user_id: _Optional[str] = ..., username: _Optional[str] = ..., page_name: _Optional[str] = ...) -> None: ...

class LoginResult(_message.Message):
    __slots__ = ("login_id", "status", "accounts", "choices")
    LOGIN_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    CHOICES_FIELD_NUMBER: _ClassVar[int]
    login_id: str
    status: str
    accounts: _containers.RepeatedCompositeFieldContainer[InstagramAccount]
    choices: _containers.RepeatedCompositeFieldContainer[LoginChoice]
    def __init__(self, login_id: _Optional[str] = ..., status: _Optional[str] = ..., accounts: _Optional[_Iterable[_Union[InstagramAccount, _Mapping]]] = ..., choices: _Optional[_Iterable[_Union[LoginChoice, _Mapping]]] = ...) -> None: ...

class ChooseLoginAccountsRequest(_message.Message):
    __slots__ = ("user_id", "login_id", "ig_user_ids")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LOGIN_ID_FIELD_NUMBER: _ClassVar[int]
    IG_USER_IDS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    login_id: str
    ig_user_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_id: _Optional[str] = ..., login_id: _Optional[str] = ..., ig_user_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class UpdateAccountRequest(_message.Message):
    __slots__ = ("user_id", "account_id", "min_gap_minutes", "is_default")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    MIN_GAP_MINUTES_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    account_id: str
    min_gap_minutes: float
    is_default: bool
    def __init__(self, user_id: _Optional[str] = ..., account_id: _Optional[str] = ..., min_gap_minutes: _Optional[float] = ..., is_default: _Optional[bool] = ...) -> None: ...

class ConnectAccountRequest(_message.Message):
    __slots__ = ("user_id", "ig_user_id", "access_token", "login_type")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    IG_USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    LOGIN_TYPE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    ig_user_id: str
    access_token: str
    login_type: str
    def __init__(self, user_id: _Optional[str] = ..., ig_user_id: _Optional[str] = ..., access_token: _Optional[str] = ..., login_type: _Optional[str] = ...) -> None: ...

class ListAccountsRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class AccountList(_message.Message):
    __slots__ = ("accounts",)
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    accounts: _containers.RepeatedCompositeFieldContainer[InstagramAccount]
    def __init__(self, accounts: _Optional[_Iterable[_Union[InstagramAccount, _Mapping]]] = ...) -> None: ...

class AccountRef(_message.Message):
    __slots__ = ("user_id", "account_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    account_id: str
    def __init__(self, user_id: _Optional[str] = ..., account_id: _Optional[str] = ...) -> None: ...

class PublishingCredentials(_message.Message):
    __slots__ = ("ig_user_id", "access_token", "sealed_access_token", "graph_host", "health", "throttled_until")
    IG_USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SEALED_ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    GRAPH_HOST_FIELD_NUMBER: _ClassVar[int]
    HEALTH_FIELD_NUMBER: _ClassVar[int]
    THROTTLED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    ig_user_id: str
    access_token: str
    sealed_access_token: bytes
    graph_host: str
    health: str
    throttled_until: _timestamp_pb2.Timestamp
    def __init__(self, ig_user_id: _Optional[str] = ..., access_token: _Optional[str] = ..., sealed_access_token: _Optional[bytes] = ..., graph_host: _Optional[str] = ..., health: _Optional[str] = ..., throttled_until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ThrottleReport(_message.Message):
    __slots__ = ("user_id", "account_id", "until")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    account_id: str
    until: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., account_id: _Optional[str] = ..., until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TokenRefused(_message.Message):
    __slots__ = ("user_id", "account_id", "sealed_access_token", "reason")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SEALED_ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    account_id: str
    sealed_access_token: bytes
    reason: str
    def __init__(self, user_id: _Optional[str] = ..., account_id: _Optional[str] = ..., sealed_access_token: _Optional[bytes] = ..., reason: _Optional[str] = ...) -> None: ...

class TokenRefusedResult(_message.Message):
    __slots__ = ("changed",)
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    changed: bool
    def __init__(self, changed: _Optional[bool] = ...) -> None: ...

class KeepAccountsConnectedRequest(_message.Message):
    __slots__ = ("as_of",)
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    as_of: _timestamp_pb2.Timestamp
    def __init__(self, as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class KeepAccountsConnectedResult(_message.Message):
    __slots__ = ("refreshed", "checked", "needs_reauth", "warned")
    REFRESHED_FIELD_NUMBER: _ClassVar[int]
    CHECKED_FIELD_NUMBER: _ClassVar[int]
    NEEDS_REAUTH_FIELD_NUMBER: _ClassVar[int]
    WARNED_FIELD_NUMBER: _ClassVar[int]
    refreshed: int
    checked: int
    needs_reauth: int
    warned: int
    def __init__(self, refreshed: _Optional[int] = ..., checked: _Optional[int] = ..., needs_reauth: _Optional[int] = ..., warned: _Optional[int] = ...) -> None: ...

class ReconcileSchedulesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ScheduleRepair(_message.Message):
    __slots__ = ("post_id", "action", "detail")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    action: str
    detail: str
    def __init__(self, post_id: _Optional[str] = ..., action: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class ReconcileSchedulesReport(_message.Message):
    __slots__ = ("posts_checked", "workflows_checked", "busy", "repairs", "failed")
    POSTS_CHECKED_FIELD_NUMBER: _ClassVar[int]
    WORKFLOWS_CHECKED_FIELD_NUMBER: _ClassVar[int]
    BUSY_FIELD_NUMBER: _ClassVar[int]
    REPAIRS_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    posts_checked: int
    workflows_checked: int
    busy: int
    repairs: _containers.RepeatedCompositeFieldContainer[ScheduleRepair]
    failed: _containers.RepeatedCompositeFieldContainer[ScheduleRepair]
    def __init__(self, posts_checked: _Optional[int] = ..., workflows_checked: _Optional[int] = ..., busy: _Optional[int] = ..., repairs: _Optional[_Iterable[_Union[ScheduleRepair, _Mapping]]] = ..., failed: _Optional[_Iterable[_Union[ScheduleRepair, _Mapping]]] = ...) -> None: ...

class PostRef(_message.Message):
    __slots__ = ("user_id", "post_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ...) -> None: ...

class FirstCommentRetry(_message.Message):
    __slots__ = ("post_id", "status", "attempts")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    status: str
    attempts: int
    def __init__(self, post_id: _Optional[str] = ..., status: _Optional[str] = ..., attempts: _Optional[int] = ...) -> None: ...

class SchedulePostRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "account_id", "local_time", "timezone", "prefer")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    PREFER_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    account_id: str
    local_time: str
    timezone: str
    prefer: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., account_id: _Optional[str] = ..., local_time: _Optional[str] = ..., timezone: _Optional[str] = ..., prefer: _Optional[str] = ...) -> None: ...

class ScheduleResult(_message.Message):
    __slots__ = ("post_id", "scheduled_for", "local_time", "timezone", "ambiguity", "optimal_score", "warnings")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    AMBIGUITY_FIELD_NUMBER: _ClassVar[int]
    OPTIMAL_SCORE_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    scheduled_for: _timestamp_pb2.Timestamp
    local_time: str
    timezone: str
    ambiguity: str
    optimal_score: float
    warnings: _containers.RepeatedCompositeFieldContainer[_posts_pb2.Warning]
    def __init__(self, post_id: _Optional[str] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., local_time: _Optional[str] = ..., timezone: _Optional[str] = ..., ambiguity: _Optional[str] = ..., optimal_score: _Optional[float] = ..., warnings: _Optional[_Iterable[_Union[_posts_pb2.Warning, _Mapping]]] = ...) -> None: ...

class UnscheduleResult(_message.Message):
    __slots__ = ("post_id", "status")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    status: _post_status_pb2.PostStatus
    def __init__(self, post_id: _Optional[str] = ..., status: _Optional[_Union[_post_status_pb2.PostStatus, str]] = ...) -> None: ...

class PublishingStatus(_message.Message):
    __slots__ = ("post_id", "status", "scheduled_for", "timezone", "step", "attempts", "last_error", "next_retry", "instagram_media_id", "permalink", "published_at")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    NEXT_RETRY_FIELD_NUMBER: _ClassVar[int]
    INSTAGRAM_MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    PERMALINK_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    status: _post_status_pb2.PostStatus
    scheduled_for: _timestamp_pb2.Timestamp
    timezone: str
    step: str
    attempts: int
    last_error: str
    next_retry: _timestamp_pb2.Timestamp
    instagram_media_id: str
    permalink: str
    published_at: _timestamp_pb2.Timestamp
    def __init__(self, post_id: _Optional[str] = ..., status: _Optional[_Union[_post_status_pb2.PostStatus, str]] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., timezone: _Optional[str] = ..., step: _Optional[str] = ..., attempts: _Optional[int] = ..., last_error: _Optional[str] = ..., next_retry: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., instagram_media_id: _Optional[str] = ..., permalink: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class BulkScheduleRequest(_message.Message):
    __slots__ = ("user_id", "action", "post_ids", "account_id", "timezone", "start_time", "interval_minutes", "times", "prefer")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    POST_IDS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    INTERVAL_MINUTES_FIELD_NUMBER: _ClassVar[int]
    TIMES_FIELD_NUMBER: _ClassVar[int]
    PREFER_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    action: str
    post_ids: _containers.RepeatedScalarFieldContainer[str]
    account_id: str
    timezone: str
    start_time: str
    interval_minutes: float
    times: _containers.RepeatedScalarFieldContainer[str]
    prefer: str
    def __init__(self, user_id: _Optional[str] = ..., action: _Optional[str] = ..., post_ids: _Optional[_Iterable[str]] = ..., account_id: _Optional[str] = ..., timezone: _Optional[str] = ..., start_time: _Optional[str] = ..., interval_minutes: _Optional[float] = ..., times: _Optional[_Iterable[str]] = ..., prefer: _Optional[str] = ...) -> None: ...

class BulkScheduleItem(_message.Message):
    __slots__ = ("post_id", "ok", "error", "scheduled_for", "local_time", "warnings")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    OK_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    ok: bool
    error: _common_pb2.ItemError
    scheduled_for: _timestamp_pb2.Timestamp
    local_time: str
    warnings: _containers.RepeatedCompositeFieldContainer[_posts_pb2.Warning]
    def __init__(self, post_id: _Optional[str] = ..., ok: _Optional[bool] = ..., error: _Optional[_Union[_common_pb2.ItemError, _Mapping]] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., local_time: _Optional[str] = ..., warnings: _Optional[_Iterable[_Union[_posts_pb2.Warning, _Mapping]]] = ...) -> None: ...

class BulkScheduleResult(_message.Message):
    __slots__ = ("results", "succeeded", "failed")
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[BulkScheduleItem]
    succeeded: int
    failed: int
    def __init__(self, results: _Optional[_Iterable[_Union[BulkScheduleItem, _Mapping]]] = ..., succeeded: _Optional[int] = ..., failed: _Optional[int] = ...) -> None: ...

class SeriesRequest(_message.Message):
    __slots__ = ("user_id", "post_id", "account_id", "rrule", "start_time", "timezone")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    RRULE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    post_id: str
    account_id: str
    rrule: str
    start_time: str
    timezone: str
    def __init__(self, user_id: _Optional[str] = ..., post_id: _Optional[str] = ..., account_id: _Optional[str] = ..., rrule: _Optional[str] = ..., start_time: _Optional[str] = ..., timezone: _Optional[str] = ...) -> None: ...

class Series(_message.Message):
    __slots__ = ("post_id", "account_id", "rrule", "start_time", "timezone", "status", "upcoming", "created_at", "stopped_at")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    RRULE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    UPCOMING_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STOPPED_AT_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    account_id: str
    rrule: str
    start_time: str
    timezone: str
    status: str
    upcoming: _containers.RepeatedScalarFieldContainer[str]
    created_at: _timestamp_pb2.Timestamp
    stopped_at: _timestamp_pb2.Timestamp
    def __init__(self, post_id: _Optional[str] = ..., account_id: _Optional[str] = ..., rrule: _Optional[str] = ..., start_time: _Optional[str] = ..., timezone: _Optional[str] = ..., status: _Optional[str] = ..., upcoming: _Optional[_Iterable[str]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., stopped_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Move(_message.Message):
    __slots__ = ("post_id", "scheduled_time", "timezone")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    scheduled_time: str
    timezone: str
    def __init__(self, post_id: _Optional[str] = ..., scheduled_time: _Optional[str] = ..., timezone: _Optional[str] = ...) -> None: ...

class MovePostsRequest(_message.Message):
    __slots__ = ("user_id", "moves", "prefer", "dry_run")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    MOVES_FIELD_NUMBER: _ClassVar[int]
    PREFER_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    moves: _containers.RepeatedCompositeFieldContainer[Move]
    prefer: str
    dry_run: bool
    def __init__(self, user_id: _Optional[str] = ..., moves: _Optional[_Iterable[_Union[Move, _Mapping]]] = ..., prefer: _Optional[str] = ..., dry_run: _Optional[bool] = ...) -> None: ...

class Moved(_message.Message):
    __slots__ = ("post_id", "status", "scheduled_for", "local_time", "timezone", "planned", "optimal_score")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    PLANNED_FIELD_NUMBER: _ClassVar[int]
    OPTIMAL_SCORE_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    status: _post_status_pb2.PostStatus
    scheduled_for: _timestamp_pb2.Timestamp
    local_time: str
    timezone: str
    planned: bool
    optimal_score: float
    def __init__(self, post_id: _Optional[str] = ..., status: _Optional[_Union[_post_status_pb2.PostStatus, str]] = ..., scheduled_for: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., local_time: _Optional[str] = ..., timezone: _Optional[str] = ..., planned: _Optional[bool] = ..., optimal_score: _Optional[float] = ...) -> None: ...

class MovePostsResult(_message.Message):
    __slots__ = ("moved",)
    MOVED_FIELD_NUMBER: _ClassVar[int]
    moved: _containers.RepeatedCompositeFieldContainer[Moved]
    def __init__(self, moved: _Optional[_Iterable[_Union[Moved, _Mapping]]] = ...) -> None: ...

class SuggestTimesRequest(_message.Message):
    __slots__ = ("user_id", "account_id", "timezone", "start_date", "end_date", "count", "post_type")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    account_id: str
    timezone: str
    start_date: str
    end_date: str
    count: int
    post_type: str
    def __init__(self, user_id: _Optional[str] = ..., account_id: _Optional[str] = ..., timezone: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., count: _Optional[int] = ..., post_type: _Optional[str] = ...) -> None: ...

class SuggestedTime(_message.Message):
    __slots__ = ("scheduled_time", "utc", "score", "prior", "hour_lift", "day_lift", "explanation")
    SCHEDULED_TIME_FIELD_NUMBER: _ClassVar[int]
    UTC_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    PRIOR_FIELD_NUMBER: _ClassVar[int]
    HOUR_LIFT_FIELD_NUMBER: _ClassVar[int]
    DAY_LIFT_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    scheduled_time: str
    utc: _timestamp_pb2.Timestamp
    score: float
    prior: float
    hour_lift: float
    day_lift: float
    explanation: str
    def __init__(self, scheduled_time: _Optional[str] = ..., utc: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., score: _Optional[float] = ..., prior: _Optional[float] = ..., hour_lift: _Optional[float] = ..., day_lift: _Optional[float] = ..., explanation: _Optional[str] = ...) -> None: ...

class AudienceModel(_message.Message):
    __slots__ = ("account_id", "samples", "own_weight", "basis", "timezone", "fitted_at", "hours_of")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    OWN_WEIGHT_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    FITTED_AT_FIELD_NUMBER: _ClassVar[int]
    HOURS_OF_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    samples: int
    own_weight: float
    basis: str
    timezone: str
    fitted_at: _timestamp_pb2.Timestamp
    hours_of: str
    def __init__(self, account_id: _Optional[str] = ..., samples: _Optional[int] = ..., own_weight: _Optional[float] = ..., basis: _Optional[str] = ..., timezone: _Optional[str] = ..., fitted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., hours_of: _Optional[str] = ...) -> None: ...

class SuggestedTimes(_message.Message):
    __slots__ = ("account_id", "timezone", "post_type", "times", "model")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    TIMES_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    timezone: str
    post_type: str
    times: _containers.RepeatedCompositeFieldContainer[SuggestedTime]
    model: AudienceModel
    def __init__(self, account_id: _Optional[str] = ..., timezone: _Optional[str] = ..., post_type: _Optional[str] = ..., times: _Optional[_Iterable[_Union[SuggestedTime, _Mapping]]] = ..., model: _Optional[_Union[AudienceModel, _Mapping]] = ...) -> None: ...

class AudienceDueRequest(_message.Message):
    __slots__ = ("limit", "stale_after_seconds")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    STALE_AFTER_SECONDS_FIELD_NUMBER: _ClassVar[int]
    limit: int
    stale_after_seconds: float
    def __init__(self, limit: _Optional[int] = ..., stale_after_seconds: _Optional[float] = ...) -> None: ...

class AccountRefs(_message.Message):
    __slots__ = ("accounts",)
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    accounts: _containers.RepeatedCompositeFieldContainer[AccountRef]
    def __init__(self, accounts: _Optional[_Iterable[_Union[AccountRef, _Mapping]]] = ...) -> None: ...

class AudienceMedia(_message.Message):
    __slots__ = ("media_id", "media_type", "published_at", "engagement")
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    media_id: str
    media_type: str
    published_at: _timestamp_pb2.Timestamp
    engagement: int
    def __init__(self, media_id: _Optional[str] = ..., media_type: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., engagement: _Optional[int] = ...) -> None: ...

class RecordAudienceRequest(_message.Message):
    __slots__ = ("user_id", "account_id", "followers", "media")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    FOLLOWERS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    account_id: str
    followers: int
    media: _containers.RepeatedCompositeFieldContainer[AudienceMedia]
    def __init__(self, user_id: _Optional[str] = ..., account_id: _Optional[str] = ..., followers: _Optional[int] = ..., media: _Optional[_Iterable[_Union[AudienceMedia, _Mapping]]] = ...) -> None: ...

class TemplateSlot(_message.Message):
    __slots__ = ("weekday", "time")
    WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    weekday: str
    time: str
    def __init__(self, weekday: _Optional[str] = ..., time: _Optional[str] = ...) -> None: ...

class ScheduleTemplate(_message.Message):
    __slots__ = ("id", "name", "timezone", "slots", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    SLOTS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    timezone: str
    slots: _containers.RepeatedCompositeFieldContainer[TemplateSlot]
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., timezone: _Optional[str] = ..., slots: _Optional[_Iterable[_Union[TemplateSlot, _Mapping]]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ScheduleTemplateRequest(_message.Message):
    __slots__ = ("user_id", "template_id", "name", "timezone", "slots")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    SLOTS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    template_id: str
    name: str
    timezone: str
    slots: _containers.RepeatedCompositeFieldContainer[TemplateSlot]
    def __init__(self, user_id: _Optional[str] = ..., template_id: _Optional[str] = ..., name: _Optional[str] = ..., timezone: _Optional[str] = ..., slots: _Optional[_Iterable[_Union[TemplateSlot, _Mapping]]] = ...) -> None: ...

class ScheduleTemplateRef(_message.Message):
    __slots__ = ("user_id", "template_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    template_id: str
    def __init__(self, user_id: _Optional[str] = ..., template_id: _Optional[str] = ...) -> None: ...

class ScheduleTemplateList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ScheduleTemplate]
    def __init__(self, items: _Optional[_Iterable[_Union[ScheduleTemplate, _Mapping]]] = ...) -> None: ...

class ApplyScheduleTemplateRequest(_message.Message):
    __slots__ = ("user_id", "template_id", "post_ids", "account_id", "start_date")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    POST_IDS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    template_id: str
    post_ids: _containers.RepeatedScalarFieldContainer[str]
    account_id: str
    start_date: str
    def __init__(self, user_id: _Optional[str] = ..., template_id: _Optional[str] = ..., post_ids: _Optional[_Iterable[str]] = ..., account_id: _Optional[str] = ..., start_date: _Optional[str] = ...) -> None: ...

class AudienceModelParams(_message.Message):
    __slots__ = ("account_id", "zone", "own_weight", "hour_lift", "day_lift", "samples")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_FIELD_NUMBER: _ClassVar[int]
    OWN_WEIGHT_FIELD_NUMBER: _ClassVar[int]
    HOUR_LIFT_FIELD_NUMBER: _ClassVar[int]
    DAY_LIFT_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    zone: str
    own_weight: float
    hour_lift: _containers.RepeatedScalarFieldContainer[float]
    day_lift: _containers.RepeatedScalarFieldContainer[float]
    samples: int
    def __init__(self, account_id: _Optional[str] = ..., zone: _Optional[str] = ..., own_weight: _Optional[float] = ..., hour_lift: _Optional[_Iterable[float]] = ..., day_lift: _Optional[_Iterable[float]] = ..., samples: _Optional[int] = ...) -> None: ...

class ProfileMediaRequest(_message.Message):
    __slots__ = ("user_id", "account_id", "limit")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    account_id: str
    limit: int
    def __init__(self, user_id: _Optional[str] = ..., account_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ProfileMediaItem(_message.Message):
    __slots__ = ("id", "media_type", "product_type", "media_url", "thumbnail_url", "permalink", "caption", "published_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_TYPE_FIELD_NUMBER: _ClassVar[int]
    MEDIA_URL_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    PERMALINK_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    media_type: str
    product_type: str
    media_url: str
    thumbnail_url: str
    permalink: str
    caption: str
    published_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., media_type: _Optional[str] = ..., product_type: _Optional[str] = ..., media_url: _Optional[str] = ..., thumbnail_url: _Optional[str] = ..., permalink: _Optional[str] = ..., caption: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProfileMediaList(_message.Message):
    __slots__ = ("items", "unavailable", "takes_unassigned")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    UNAVAILABLE_FIELD_NUMBER: _ClassVar[int]
    TAKES_UNASSIGNED_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ProfileMediaItem]
    unavailable: str
    takes_unassigned: bool
    def __init__(self, items: _Optional[_Iterable[_Union[ProfileMediaItem, _Mapping]]] = ..., unavailable: _Optional[str] = ..., takes_unassigned: _Optional[bool] = ...) -> None: ...

class StartImportRequest(_message.Message):
    __slots__ = ("user_id", "import_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    import_id: str
    def __init__(self, user_id: _Optional[str] = ..., import_id: _Optional[str] = ...) -> None: ...

class StartImportResult(_message.Message):
    __slots__ = ("started",)
    STARTED_FIELD_NUMBER: _ClassVar[int]
    started: bool
    def __init__(self, started: _Optional[bool] = ...) -> None: ...

class PreflightRoundRequest(_message.Message):
    __slots__ = ("limit", "user_id")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    limit: int
    user_id: str
    def __init__(self, limit: _Optional[int] = ..., user_id: _Optional[str] = ...) -> None: ...

class PreflightRoundResult(_message.Message):
    __slots__ = ("checked", "failed")
    CHECKED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    checked: int
    failed: int
    def __init__(self, checked: _Optional[int] = ..., failed: _Optional[int] = ...) -> None: ...
