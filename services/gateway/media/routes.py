"""/api/v1/media: upload (multipart, streamed to the media service), the library, and
/media/files/...: locally stored files behind signed, expiring URLs."""

import json
from collections.abc import AsyncIterator
from typing import Annotated, Literal

import grpc
from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from lib.common.errors import ServiceError, invalid_field
from lib.common.grpc_errors import ask
from lib.common.proto_time import to_timestamp
from protos import media_pb2
from services.gateway import requests
from services.gateway.deps import MediaDep, Reads, Writes
from services.gateway.media import multipart_stream, schemas
from services.gateway.proto_json import model, to_json

UPLOAD_PATH = "/api/v1/media/upload"
CHUNK = 256 * 1024
MAX_FILES = 10
# An upload lasts as long as its bytes take to arrive; a stuck media service still ends.
UPLOAD_TIMEOUT_SECONDS = 600

router = APIRouter(tags=["media"])


async def _chunks(
    filename: str, pieces: AsyncIterator[bytes], user_id: str, fit: str, thumbnail_at: float | None
) -> AsyncIterator[media_pb2.UploadChunk]:
    header = media_pb2.UploadHeader(user_id=user_id, filename=filename, fit=fit, thumbnail_at=thumbnail_at)
    yield media_pb2.UploadChunk(header=header)
    async for piece in pieces:
        for start in range(0, len(piece), CHUNK):
            yield media_pb2.UploadChunk(data=piece[start : start + CHUNK])


class Uploaded(BaseModel):
    items: list[model(media_pb2.MediaItem)]


class UploadedOne(model(media_pb2.MediaItem)):
    """One file: the item itself (as the brief reads it), and `items` as for several."""

    items: list[model(media_pb2.MediaItem)]


@router.post(UPLOAD_PATH, status_code=201, response_model=UploadedOne | Uploaded)
async def upload(
    request: Request,
    workspace: Writes,
    media: MediaDep,
    fit: Annotated[
        Literal["pad", "crop"], Query(description="pad (default) or crop: how an aspect ratio is brought in")
    ] = "pad",
    thumbnail_at: Annotated[
        float | None, Query(description="Videos: where the thumbnail is taken, in seconds (default 1)")
    ] = None,
):
    """One or several files (multipart field `file`); each becomes an Instagram-ready item.
    One file answers the item's fields at the top level (and `items`); several, `items`.
    Images are ready in the answer; videos and animated GIFs answer `processing` and are
    converted in the background (GET the item to follow `progress`)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise invalid_field("file", "send the files as multipart/form-data, field name 'file'")
    items: list[dict] = []

    async def send(filename: str, pieces: AsyncIterator[bytes]) -> dict:
        """One file to the media service, its bytes passed on as they arrive."""
        try:
            item = to_json(
                await ask(
                    media.Upload(
                        _chunks(filename, pieces, workspace.id, fit, thumbnail_at),
                        timeout=UPLOAD_TIMEOUT_SECONDS,
                    )
                )
            )
        except ServiceError as err:
            err.message = f"{filename}: {err.message}"
            if items:
                err.context["saved_media_ids"] = ",".join(item["id"] for item in items)
            raise
        items.append(item)
        return item

    try:
        await multipart_stream.each_file(request, field="file", max_files=MAX_FILES, handle=send)
    except ServiceError as err:
        if "saved_media_ids" not in err.context:
            # The body itself is refused (too many files, malformed, cut short): what of it
            # was already stored goes too, as if nothing had been sent.
            for item in items:
                await media.DeleteMedia(
                    media_pb2.DeleteMediaRequest(user_id=workspace.id, media_id=item["id"], force=True),
                    timeout=10,
                )
        raise
    if not items:
        raise invalid_field("file", "send one or more files in the multipart field 'file'")
    if len(items) == 1:
        return {**items[0], "items": items}
    return {"items": items}


@router.get("/api/v1/media", response_model=model(media_pb2.MediaList))
async def list_media(
    workspace: Reads,
    media: MediaDep,
    kind: Annotated[str, Query(max_length=requests.MAX_TEXT, description="image or video")] = "",
    tag: Annotated[str, Query(max_length=requests.MAX_TEXT)] = "",
    q: Annotated[
        str,
        Query(max_length=requests.MAX_TEXT, description="Searches names, descriptions and alt texts"),
    ] = "",
    cursor: Annotated[str, Query(max_length=requests.MAX_TEXT)] = "",
    limit: requests.PageSize = 20,
    created_from: Annotated[requests.Moment | None, Query(description="Uploaded at or after")] = None,
    created_to: Annotated[requests.Moment | None, Query(description="Uploaded before (ISO 8601)")] = None,
):
    request = media_pb2.ListMediaRequest(
        user_id=workspace.id,
        kind=kind,
        tag=tag,
        query=q,
        cursor=cursor,
        limit=limit,
        created_from=to_timestamp(created_from),
        created_to=to_timestamp(created_to),
    )
    page = await media.ListMedia(request, timeout=10)
    return to_json(page)


@router.get("/api/v1/media/usage", response_model=model(media_pb2.StorageUsage))
async def storage_usage(workspace: Reads, media: MediaDep):
    """Storage your media takes (deleted items count until their files are removed, a grace
    period after the deletion), and your quota."""
    usage = await media.GetUsage(media_pb2.UserRef(user_id=workspace.id), timeout=10)
    return to_json(usage)


@router.get("/api/v1/media/branding", response_model=model(media_pb2.Branding))
async def get_branding(workspace: Reads, media: MediaDep):
    return to_json(await media.GetBranding(media_pb2.UserRef(user_id=workspace.id), timeout=10))


@router.put("/api/v1/media/branding", response_model=model(media_pb2.Branding))
async def put_branding(body: schemas.BrandingIn, workspace: Writes, media: MediaDep):
    """Your logo (an image of your library), where it goes, and whether every image you
    upload gets it; the `watermark` edit puts it on any image."""
    request = media_pb2.Branding(
        user_id=workspace.id,
        logo_media_id=body.logo_media_id,
        position=body.position,
        scale_percent=body.scale_percent,
        opacity_percent=body.opacity_percent,
        enabled=body.enabled,
    )
    return to_json(await media.SetBranding(request, timeout=30))


@router.post("/api/v1/media/{media_id}/edit", status_code=201, response_model=model(media_pb2.MediaItem))
async def edit_media(media_id: str, body: schemas.MediaEditIn, workspace: Writes, media: MediaDep):
    """A new item: this one's original with the operations applied (this item stays)."""
    request = media_pb2.EditMediaRequest(
        user_id=workspace.id, media_id=media_id, operations_json=json.dumps(body.operations)
    )
    return to_json(await media.EditMedia(request, timeout=UPLOAD_TIMEOUT_SECONDS))


