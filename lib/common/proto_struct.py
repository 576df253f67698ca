"""Free-form JSON in protobuf (google.protobuf.Struct, Value, ListValue) and back.

Struct holds every number as a double: an integer comes back as an integer when a double
holds it exactly (up to 2^53), so {"n": 1} survives the trip as {"n": 1}, not 1.0.
"""

from typing import Any

from google.protobuf import json_format, struct_pb2
from google.protobuf.message import Message

EXACT_INTEGERS = 2**53


def plain(value: Any) -> Any:
    """JSON from MessageToDict with the integers it turned into doubles restored."""
    if isinstance(value, float) and value.is_integer() and abs(value) < EXACT_INTEGERS:
        return int(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def to_python(message: Message) -> Any:
    """A Struct, Value or ListValue as plain JSON."""
    return plain(json_format.MessageToDict(message))


def struct(value: dict[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(value)
    return message


def value(data: Any) -> struct_pb2.Value:
    message = struct_pb2.Value()
    json_format.ParseDict(data, message)
    return message


def list_value(items: list[Any]) -> struct_pb2.ListValue:
    message = struct_pb2.ListValue()
    message.extend(items)
    return message
