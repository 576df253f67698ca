"""/api/v1/review-links: links for clients who have no account (made and revoked by the
workspace's reviewers); /api/v1/client-review/{token}: what such a link shows and the
client's decision, with no sign-in (the token is the credential), rate-limited per
address."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from pydantic import Field

from protos import posts_pb2
from services.gateway.deps import PostsDep, Reads, Schedules
from services.gateway.proto_json import model, to_json
from services.gateway.requests import INT32_MAX, SCHEDULE_TIME_PATTERN, RequestBody, documented

router = APIRouter(prefix="/api/v1", tags=["review links"])
Token = Annotated[str, Path(max_length=100)]


class ReviewLinkIn(RequestBody):
    post_id: str = Field("", max_length=64, description="One post; or send from and to")
    from_: documented(pattern=SCHEDULE_TIME_PATTERN) = Field(
        "", alias="from", description="Posts scheduled from (ISO 8601 with an offset or Z)"
    )
    to: documented(pattern=SCHEDULE_TIME_PATTERN) = Field(
        "", description="... until before, at most 62 days on"
    )
    expires_in_days: int = Field(7, ge=1, le=30)
    label: str = Field("", max_length=200, description="What your client sees as the page's title")


class DecisionIn(RequestBody):
    version: int = Field(ge=1, le=INT32_MAX, description="The version shown to you")
    decision: Literal["approve", "request_changes"]
    comment: str = Field("", max_length=2000, description="Required to ask for changes")
    name: str = Field("", max_length=100, description="Your name, for the team")


@router.post("/review-links", status_code=201, response_model=model(posts_pb2.ReviewLinkIssued))
async def issue(body: ReviewLinkIn, workspace: Schedules, posts: PostsDep):
    """A link to send a client: the post (or the range's posts) as they will look, to
    approve or send back. Its URL is shown once."""
    request = posts_pb2.IssueReviewLinkRequest(
        user_id=workspace.id,
        actor_id=workspace.user_id,
        post_id=body.post_id,
        range_from=body.from_,
        range_to=body.to,
        expires_in_days=body.expires_in_days,
        label=body.label,
    )
    return to_json(await posts.IssueReviewLink(request))


@router.get("/review-links", response_model=model(posts_pb2.ReviewLinkList))
async def list_links(workspace: Reads, posts: PostsDep):
    return to_json(await posts.ListReviewLinks(posts_pb2.ReviewLinksRequest(user_id=workspace.id)))


@router.delete("/review-links/{link_id}", response_model=model(posts_pb2.ReviewLinkInfo))
async def revoke(link_id: str, workspace: Schedules, posts: PostsDep):
    """The link stops working at once."""
    return to_json(
        await posts.RevokeReviewLink(posts_pb2.ReviewLinkRef(user_id=workspace.id, link_id=link_id))
    )


@router.get("/client-review/{token}", response_model=model(posts_pb2.ClientReview))
async def client_page(token: Token, posts: PostsDep, request: Request):
    """No sign-in. What the link shows: its posts as they will look, nothing else. An
    unknown, altered, expired or revoked link: 404."""
    request.app.state.limits.client_review(request)
    return to_json(await posts.OpenReviewLink(posts_pb2.OpenReviewLinkRequest(token=token)))


@router.post("/client-review/{token}/posts/{key}", response_model=model(posts_pb2.ClientReviewItem))
async def client_decision(
    token: Token,
    key: Annotated[str, Path(max_length=64)],
    body: DecisionIn,
    posts: PostsDep,
    request: Request,
):
    """No sign-in. The client approves the version shown, or asks for changes (with a
    comment, which joins the post's comments)."""
    request.app.state.limits.client_review(request)
    decided = await posts.DecideThroughLink(
        posts_pb2.ClientDecisionRequest(
            token=token,
            key=key,
            version=body.version,
            decision=body.decision,
            comment=body.comment,
            name=body.name,
        )
    )
    return to_json(decided)