@router.get("/api/v1/media/{media_id}/suggestions", response_model=model(media_pb2.Suggestions))
async def media_suggestions(media_id: str, workspace: Reads, media: MediaDep):
    return to_json(
        await media.SuggestEdits(media_pb2.MediaRef(user_id=workspace.id, media_id=media_id), timeout=30)
    )


@router.get("/api/v1/media/{media_id}", response_model=model(media_pb2.MediaItem))
async def get_media(media_id: str, workspace: Reads, media: MediaDep):
    return to_json(
        await media.GetMedia(media_pb2.MediaRef(user_id=workspace.id, media_id=media_id), timeout=10)
    )


@router.put("/api/v1/media/{media_id}", response_model=model(media_pb2.MediaItem))
async def change_media(media_id: str, body: schemas.MediaUpdateIn, workspace: Writes, media: MediaDep):
    request = media_pb2.UpdateMediaRequest(
        user_id=workspace.id,
        media_id=media_id,
        description=body.description,
        alt_text=body.alt_text,
        replace_tags=body.tags is not None,
        tags=body.tags or [],
    )
    return to_json(await media.UpdateMedia(request, timeout=10))


@router.delete("/api/v1/media/{media_id}", response_model=model(media_pb2.MediaItem))
async def delete_media(
    media_id: str,
    workspace: Writes,
    media: MediaDep,
    force: Annotated[bool, Query(description="Delete even if scheduled posts use it")] = False,
):
    """Refused (409, naming them) while scheduled posts use the item, unless force=true."""
    request = media_pb2.DeleteMediaRequest(user_id=workspace.id, media_id=media_id, force=force)
    return to_json(await media.DeleteMedia(request, timeout=10))


@router.get("/media/files/{key:path}", include_in_schema=False)
async def media_file(
    key: str,
    media: MediaDep,
    expires: int = 0,
    signature: Annotated[str, Query(max_length=requests.MAX_TEXT)] = "",
):
    """A locally stored file, if its URL's signature holds and has not expired (no login:
    the signed URL is the permission, as with S3 presigned URLs)."""
    stream = media.ReadFile(media_pb2.FileRequest(key=key, expires=expires, signature=signature), timeout=60)
    first = await ask(stream.read())

    async def rest() -> AsyncIterator[bytes]:
        yield first.data
        # read() until EOF: a call that was read() from cannot also be iterated.
        while (chunk := await stream.read()) is not grpc.aio.EOF:
            yield chunk.data

    return StreamingResponse(rest(), media_type=first.content_type or "application/octet-stream")
