import datetime

from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from protos import api_options_pb2 as _api_options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PurgeRequest(_message.Message):
    __slots__ = ("batch",)
    BATCH_FIELD_NUMBER: _ClassVar[int]
    batch: int
    def __init__(self, batch: _Optional[int] = ...) -> None: ...

class PurgeResult(_message.Message):
    __slots__ = ("purged", "files_removed")
    PURGED_FIELD_NUMBER: _ClassVar[int]
    FILES_REMOVED_FIELD_NUMBER: _ClassVar[int]
    purged: int
    files_removed: int
    def __init__(self, purged: _Optional[int] = ..., files_removed: _Optional[int] = ...) -> None: ...

class StorageUsage(_message.Message):
    __slots__ = ("used_bytes", "quota_bytes")
    USED_BYTES_FIELD_NUMBER: _ClassVar[int]
    QUOTA_BYTES_FIELD_NUMBER: _ClassVar[int]
    used_bytes: int
    quota_bytes: int
    def __init__(self, used_bytes: _Optional[int] = ..., quota_bytes: _Optional[int] = ...) -> None: ...

class ResolveMediaRequest(_message.Message):
    __slots__ = ("user_id", "media_ids", "by_filename")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_IDS_FIELD_NUMBER: _ClassVar[int]
    BY_FILENAME_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    media_ids: _containers.RepeatedScalarFieldContainer[str]
    by_filename: bool
    def __init__(self, user_id: _Optional[str] = ..., media_ids: _Optional[_Iterable[str]] = ..., by_filename: _Optional[bool] = ...) -> None: ...

class ResolvedItem(_message.Message):
    __slots__ = ("media_id", "found", "status", "kind", "cdn_url", "id", "thumbnail_url", "alt_text")
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    FOUND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CDN_URL_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    ALT_TEXT_FIELD_NUMBER: _ClassVar[int]
    media_id: str
    found: bool
    status: str
    kind: str
    cdn_url: str
    id: str
    thumbnail_url: str
    alt_text: str
    def __init__(self, media_id: _Optional[str] = ..., found: _Optional[bool] = ..., status: _Optional[str] = ..., kind: _Optional[str] = ..., cdn_url: _Optional[str] = ..., id: _Optional[str] = ..., thumbnail_url: _Optional[str] = ..., alt_text: _Optional[str] = ...) -> None: ...

class ResolvedMedia(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ResolvedItem]
    def __init__(self, items: _Optional[_Iterable[_Union[ResolvedItem, _Mapping]]] = ...) -> None: ...

