"""Opaque page cursors for lists ordered newest first by (created_at, id)."""

import base64
import binascii
import json
import uuid
from datetime import datetime

from services.common.errors import invalid_field


def encode(created_at: datetime, row_id: uuid.UUID) -> str:
    raw = json.dumps({"t": created_at.isoformat(), "id": str(row_id)})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime, uuid.UUID]:
    """The (created_at, id) the previous page ended at; a 422 on `cursor` if it is not one."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return datetime.fromisoformat(raw["t"]), uuid.UUID(raw["id"])
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise invalid_field("cursor", "is not a cursor this API returned") from exc


def older_than(created_column, id_column, cursor: str):
    """The SQL condition for rows after the cursor, newest first."""
    created, last = decode(cursor)
    return (created_column < created) | ((created_column == created) & (id_column < last))
