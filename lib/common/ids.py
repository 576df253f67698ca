"""Ids arrive as text from URLs and gRPC; a malformed one names nothing that exists."""

import uuid

from lib.common.errors import not_found


def parse_id(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except (ValueError, TypeError, AttributeError) as exc:
        raise not_found(what) from exc
