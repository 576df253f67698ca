"""GET /api/v1/hashtags/suggest: suggestions from the user's own history, with warnings."""

from typing import Annotated

from fastapi import APIRouter, Query

from protos import posts_pb2
from services.gateway import requests
from services.gateway.deps import PostsDep, Reads
from services.gateway.proto_json import model, to_json

router = APIRouter(prefix="/api/v1/hashtags", tags=["hashtags"])


@router.get("/suggest", response_model=model(posts_pb2.HashtagSuggestions))
async def suggest(
    workspace: Reads,
    posts: PostsDep,
    caption: Annotated[str, Query(max_length=5000)] = "",
    hashtag: Annotated[
        list[str], Query(max_length=requests.MAX_ITEMS, description="Hashtags already chosen; repeat")
    ] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=50, description="1 to 50")] = 10,
):
    result = await posts.SuggestHashtags(
        posts_pb2.SuggestHashtagsRequest(
            user_id=workspace.id, caption=caption, hashtags=hashtag, limit=limit
        ),
    )
    return to_json(result)
