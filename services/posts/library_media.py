"""Posts that use media library items (by id): at scheduling time each item must be the
user's, still in the library, and ready (processed), as the media service says; a draft
is only warned. And, for the library, which posts use an item."""

import uuid
from dataclasses import dataclass, field
from datetime import datetime

import grpc
from sqlalchemy import func, select, true

from lib.common.db import Database
from lib.common.errors import ServiceError, Violation, invalid
from lib.post_status import WAITING_TO_PUBLISH
from protos import media_pb2, media_pb2_grpc
from services.posts import option_rules, rules
from services.posts.content import Content
from services.posts.models import Post

COVER = "options.cover.media_id"


async def _resolve(
    media: media_pb2_grpc.MediaStub, user_id: uuid.UUID, media_items: list[dict], deadline: float
) -> list[tuple[str, media_pb2.ResolvedItem]]:
    """(media.<i>.media_id, what the library says of it) for each item used by id."""
    used = [(i, item["media_id"]) for i, item in enumerate(media_items) if item.get("media_id")]
    if not used:
        return []
    reply = await media.ResolveMedia(
        media_pb2.ResolveMediaRequest(user_id=str(user_id), media_ids=[m for _, m in used]), timeout=deadline
    )
    return [(f"media.{index}.media_id", item) for (index, _), item in zip(used, reply.items, strict=True)]


async def draft_warnings(
    media: media_pb2_grpc.MediaStub, user_id: uuid.UUID, media_items: list[dict]
) -> list[rules.Warning]:
    """A draft may hold media that is not ready yet; say so, so that it is no surprise at
    scheduling time. Nothing is said when the media service cannot be asked."""
    try:
        resolved = await _resolve(media, user_id, media_items, deadline=5)
    except grpc.aio.AioRpcError:
        return []
    warnings = []
    for field_name, item in resolved:
        if not item.found:
            warnings.append(rules.Warning(field_name, "media_not_in_library", "is not in your media library"))
        elif item.status == "processing":
            message = "is still processing; the post can be scheduled once it is ready"
            warnings.append(rules.Warning(field_name, "media_processing", message))
        elif item.status != "ready":
            message = "failed processing; replace it before scheduling"
            warnings.append(rules.Warning(field_name, "media_failed", message))
    return warnings


async def check_ready(media: media_pb2_grpc.MediaStub, user_id: uuid.UUID, content: Content) -> None:
    cover = content.options.get("cover", {})
    try:
        resolved = await _resolve(media, user_id, content.media, deadline=10)
        if cover.get("media_id"):
            resolved += [(COVER, item) for _, item in await _resolve(media, user_id, [cover], deadline=10)]
    except grpc.aio.AioRpcError as err:
        raise ServiceError(
            "unavailable", "media_unavailable", f"The media library could not be asked: {err.code().name}"
        ) from err
    problems = []
    for field_name, item in resolved:
        if not item.found:
            problems.append(Violation(field_name, "is not in your media library"))
        elif item.status != "ready":
            problems.append(Violation(field_name, f"is {item.status}; a post can use it once it is ready"))
        elif field_name == COVER:
            if item.kind != "image":
                problems.append(Violation(field_name, "a reel's cover is a picture, not a video"))
        else:
            # What a library item carries is known now: its kind decides what it may take.
            index = int(field_name.split(".")[1])
            problems += option_rules.item_problems(
                content.post_type, index, content.media[index], item.kind == "video"
            )
    if problems:
        raise invalid(problems)


@dataclass
class MediaUse:
    use_count: int = 0
    last_used_at: datetime | None = None
    scheduled_post_ids: list[str] = field(default_factory=list)


async def usage(db: Database, user_id: uuid.UUID, media_ids: list[str]) -> dict[str, MediaUse]:
    """For each media id: the user's posts (not deleted) that use it."""
    found: dict[str, MediaUse] = {m: MediaUse() for m in media_ids}
    if not media_ids:
        return found
    uses = func.jsonb_array_elements(Post.media).table_valued("value").alias("used")
    media_id = uses.c.value.op("->>")("media_id")
    async with db.reading() as session:
        rows = await session.execute(
            select(media_id, Post.id, Post.status, Post.scheduled_for, Post.published_at)
            .select_from(Post)
            .join(uses, true())
            .where(Post.user_id == user_id, Post.deleted_at.is_(None), media_id.in_(media_ids))
            .order_by(Post.scheduled_for.asc().nulls_last())
        )
        seen: set[tuple[str, uuid.UUID]] = set()
        for used_id, post_id, status, scheduled_for, published_at in rows:
            if (used_id, post_id) in seen:  # the same item twice in one post (a carousel)
                continue
            seen.add((used_id, post_id))
            use = found[used_id]
            use.use_count += 1
            when = published_at or scheduled_for
            if when and (use.last_used_at is None or when > use.last_used_at):
                use.last_used_at = when
            if status in WAITING_TO_PUBLISH:
                use.scheduled_post_ids.append(str(post_id))
    return found
