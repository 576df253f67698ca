"""Ids arrive as text from URLs and gRPC; a malformed one names nothing that exists."""

import uuid

from lib.common.errors import not_found


def is_id(value: str) -> bool:
    """Whether value is written as an id (a field's check, where a bad one is the request's
    mistake rather than a missing thing)."""
    try:
        uuid.UUID(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def parse_id(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except (ValueError, TypeError, AttributeError) as exc:
        raise not_found(what) from exc
