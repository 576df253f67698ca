"""datetime <-> google.protobuf.Timestamp, treating an unset Timestamp as None."""

from datetime import UTC, datetime, timedelta

from google.protobuf.timestamp_pb2 import Timestamp

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def to_timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    if value.tzinfo is None:
        # A time without an offset is taken as UTC, never as the server's local time.
        value = value.replace(tzinfo=UTC)
    # Whole microseconds since the epoch, by integer arithmetic: Timestamp.FromDatetime
    # cost three times as much, and a calendar answer makes hundreds of these.
    micros = (value - _EPOCH) // _MICROSECOND
    return Timestamp(seconds=micros // 1_000_000, nanos=micros % 1_000_000 * 1000)


def from_timestamp(message, field: str) -> datetime | None:
    """The datetime in message.<field>, or None when the field was not set."""
    if not message.HasField(field):
        return None
    return getattr(message, field).ToDatetime(tzinfo=UTC)
