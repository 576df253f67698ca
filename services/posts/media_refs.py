"""The brief's `media_urls`: each a public URL, a media library item's id, or the file name
of one of the user's library items, made into the post's media items (and back)."""

import re
import uuid

import grpc

from lib.common.errors import ServiceError, Violation, invalid
from protos import media_pb2, media_pb2_grpc

_URL = re.compile(r"^https?://", re.IGNORECASE)


def urls_of(media: list[dict[str, str]]) -> list[str]:
    """Each item as media_urls shows it: its URL, or its library id."""
    return [item.get("url") or item.get("media_id") or "" for item in media]


def is_url(value: str) -> bool:
    return bool(_URL.match(value))


async def library_ids(
    media: media_pb2_grpc.MediaStub, user_id: uuid.UUID, names: list[str]
) -> dict[str, str]:
    """Each of the user's library items these name (by id or file name) -> its id."""
    if not names:
        return {}
    try:
        reply = await media.ResolveMedia(
            media_pb2.ResolveMediaRequest(
                user_id=str(user_id), media_ids=sorted(set(names)), by_filename=True
            ),
            timeout=10,
        )
    except grpc.aio.AioRpcError as err:
        raise ServiceError(
            "unavailable", "media_unavailable", f"The media library could not be asked: {err.code().name}"
        ) from err
    return {item.media_id: item.id for item in reply.items if item.found}


async def media_from(
    media: media_pb2_grpc.MediaStub, user_id: uuid.UUID, values: list[str]
) -> list[dict[str, str]]:
    """The media items media_urls names; anything that is neither a URL nor one of the
    user's items is the request's mistake, named by its index."""
    values = [value.strip() for value in values]
    found = await library_ids(media, user_id, [value for value in values if not _URL.match(value)])
    items, problems = [], []
    for index, value in enumerate(values):
        if _URL.match(value):
            items.append({"url": value})
        elif value in found:
            items.append({"media_id": found[value]})
        else:
            problems.append(
                Violation(
                    f"media_urls.{index}",
                    "is neither a public http(s) URL nor an item of your media library (its id or file name)",
                )
            )
    if problems:
        raise invalid(problems)
    return items
