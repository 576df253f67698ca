"""datetime <-> google.protobuf.Timestamp, treating an unset Timestamp as None."""

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp


def to_timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    if value.tzinfo is None:
        # A time without an offset is taken as UTC, never as the server's local time.
        value = value.replace(tzinfo=UTC)
    ts = Timestamp()
    ts.FromDatetime(value.astimezone(UTC))
    return ts


def from_timestamp(message, field: str) -> datetime | None:
    """The datetime in message.<field>, or None when the field was not set."""
    if not message.HasField(field):
        return None
    return getattr(message, field).ToDatetime(tzinfo=UTC)
