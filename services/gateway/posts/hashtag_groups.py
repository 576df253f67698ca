"""/api/v1/hashtag-groups: named sets of hashtags, inserted from the composer in one click,
with how each set performed."""

from fastapi import APIRouter, Response
from pydantic import Field

from protos import posts_pb2
from services.gateway.deps import PostsDep, Reads, Writes
from services.gateway.proto_json import model, to_json
from services.gateway.requests import RequestBody

router = APIRouter(prefix="/api/v1/hashtag-groups", tags=["hashtag groups"])


class HashtagGroupIn(RequestBody):
    name: str = Field(max_length=100)
    hashtags: list[str] = Field(max_length=30, description="With or without #; at most 30")


@router.get("", response_model=model(posts_pb2.HashtagGroupList))
async def list_groups(workspace: Reads, posts: PostsDep):
    """Every group, by name, each with the published posts that used its whole set and their
    average reach and engagement."""
    return to_json(await posts.ListHashtagGroups(posts_pb2.HashtagGroupRef(user_id=workspace.id)))


@router.post("", status_code=201, response_model=model(posts_pb2.HashtagGroup))
async def create_group(body: HashtagGroupIn, workspace: Writes, posts: PostsDep):
    group = posts_pb2.HashtagGroup(user_id=workspace.id, name=body.name, hashtags=body.hashtags)
    return to_json(await posts.CreateHashtagGroup(group))


@router.put("/{group_id}", response_model=model(posts_pb2.HashtagGroup))
async def replace_group(group_id: str, body: HashtagGroupIn, workspace: Writes, posts: PostsDep):
    group = posts_pb2.HashtagGroup(id=group_id, user_id=workspace.id, name=body.name, hashtags=body.hashtags)
    return to_json(await posts.UpdateHashtagGroup(group))


@router.delete("/{group_id}", status_code=204)
async def delete_group(group_id: str, workspace: Writes, posts: PostsDep):
    await posts.DeleteHashtagGroup(posts_pb2.HashtagGroupRef(user_id=workspace.id, group_id=group_id))
    return Response(status_code=204)
