import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstagramAccount(_message.Message):
    __slots__ = ("id", "ig_user_id", "username", "connected_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    IG_USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CONNECTED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    ig_user_id: str
    username: str
    connected_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., ig_user_id: _Optional[str] = ..., username: _Optional[str] = ..., connected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ConnectAccountRequest(_message.Message):
    __slots__ = ("user_id", "ig_user_id", "access_token")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    IG_USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    ig_user_id: str
    access_token: str
    def __init__(self, user_id: _Optional[str] = ..., ig_user_id: _Optional[str] = ..., access_token: _Optional[str] = ...) -> None: ...

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
