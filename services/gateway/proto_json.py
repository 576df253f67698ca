"""The REST API's JSON, derived from the services' protobuf messages: one path for every
response body, and the pydantic model (what /openapi.json shows) derived the same way.

A field's JSON follows from its proto declaration alone:
- a field that can be unset (a message, a proto3 `optional` scalar) is null when unset;
- a Timestamp is an RFC 3339 string; a Struct, Value or ListValue is plain JSON (an
  unset Struct is {});
- an enum is its value's name, lowercase, without the enum's prefix
  (POST_STATUS_DRAFT -> "draft");
- a field marked `[(postflow.api.v1.inline) = true]` has its fields merged into its parent's;
- `[(postflow.api.v1.doc) = "..."]` is the field's description in the document;
- `[(postflow.api.v1.internal) = true]` keeps a field between services.
So adding a field to a response is adding it to the proto. Request bodies go the other way
through to_message (protobuf's own JSON parser), after the request schemas checked them.
"""

import re
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any, Literal

from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp
from pydantic import BaseModel, ConfigDict, Field, create_model

from lib.common import proto_struct
from protos import api_options_pb2

_WELL_KNOWN_JSON = {"google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue"}
_TIMESTAMP = "google.protobuf.Timestamp"
_STRUCT = "google.protobuf.Struct"


def _inline(field: FieldDescriptor) -> bool:
    return field.GetOptions().Extensions[api_options_pb2.inline]


def _internal(field: FieldDescriptor) -> bool:
    return field.GetOptions().Extensions[api_options_pb2.internal]


def _doc(field: FieldDescriptor) -> str | None:
    return field.GetOptions().Extensions[api_options_pb2.doc] or None


def _is_struct(field: FieldDescriptor) -> bool:
    return field.message_type is not None and field.message_type.full_name == _STRUCT


def _is_map(field: FieldDescriptor) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


def enum_words(enum: EnumDescriptor) -> dict[int, str]:
    """Each value's number and its JSON word (the unspecified zero value has none)."""
    prefix = re.sub(r"(?<!^)(?=[A-Z])", "_", enum.name).upper() + "_"
    return {v.number: v.name.removeprefix(prefix).lower() for v in enum.values if v.number != 0}


def _converter(field: FieldDescriptor) -> Callable[[Any], Any] | None:
    """How one value of this field becomes JSON; None: it already is."""
    if field.message_type is not None:
        name = field.message_type.full_name
        if name == _TIMESTAMP:
            return Timestamp.ToJsonString
        if name in _WELL_KNOWN_JSON:
            return proto_struct.to_python
        return to_json
    if field.enum_type is not None:
        return enum_words(field.enum_type).get
    return None


# What to_json does with each field, decided once per message type: walking the descriptor
# and its options for every field of every message cost more than the rest of a response.
_PLAIN, _REPEATED, _MAP, _INLINE, _OPTIONAL = range(5)


@cache
def _plan(descriptor: Descriptor) -> tuple[tuple[int, str, Callable[[Any], Any] | None, Any], ...]:
    plan = []
    for field in descriptor.fields:
        if _internal(field):
            continue
        if _is_map(field):
            plan.append((_MAP, field.name, _converter(field.message_type.fields_by_name["value"]), None))
        elif field.is_repeated:
            plan.append((_REPEATED, field.name, _converter(field), None))
        elif _inline(field):
            plan.append((_INLINE, field.name, None, None))
        elif field.has_presence:
            plan.append((_OPTIONAL, field.name, _converter(field), {} if _is_struct(field) else None))
        else:
            plan.append((_PLAIN, field.name, _converter(field), None))
    return tuple(plan)


def to_json(message: Message) -> dict[str, Any]:
    """The message as the REST API shows it."""
    out: dict[str, Any] = {}
    for kind, name, convert, unset in _plan(message.DESCRIPTOR):
        value = getattr(message, name)
        if kind == _REPEATED:
            out[name] = [convert(v) for v in value] if convert else list(value)
        elif kind == _PLAIN:
            out[name] = convert(value) if convert else value
        elif kind == _OPTIONAL:
            if not message.HasField(name):
                out[name] = unset
            else:
                out[name] = convert(value) if convert else value
        elif kind == _MAP:
            # Sorted: a protobuf map has no order, and the same answer should read the same.
            out[name] = {k: convert(v) if convert else v for k, v in sorted(value.items())}
        else:
            out.update(to_json(value))
    return out


_SCALARS: dict[int, type] = {
    FieldDescriptor.CPPTYPE_STRING: str,
    FieldDescriptor.CPPTYPE_BOOL: bool,
    FieldDescriptor.CPPTYPE_INT32: int,
    FieldDescriptor.CPPTYPE_INT64: int,
    FieldDescriptor.CPPTYPE_UINT32: int,
    FieldDescriptor.CPPTYPE_UINT64: int,
    FieldDescriptor.CPPTYPE_DOUBLE: float,
    FieldDescriptor.CPPTYPE_FLOAT: float,
}


def _element_type(field: FieldDescriptor) -> Any:
    if field.message_type is not None:
        name = field.message_type.full_name
        if name == _TIMESTAMP:
            return datetime
        if name == _STRUCT:
            return dict[str, Any]
        if name == "google.protobuf.ListValue":
            return list[Any]
        if name == "google.protobuf.Value":
            return Any
        return _model(field.message_type)
    if field.enum_type is not None:
        return Literal[tuple(enum_words(field.enum_type).values())]
    return _SCALARS[field.cpp_type]


def _fields(descriptor: Descriptor) -> dict[str, tuple[Any, Any]]:
    fields: dict[str, tuple[Any, Any]] = {}
    for field in descriptor.fields:
        if _internal(field):
            continue
        if _inline(field):
            fields.update(_fields(field.message_type))
            continue
        if _is_map(field):
            kind: Any = dict[str, _element_type(field.message_type.fields_by_name["value"])]
        elif field.is_repeated:
            kind = list[_element_type(field)]
        else:
            kind = _element_type(field)
            if field.has_presence and kind is not Any and not _is_struct(field):
                kind = kind | None
        fields[field.name] = (kind, Field(description=_doc(field)))
    return fields


@cache
def _model(descriptor: Descriptor) -> type[BaseModel]:
    # extra="forbid": to_json makes exactly these fields, and a union of two response models
    # (bulk) tells them apart by their fields.
    return create_model(
        descriptor.name, __config__=ConfigDict(extra="forbid"), __module__=__name__, **_fields(descriptor)
    )


def model(message_type: type[Message] | Descriptor) -> type[BaseModel]:
    """The pydantic model of the JSON that to_json makes of this message type."""
    descriptor = getattr(message_type, "DESCRIPTOR", message_type)
    return _model(descriptor)


def to_message(data: dict[str, Any], message_type: type[Message], **fields: Any) -> Message:
    """A request body (already checked by its schema) as a protobuf message, with `fields`
    (the ids from the path and the session) set beside it."""
    return json_format.ParseDict({**data, **fields}, message_type(), ignore_unknown_fields=False)
