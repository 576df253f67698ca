"""What every request body shares: strict models with a ceiling on every string and list,
and the bounded free-form JSON of metadata. Each resource's bodies sit in its own
schemas.py; response bodies are derived from the protobuf messages (proto_json.py)."""

import json
import math
import re
from datetime import datetime
from typing import Annotated, Any

from fastapi import Query
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from lib.common import time_text
from lib.common.proto_struct import EXACT_INTEGERS

INT32_MAX = 2**31 - 1


# Version numbers and limits travel as int32 over gRPC.
def _integral(value: Any) -> Any:
    # JSON Schema counts 3.0 as an integer; strict pydantic would not.
    return int(value) if isinstance(value, float) and value.is_integer() else value


Int32 = Annotated[int, Field(ge=0, le=INT32_MAX), BeforeValidator(_integral)]


def BoundedInt(low: int, high: int) -> Any:  # noqa: N802 - reads as a type
    """An integer in [low, high], 3.0 included (JSON Schema's integers)."""
    return Annotated[int, Field(ge=low, le=high), BeforeValidator(_integral)]


# Ceilings on what a client may send, checked before any service sees it: every string has
# one (the services' own, tighter rules still say precisely what is wrong below it), and so
# has every list. Without them a 1 MB string reached every service's validation.
MAX_TEXT = 4096
MAX_CAPTION = 20_000  # autosaves keep drafts longer than Instagram's 2,200
MAX_ITEMS = 100
MAX_IDS = 1000


def Items(item: Any, max_items: int = MAX_ITEMS) -> Any:  # noqa: N802 - reads as a type
    """A list of at most max_items items."""
    return Annotated[list[item], Field(max_length=max_items)]


Caption = Annotated[str, Field(max_length=MAX_CAPTION)]
MAX_METADATA_BYTES = 65_536
MAX_METADATA_DEPTH = 32


def _bounded_json(value: dict[str, Any]) -> dict[str, Any]:
    """Free-form JSON, but shallow and small (Python's own JSON handling recurses), and with
    integers a double holds exactly (it travels as a protobuf Struct)."""
    pending = [(value, 1)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_METADATA_DEPTH:
            raise ValueError(f"nests deeper than {MAX_METADATA_DEPTH} levels")
        if isinstance(node, int) and not isinstance(node, bool) and abs(node) >= EXACT_INTEGERS:
            raise ValueError("holds an integer beyond 2^53 (send it as a string)")
        if isinstance(node, float) and not math.isfinite(node):
            raise ValueError("holds a number that is not finite")
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        pending.extend((child, depth + 1) for child in children)
    if len(json.dumps(value)) > MAX_METADATA_BYTES:
        raise ValueError(f"is larger than {MAX_METADATA_BYTES} bytes as JSON")
    return value


Metadata = Annotated[dict[str, Any], AfterValidator(_bounded_json)]


def _iso_moment(value: Any) -> Any:
    # Pydantic would read "0.5" as seconds since 1970; a client meant a date or made a mistake.
    if isinstance(value, str) and not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be an ISO 8601 date and time, e.g. 2027-03-28T09:30:00Z")
    return value


# A moment in a query string: ISO 8601 only.
Moment = Annotated[datetime, BeforeValidator(_iso_moment)]
# A local wall-clock time, as the scheduling forms take it.
LOCAL_TIME_PATTERN = time_text.LOCAL_TIME_PATTERN
SCHEDULE_TIME_PATTERN = time_text.SCHEDULE_TIME_PATTERN

# A page size; the services refuse more than their list_max_limit (100 unless configured).
PageSize = Annotated[int, Query(ge=1, le=100, description="1 to 100")]


def documented(**constraints: Any) -> Any:
    """A string whose constraints the document states but a service checks, so that every
    problem of a request is named in one answer."""
    return Annotated[str, Field(json_schema_extra=constraints)]


class RequestBody(BaseModel):
    # Unknown fields and wrong JSON types are client mistakes worth a 422, not silent coercion.
    model_config = ConfigDict(extra="forbid", strict=True, str_max_length=MAX_TEXT)
