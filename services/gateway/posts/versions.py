"""/api/v1/posts/{id}/versions and /autosave: history, diff, restore, work in progress."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from lib.common.errors import not_found
from protos import posts_pb2
from services.gateway.deps import PostsDep, Reads, Writes
from services.gateway.posts import schemas
from services.gateway.proto_json import model, to_json
from services.gateway.requests import INT32_MAX

VersionNumber = Annotated[int, Path(ge=1, le=INT32_MAX)]

router = APIRouter(prefix="/api/v1/posts/{post_id}", tags=["versions"])


@router.get("/versions", response_model=list[model(posts_pb2.PostVersion)])
async def list_versions(post_id: str, workspace: Reads, posts: PostsDep):
    result = await posts.ListVersions(posts_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    return [to_json(v) for v in result.versions]


@router.get("/versions/diff", response_model=model(posts_pb2.VersionDiff))
async def diff_versions(
    post_id: str,
    workspace: Reads,
    posts: PostsDep,
    from_version: Annotated[int, Query(alias="from", ge=1, le=INT32_MAX)],
    to_version: Annotated[int, Query(alias="to", ge=1, le=INT32_MAX)],
):
    diff = await posts.DiffVersions(
        posts_pb2.DiffVersionsRequest(
            user_id=workspace.id, post_id=post_id, from_version=from_version, to_version=to_version
        ),
    )
    return to_json(diff)


@router.get("/versions/{number}", response_model=model(posts_pb2.PostVersion))
async def get_version(post_id: str, number: VersionNumber, workspace: Reads, posts: PostsDep):
    version = await posts.GetVersion(
        posts_pb2.GetVersionRequest(user_id=workspace.id, post_id=post_id, version=number)
    )
    return to_json(version)


@router.post("/versions/{number}/restore", response_model=model(posts_pb2.PostResult))
async def restore_version(
    post_id: str,
    number: VersionNumber,
    body: schemas.RestoreVersionIn,
    workspace: Writes,
    posts: PostsDep,
):
    result = await posts.RestoreVersion(
        posts_pb2.RestoreVersionRequest(
            user_id=workspace.id,
            post_id=post_id,
            version=number,
            base_version=body.version,
            writer_may_not_publish=not workspace.may("schedule"),
        ),
    )
    return to_json(result)


@router.put("/autosave", response_model=model(posts_pb2.Autosave))
async def save_autosave(post_id: str, body: schemas.AutosaveIn, workspace: Writes, posts: PostsDep):
    request = posts_pb2.SaveAutosaveRequest(
        user_id=workspace.id, post_id=post_id, content=body.content(), base_version=body.base_version
    )
    request.update_mask.paths.extend(body.sent_fields())
    draft = await posts.SaveAutosave(request)
    return to_json(draft)


@router.get("/autosave", response_model=model(posts_pb2.Autosave))
async def get_autosave(post_id: str, workspace: Reads, posts: PostsDep):
    draft = await posts.GetAutosave(posts_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    if not draft.exists:
        raise not_found("Autosave")
    return to_json(draft)


@router.delete("/autosave", status_code=204)
async def discard_autosave(post_id: str, workspace: Writes, posts: PostsDep):
    await posts.DiscardAutosave(posts_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    return Response(status_code=204)


@router.post("/autosave/commit", response_model=model(posts_pb2.PostResult))
async def commit_autosave(post_id: str, workspace: Writes, posts: PostsDep):
    result = await posts.CommitAutosave(
        posts_pb2.CommitAutosaveRequest(
            user_id=workspace.id, post_id=post_id, writer_may_not_publish=not workspace.may("schedule")
        )
    )
    return to_json(result)
