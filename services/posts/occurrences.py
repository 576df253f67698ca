"""Occurrences of a recurring series: each one a scheduled copy of the series' post.

The copy's id is derived from the series and the occurrence's time, so that a retried
request (the workflow activity asking again) finds the copy made before instead of
making a second one.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from lib.common.db import Database
from lib.common.errors import ServiceError, invalid_field
from lib.common.outbox import Outbox
from lib.post_status import PostStatus
from protos import media_pb2_grpc
from services.posts import publishing, store
from services.posts.models import Post


def occurrence_id(series_id: uuid.UUID, scheduled_for: datetime) -> uuid.UUID:
    return uuid.uuid5(series_id, scheduled_for.astimezone(UTC).isoformat())


async def _existing(db: Database, user_id: uuid.UUID, post_id: uuid.UUID) -> Post | None:
    try:
        return await store.read(db, user_id=user_id, post_id=post_id)
    except ServiceError as err:
        if err.kind == "not_found":
            return None
        raise


async def create(
    *,
    db: Database,
    events: Outbox,
    media: media_pb2_grpc.MediaStub,
    user_id: uuid.UUID,
    series_id: uuid.UUID,
    account_id: uuid.UUID,
    scheduled_for: datetime | None,
    timezone: str,
) -> Post:
    """The occurrence at scheduled_for, made (a copy of the series' post as it is now) and
    scheduled unless an earlier request did so already."""
    if scheduled_for is None:
        raise invalid_field("scheduled_for", "is required")
    copy_id = occurrence_id(series_id, scheduled_for)
    post = await _existing(db, user_id, copy_id)
    if post is None:
        source = await store.read(db, user_id=user_id, post_id=series_id)
        publishing.check_publishable(source)
        try:
            async with db.autocommit() as connection:
                await store.insert_post(
                    connection,
                    user_id=user_id,
                    content=store.content_of(source),
                    reason=f"occurrence at {scheduled_for.isoformat()} of the series of post {series_id}",
                    post_id=copy_id,
                    series_id=series_id,
                )
        except IntegrityError:
            pass  # a concurrent retry made it first
        post = await store.read(db, user_id=user_id, post_id=copy_id)
    if post.status != PostStatus.DRAFT or post.deleted_at is not None:
        return post  # scheduled (or further) already, or removed by its owner
    return await publishing.mark_scheduled(
        db=db,
        events=events,
        media=media,
        user_id=user_id,
        post_id=copy_id,
        account_id=account_id,
        scheduled_for=scheduled_for,
        timezone=timezone,
        optimal_time_score=None,
    )
