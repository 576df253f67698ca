"""The SQL of every change to a post, each one atomic statement (data-modifying CTEs).

A content change updates the post, inserts its version row and discards its autosaved
draft in a single statement guarded by the version it was based on: no lock is held
between reading and writing, and a concurrent change makes the statement match nothing.

The statements are built once with bound parameters: building one costs more CPU than
running it.
"""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.types import DateTime, Integer, String

from lib.post_status import CONTENT_LOCKED, PostStatus
from services.posts.content import Content
from services.posts.models import Autosave, Post, PostVersion

posts = Post.__table__
versions = PostVersion.__table__
autosaves = Autosave.__table__

# Once Instagram has (or is about to have) the post, its content is history.
# needs_reconcile: Instagram may hold the post already; its content is what was sent.

CONTENT_COLUMNS = ("caption", "hashtags", "media", "post_type", "tags", "metadata", "options", "search_text")
_SNAPSHOT_COLUMNS = ("caption", "hashtags", "media", "post_type", "tags", "metadata", "options")
_NEW_POST_COLUMNS = (
    "id",
    "user_id",
    *CONTENT_COLUMNS,
    "status",
    "version",
    "template_name",
    "series_id",
    "created_at",
    "updated_at",
)


def content_columns(content: Content) -> dict[str, Any]:
    return {
        "caption": content.caption,
        "hashtags": content.hashtags,
        "media": content.media,
        "post_type": content.post_type,
        "tags": content.tags,
        "metadata": content.metadata,
        "options": content.options,
        "search_text": content.search_text(),
    }


# Bound parameters are never named after a column: in an UPDATE, SQLAlchemy would take a
# parameter named like a column as that column's new value.
def _params(names) -> dict[str, Any]:
    """column name -> a bound parameter of the column's type, named new_<column>."""
    return {name: bindparam(f"new_{name}", type_=posts.c[name].type) for name in names}


def _returning_snapshot(statement):
    return statement.returning(posts.c.id, posts.c.version, *(posts.c[name] for name in _SNAPSHOT_COLUMNS))


def _version_row_from(changed):
    """INSERT INTO post_versions the rows a CTE returned (id, version and content)."""
    return insert(versions).from_select(
        ["post_id", "version", *_SNAPSHOT_COLUMNS, "changed_by", "change_reason"],
        select(
            changed.c.id,
            changed.c.version,
            *(changed.c[name] for name in _SNAPSHOT_COLUMNS),
            bindparam("changed_by", type_=UUID(as_uuid=True)),
            bindparam("change_reason", type_=String),
        ),
    )


def _insert_post_statement():
    new = _returning_snapshot(insert(posts).values(_params(_NEW_POST_COLUMNS))).cte("new_post")
    return _version_row_from(new).add_cte(new)


def _save_version_statement():
    changed = _returning_snapshot(
        update(posts)
        .where(
            posts.c.id == bindparam("match_id", type_=UUID(as_uuid=True)),
            posts.c.user_id == bindparam("match_owner", type_=UUID(as_uuid=True)),
            posts.c.version == bindparam("match_version", type_=Integer),
            posts.c.deleted_at.is_(None),
            posts.c.status.not_in(CONTENT_LOCKED),
        )
        .values(
            {
                **_params(CONTENT_COLUMNS),
                "version": posts.c.version + 1,
                "updated_at": bindparam("now", type_=DateTime(timezone=True)),
            }
        )
    ).cte("changed_post")
    version_row = _version_row_from(changed).returning(versions.c.id).cte("version_row")
    dropped = (
        delete(autosaves)
        .where(autosaves.c.post_id.in_(select(changed.c.id)))
        .returning(autosaves.c.post_id)
        .cte("dropped_autosave")
    )
    return select(changed.c.id).add_cte(version_row).add_cte(dropped)


def _set_deleted_statement(deleted: bool):
    if deleted:
        # A post being handed to Instagram right now cannot be pulled back.
        condition = [posts.c.deleted_at.is_(None), posts.c.status != PostStatus.PUBLISHING]
    else:
        condition = [posts.c.deleted_at.is_not(None)]
    return (
        update(posts)
        .where(
            posts.c.id.in_(bindparam("post_ids", expanding=True, type_=UUID(as_uuid=True))),
            posts.c.user_id == bindparam("match_owner", type_=UUID(as_uuid=True)),
            *condition,
        )
        .values(
            deleted_at=bindparam("now", type_=DateTime(timezone=True)) if deleted else None,
            updated_at=bindparam("now", type_=DateTime(timezone=True)),
        )
        .returning(posts.c.id)
    )


INSERT_POST = _insert_post_statement()
SAVE_VERSION = _save_version_statement()
SOFT_DELETE = _set_deleted_statement(True)
RESTORE = _set_deleted_statement(False)


def insert_post_params(values: dict[str, Any], *, changed_by: uuid.UUID, reason: str) -> dict[str, Any]:
    """Parameters of INSERT_POST: a post (every column of _NEW_POST_COLUMNS) and version 1."""
    return {
        **{f"new_{name}": values[name] for name in _NEW_POST_COLUMNS},
        "changed_by": changed_by,
        "change_reason": reason,
    }


def save_version_params(
    *,
    post_id: uuid.UUID,
    user_id: uuid.UUID,
    base_version: int,
    content: Content,
    changed_by: uuid.UUID,
    reason: str,
    now: datetime,
) -> dict[str, Any]:
    """Parameters of SAVE_VERSION: content as version base_version + 1 if the post is still
    editable at base_version (the statement returns its id, or no row when it was not)."""
    return {
        "match_id": post_id,
        "match_owner": user_id,
        "match_version": base_version,
        **{f"new_{name}": value for name, value in content_columns(content).items()},
        "now": now,
        "changed_by": changed_by,
        "change_reason": reason,
    }


def set_deleted_params(*, post_ids: list[uuid.UUID], user_id: uuid.UUID, now: datetime) -> dict[str, Any]:
    return {"post_ids": post_ids, "match_owner": user_id, "now": now}
