"""GET /api/v1/hashtags/suggest: suggestions from the user's own history, with warnings."""

from typing import Annotated

from fastapi import APIRouter, Query

from protos import posts_pb2
from services.gateway import schemas
from services.gateway.convert import warnings_list
from services.gateway.deps import CurrentUser, PostsDep

router = APIRouter(prefix="/api/v1/hashtags", tags=["hashtags"])


@router.get("/suggest", response_model=schemas.HashtagSuggestionsOut)
async def suggest(
    user_id: CurrentUser,
    posts: PostsDep,
    caption: Annotated[str, Query(max_length=5000)] = "",
    hashtag: Annotated[
        list[str], Query(max_length=schemas.MAX_ITEMS, description="Hashtags already chosen; repeat")
    ] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=0, le=schemas.INT32_MAX)] = 10,
):
    result = await posts.SuggestHashtags(
        posts_pb2.SuggestHashtagsRequest(user_id=user_id, caption=caption, hashtags=hashtag, limit=limit),
    )
    return {
        "suggestions": [
            {"hashtag": s.hashtag, "score": s.score, "uses": s.uses, "reason": s.reason}
            for s in result.suggestions
        ],
        "warnings": warnings_list(result.warnings),
    }
