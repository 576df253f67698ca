import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from protos import api_options_pb2 as _api_options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReportEmail(_message.Message):
    __slots__ = ("recipients", "subject", "body", "attachments")
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    recipients: _containers.RepeatedScalarFieldContainer[str]
    subject: str
    body: str
    attachments: _containers.RepeatedCompositeFieldContainer[Attachment]
    def __init__(self, recipients: _Optional[_Iterable[str]] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., attachments: _Optional[_Iterable[_Union[Attachment, _Mapping]]] = ...) -> None: ...

class Attachment(_message.Message):
    __slots__ = ("filename", "content_type", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    content_type: str
    content: bytes
    def __init__(self, filename: _Optional[str] = ..., content_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class ReportEmailResult(_message.Message):
    __slots__ = ("sent",)
    SENT_FIELD_NUMBER: _ClassVar[int]
    sent: int
    def __init__(self, sent: _Optional[int] = ...) -> None: ...

class ConfirmEmailRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class ConfirmEmailResult(_message.Message):
    __slots__ = ("email_address", "confirmed")
    EMAIL_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    email_address: str
    confirmed: bool
    def __init__(self, email_address: _Optional[str] = ..., confirmed: _Optional[bool] = ...) -> None: ...

class UserRef(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class NotificationRef(_message.Message):
    __slots__ = ("user_id", "notification_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    notification_id: str
    def __init__(self, user_id: _Optional[str] = ..., notification_id: _Optional[str] = ...) -> None: ...

class Notification(_message.Message):
    __slots__ = ("id", "type", "title", "message", "post_id", "media_id", "delivered", "created_at", "read_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    DELIVERED_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    READ_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: str
    title: str
    message: str
    post_id: str
    media_id: str
    delivered: bool
    created_at: _timestamp_pb2.Timestamp
    read_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., type: _Optional[str] = ..., title: _Optional[str] = ..., message: _Optional[str] = ..., post_id: _Optional[str] = ..., media_id: _Optional[str] = ..., delivered: _Optional[bool] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., read_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListNotificationsRequest(_message.Message):
    __slots__ = ("user_id", "unread_only", "cursor", "limit")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    UNREAD_ONLY_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    unread_only: bool
    cursor: str
    limit: int
    def __init__(self, user_id: _Optional[str] = ..., unread_only: _Optional[bool] = ..., cursor: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class NotificationList(_message.Message):
    __slots__ = ("items", "next_cursor", "unread_count")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Notification]
    next_cursor: str
    unread_count: int
    def __init__(self, items: _Optional[_Iterable[_Union[Notification, _Mapping]]] = ..., next_cursor: _Optional[str] = ..., unread_count: _Optional[int] = ...) -> None: ...

class MarkAllReadResult(_message.Message):
    __slots__ = ("marked",)
    MARKED_FIELD_NUMBER: _ClassVar[int]
    marked: int
    def __init__(self, marked: _Optional[int] = ...) -> None: ...

class Channels(_message.Message):
    __slots__ = ("websocket", "email", "webhook")
    WEBSOCKET_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    websocket: bool
    email: bool
    webhook: bool
    def __init__(self, websocket: _Optional[bool] = ..., email: _Optional[bool] = ..., webhook: _Optional[bool] = ...) -> None: ...

class QuietHours(_message.Message):
    __slots__ = ("start", "end")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    start: str
    end: str
    def __init__(self, start: _Optional[str] = ..., end: _Optional[str] = ...) -> None: ...

class Milestones(_message.Message):
    __slots__ = ("likes", "reach_multiple")
    LIKES_FIELD_NUMBER: _ClassVar[int]
    REACH_MULTIPLE_FIELD_NUMBER: _ClassVar[int]
    likes: _containers.RepeatedScalarFieldContainer[int]
    reach_multiple: float
    def __init__(self, likes: _Optional[_Iterable[int]] = ..., reach_multiple: _Optional[float] = ...) -> None: ...

class NotificationPreferences(_message.Message):
    __slots__ = ("user_id", "channels", "quiet_hours", "timezone", "email_address", "webhook_url", "webhook_secret", "milestones", "email_confirmed")
    class ChannelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Channels
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Channels, _Mapping]] = ...) -> None: ...
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    QUIET_HOURS_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    WEBHOOK_URL_FIELD_NUMBER: _ClassVar[int]
    WEBHOOK_SECRET_FIELD_NUMBER: _ClassVar[int]
    MILESTONES_FIELD_NUMBER: _ClassVar[int]
    EMAIL_CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    channels: _containers.MessageMap[str, Channels]
    quiet_hours: QuietHours
    timezone: str
    email_address: str
    webhook_url: str
    webhook_secret: str
    milestones: Milestones
    email_confirmed: bool
    def __init__(self, user_id: _Optional[str] = ..., channels: _Optional[_Mapping[str, Channels]] = ..., quiet_hours: _Optional[_Union[QuietHours, _Mapping]] = ..., timezone: _Optional[str] = ..., email_address: _Optional[str] = ..., webhook_url: _Optional[str] = ..., webhook_secret: _Optional[str] = ..., milestones: _Optional[_Union[Milestones, _Mapping]] = ..., email_confirmed: _Optional[bool] = ...) -> None: ...
