from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor
INLINE_FIELD_NUMBER: _ClassVar[int]
inline: _descriptor.FieldDescriptor
DOC_FIELD_NUMBER: _ClassVar[int]
doc: _descriptor.FieldDescriptor
INTERNAL_FIELD_NUMBER: _ClassVar[int]
internal: _descriptor.FieldDescriptor
