"""/api/v1/imports: a CSV of posts, checked row by row (a dry run), then imported once by a
durable workflow whose progress comes over the socket (`import_progress`)."""

from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import Field

from protos import posts_pb2
from services.gateway import requests
from services.gateway.deps import PostsDep, Reads, Writes
from services.gateway.proto_json import model, to_json
from services.gateway.requests import RequestBody

router = APIRouter(prefix="/api/v1/imports", tags=["imports"])
ImportId = Annotated[str, Path(max_length=requests.MAX_TEXT)]


class ImportIn(RequestBody):
    csv: str = Field(
        max_length=900_000,
        description="The file's text: a header row (caption, media, post_type, time, timezone, account, "
        "tags, hashtags, first_comment, campaign), then up to 1,000 rows",
    )
    timezone: str = Field(
        "", max_length=requests.MAX_TEXT, description="Of rows that name none; absent: yours"
    )
    schedule: bool = Field(True, description="Rows with a time are scheduled; false: they are planned drafts")
    filename: str = Field("", max_length=200, description="Shown in the list of imports")


def _request(body: ImportIn, workspace) -> posts_pb2.ImportRequest:
    return posts_pb2.ImportRequest(
        user_id=workspace.id,
        csv=body.csv,
        timezone=body.timezone,
        schedule=body.schedule,
        filename=body.filename,
        actor_id=workspace.user_id,
    )


@router.post("/check", response_model=model(posts_pb2.ImportCheck))
async def check_import(body: ImportIn, workspace: Writes, posts: PostsDep):
    """The dry run: every row checked as the import would (its caption, media, type, time in
    its zone, account, tags, first comment and campaign), each problem named by its line and
    column. Nothing is saved."""
    if body.schedule:
        workspace.require("schedule", "schedule or publish")
    return to_json(await posts.CheckImport(_request(body, workspace), metadata=workspace.metadata))


@router.post("", status_code=201, response_model=model(posts_pb2.PostImport))
async def create_import(body: ImportIn, workspace: Writes, posts: PostsDep, response: Response):
    """Import the file: its valid rows become posts (scheduled, planned drafts, or drafts when
    they have no time), a batch at a time, its progress sent over the socket; rows with
    problems are skipped, each named. The same file sent again is not imported again: the
    answer is the first import (200, `repeated`)."""
    if body.schedule:
        workspace.require("schedule", "schedule or publish")
    made = await posts.CreateImport(_request(body, workspace), metadata=workspace.metadata)
    if made.repeated:
        response.status_code = 200
    return to_json(made)


@router.get("", response_model=model(posts_pb2.ImportList))
async def list_imports(workspace: Reads, posts: PostsDep):
    """The last 50 imports, newest first, with their counts."""
    return to_json(await posts.ListImports(posts_pb2.ImportRef(user_id=workspace.id)))


@router.get("/{import_id}", response_model=model(posts_pb2.PostImport))
async def get_import(import_id: ImportId, workspace: Reads, posts: PostsDep):
    """An import with every row's outcome: scheduled, planned, draft, failed (why; the post is
    kept as a draft), skipped (its problems) or pending."""
    return to_json(await posts.GetImport(posts_pb2.ImportRef(user_id=workspace.id, import_id=import_id)))
