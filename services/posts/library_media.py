"""Posts that use media library items (by id): at scheduling time each item must be the
user's, still in the library, and ready (processed), as the media service says."""

import uuid

import grpc

from protos import media_pb2, media_pb2_grpc
from services.common.errors import ServiceError, Violation, invalid
from services.posts.content import Content


async def check_ready(media: media_pb2_grpc.MediaStub, user_id: uuid.UUID, content: Content) -> None:
    used = [(i, item["media_id"]) for i, item in enumerate(content.media) if item.get("media_id")]
    if not used:
        return
    try:
        reply = await media.ResolveMedia(
            media_pb2.ResolveMediaRequest(user_id=str(user_id), media_ids=[m for _, m in used]), timeout=10
        )
    except grpc.aio.AioRpcError as err:
        raise ServiceError(
            "unavailable", "media_unavailable", f"The media library could not be asked: {err.code().name}"
        ) from err
    problems = []
    for (index, _), item in zip(used, reply.items, strict=True):
        field = f"media.{index}.media_id"
        if not item.found:
            problems.append(Violation(field, "is not in your media library"))
        elif item.status != "ready":
            problems.append(Violation(field, f"is {item.status}; a post can use it once it is ready"))
    if problems:
        raise invalid(problems)
