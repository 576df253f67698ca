"""Which posts use media items, as the posts service knows: shown with every item (use
count, last used, scheduled posts) and asked before an item is deleted."""

import logging
import uuid

import grpc

from lib.common.errors import ServiceError
from protos import posts_pb2, posts_pb2_grpc

log = logging.getLogger(__name__)


async def of(
    posts: posts_pb2_grpc.PostsStub, user_id: uuid.UUID, media_ids: list[str], *, required: bool = False
) -> dict[str, posts_pb2.MediaUse]:
    """Each item's use; {} when the posts service cannot be asked, unless `required`."""
    if not media_ids:
        return {}
    try:
        reply = await posts.MediaUsage(
            posts_pb2.MediaUsageRequest(user_id=str(user_id), media_ids=media_ids), timeout=5
        )
    except grpc.aio.AioRpcError as err:
        if required:
            raise ServiceError(
                "unavailable", "posts_unavailable", f"Could not check which posts use it: {err.code().name}"
            ) from err
        log.warning("media usage unavailable: %s", err.code().name)
        return {}
    return {use.media_id: use for use in reply.items}


def refuse_if_scheduled(use: posts_pb2.MediaUse | None) -> None:
    """Deleting an item a scheduled post needs would make that post fail at its time."""
    if use is None or not use.scheduled_post_ids:
        return
    ids = list(use.scheduled_post_ids)
    raise ServiceError(
        "conflict",
        "media_in_use",
        f"{len(ids)} scheduled post(s) use this item: {', '.join(ids)}. "
        "Change those posts, or delete with force=true (they will fail at their time)",
        context={"scheduled_post_ids": ",".join(ids)},
    )