class UploadHeader(_message.Message):
    __slots__ = ("user_id", "filename", "fit", "thumbnail_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    FIT_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    filename: str
    fit: str
    thumbnail_at: float
    def __init__(self, user_id: _Optional[str] = ..., filename: _Optional[str] = ..., fit: _Optional[str] = ..., thumbnail_at: _Optional[float] = ...) -> None: ...

class UploadChunk(_message.Message):
    __slots__ = ("header", "data")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    header: UploadHeader
    data: bytes
    def __init__(self, header: _Optional[_Union[UploadHeader, _Mapping]] = ..., data: _Optional[bytes] = ...) -> None: ...

class MediaRef(_message.Message):
    __slots__ = ("user_id", "media_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    media_id: str
    def __init__(self, user_id: _Optional[str] = ..., media_id: _Optional[str] = ...) -> None: ...

class MediaWarning(_message.Message):
    __slots__ = ("code", "message")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    code: str
    message: str
    def __init__(self, code: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class MediaItem(_message.Message):
    __slots__ = ("id", "user_id", "kind", "status", "filename", "original_format", "width", "height", "size_bytes", "original_size_bytes", "cdn_url", "thumbnail_url", "tags", "description", "alt_text", "warnings", "failure_reason", "created_at", "updated_at", "urls_expire_at", "progress", "duration_seconds", "frame_rate", "video_codec", "audio_codec", "parent_id", "edits", "use_count", "last_used_at", "scheduled_post_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_FORMAT_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CDN_URL_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ALT_TEXT_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    FAILURE_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    URLS_EXPIRE_AT_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    DURATION_SECONDS_FIELD_NUMBER: _ClassVar[int]
    FRAME_RATE_FIELD_NUMBER: _ClassVar[int]
    VIDEO_CODEC_FIELD_NUMBER: _ClassVar[int]
    AUDIO_CODEC_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    EDITS_FIELD_NUMBER: _ClassVar[int]
    USE_COUNT_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_AT_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_POST_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    user_id: str
    kind: str
    status: str
    filename: str
    original_format: str
    width: int
    height: int
    size_bytes: int
    original_size_bytes: int
    cdn_url: str
    thumbnail_url: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    description: str
    alt_text: str
    warnings: _containers.RepeatedCompositeFieldContainer[MediaWarning]
    failure_reason: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    urls_expire_at: _timestamp_pb2.Timestamp
    progress: int
    duration_seconds: float
    frame_rate: float
    video_codec: str
    audio_codec: str
    parent_id: str
    edits: _containers.RepeatedCompositeFieldContainer[_struct_pb2.Struct]
    use_count: int
    last_used_at: _timestamp_pb2.Timestamp
    scheduled_post_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., user_id: _Optional[str] = ..., kind: _Optional[str] = ..., status: _Optional[str] = ..., filename: _Optional[str] = ..., original_format: _Optional[str] = ..., width: _Optional[int] = ..., height: _Optional[int] = ..., size_bytes: _Optional[int] = ..., original_size_bytes: _Optional[int] = ..., cdn_url: _Optional[str] = ..., thumbnail_url: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ..., alt_text: _Optional[str] = ..., warnings: _Optional[_Iterable[_Union[MediaWarning, _Mapping]]] = ..., failure_reason: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., urls_expire_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., progress: _Optional[int] = ..., duration_seconds: _Optional[float] = ..., frame_rate: _Optional[float] = ..., video_codec: _Optional[str] = ..., audio_codec: _Optional[str] = ..., parent_id: _Optional[str] = ..., edits: _Optional[_Iterable[_Union[_struct_pb2.Struct, _Mapping]]] = ..., use_count: _Optional[int] = ..., last_used_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., scheduled_post_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class UserRef(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class DeleteMediaRequest(_message.Message):
    __slots__ = ("user_id", "media_id", "force")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    media_id: str
    force: bool
    def __init__(self, user_id: _Optional[str] = ..., media_id: _Optional[str] = ..., force: _Optional[bool] = ...) -> None: ...

class EditMediaRequest(_message.Message):
    __slots__ = ("user_id", "media_id", "operations_json")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATIONS_JSON_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    media_id: str
    operations_json: str
    def __init__(self, user_id: _Optional[str] = ..., media_id: _Optional[str] = ..., operations_json: _Optional[str] = ...) -> None: ...

class Suggestion(_message.Message):
    __slots__ = ("code", "message", "operation")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    code: str
    message: str
    operation: _struct_pb2.Struct
    def __init__(self, code: _Optional[str] = ..., message: _Optional[str] = ..., operation: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class Suggestions(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Suggestion]
    def __init__(self, items: _Optional[_Iterable[_Union[Suggestion, _Mapping]]] = ...) -> None: ...

class Branding(_message.Message):
    __slots__ = ("user_id", "logo_media_id", "position", "scale_percent", "opacity_percent", "enabled")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LOGO_MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    SCALE_PERCENT_FIELD_NUMBER: _ClassVar[int]
    OPACITY_PERCENT_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    logo_media_id: str
    position: str
    scale_percent: int
    opacity_percent: int
    enabled: bool
    def __init__(self, user_id: _Optional[str] = ..., logo_media_id: _Optional[str] = ..., position: _Optional[str] = ..., scale_percent: _Optional[int] = ..., opacity_percent: _Optional[int] = ..., enabled: _Optional[bool] = ...) -> None: ...

class ListMediaRequest(_message.Message):
    __slots__ = ("user_id", "kind", "tag", "query", "cursor", "limit", "created_from", "created_to")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    CREATED_FROM_FIELD_NUMBER: _ClassVar[int]
    CREATED_TO_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    kind: str
    tag: str
    query: str
    cursor: str
    limit: int
    created_from: _timestamp_pb2.Timestamp
    created_to: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., kind: _Optional[str] = ..., tag: _Optional[str] = ..., query: _Optional[str] = ..., cursor: _Optional[str] = ..., limit: _Optional[int] = ..., created_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_to: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class MediaList(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[MediaItem]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[MediaItem, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class UpdateMediaRequest(_message.Message):
    __slots__ = ("user_id", "media_id", "description", "alt_text", "replace_tags", "tags")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ALT_TEXT_FIELD_NUMBER: _ClassVar[int]
    REPLACE_TAGS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    media_id: str
    description: str
    alt_text: str
    replace_tags: bool
    tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_id: _Optional[str] = ..., media_id: _Optional[str] = ..., description: _Optional[str] = ..., alt_text: _Optional[str] = ..., replace_tags: _Optional[bool] = ..., tags: _Optional[_Iterable[str]] = ...) -> None: ...

class FileRequest(_message.Message):
    __slots__ = ("key", "expires", "signature")
    KEY_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    key: str
    expires: int
    signature: str
    def __init__(self, key: _Optional[str] = ..., expires: _Optional[int] = ..., signature: _Optional[str] = ...) -> None: ...

class FileChunk(_message.Message):
    __slots__ = ("content_type", "data")
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    content_type: str
    data: bytes
    def __init__(self, content_type: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...
