"""/api/v1/posts/{id}/review, /api/v1/reviews and /api/v1/approvals: submitting a post for
review, approving or asking for changes (on the version the reviewer saw), the review queue,
the trail of who approved which version (JSON or CSV), and the workspace's approval rule."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import Field

from lib.common import csv_text
from lib.common.proto_time import to_timestamp
from protos import posts_pb2
from services.gateway import csv_files, requests
from services.gateway.deps import ManagesAccounts, PostsDep, Reads, Schedules, Writes
from services.gateway.proto_json import model, to_json
from services.gateway.requests import INT32_MAX, RequestBody

router = APIRouter(prefix="/api/v1", tags=["reviews"])


class SubmitIn(RequestBody):
    comment: str = Field("", max_length=2000, description="For the reviewers")


class ReviewIn(RequestBody):
    version: int = Field(ge=1, le=INT32_MAX, description="The version you reviewed (the post's `version`)")
    decision: Literal["approve", "request_changes"]
    comment: str = Field("", max_length=2000, description="Required to ask for changes")


class ApprovalRuleIn(RequestBody):
    required: bool
    account_ids: list[str] = Field(default_factory=list, max_length=200, description="Empty: every account")


@router.post("/posts/{post_id}/review/submit", response_model=model(posts_pb2.Post))
async def submit(post_id: str, body: SubmitIn, workspace: Writes, posts: PostsDep):
    """Asks the workspace's reviewers (editors, admins, owners) to look at the post as it is."""
    request = posts_pb2.SubmitForReviewRequest(
        user_id=workspace.id, post_id=post_id, actor_id=workspace.user_id, comment=body.comment
    )
    return to_json(await posts.SubmitForReview(request))


@router.post("/posts/{post_id}/review", response_model=model(posts_pb2.Post))
async def review(post_id: str, body: ReviewIn, workspace: Schedules, posts: PostsDep):
    """Approves the version you reviewed (its content, account and time), or asks for
    changes. A post edited since the version you name answers 409 stale_version."""
    request = posts_pb2.ReviewPostRequest(
        user_id=workspace.id,
        post_id=post_id,
        actor_id=workspace.user_id,
        version=body.version,
        decision=body.decision,
        comment=body.comment,
    )
    return to_json(await posts.ReviewPost(request, metadata=workspace.metadata))


@router.get("/reviews/queue", response_model=model(posts_pb2.PostList))
async def review_queue(workspace: Reads, posts: PostsDep, limit: Annotated[int, Query(ge=1, le=200)] = 50):
    """Posts waiting for a reviewer: submitted, or changed since their approval."""
    return to_json(
        await posts.ListReviewQueue(posts_pb2.ReviewQueueRequest(user_id=workspace.id, limit=limit))
    )


TRAIL_COLUMNS = ("at", "post_id", "version", "action", "actor_kind", "actor_id", "comment", "content_hash")


@router.get(
    "/reviews/trail",
    response_model=model(posts_pb2.ReviewTrail),
    responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"}},
)
async def review_trail(
    workspace: Reads,
    posts: PostsDep,
    post_id: Annotated[str, Query(max_length=64)] = "",
    since: Annotated[requests.Moment | None, Query(description="From (ISO 8601)")] = None,
    until: Annotated[requests.Moment | None, Query(description="Before (ISO 8601)")] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
):
    """Who submitted, approved or asked for changes on which version, and when: the audit
    trail, oldest first, up to 10,000 actions."""
    request = posts_pb2.ReviewTrailRequest(
        user_id=workspace.id,
        post_id=post_id,
        since=to_timestamp(since) if since else None,
        until=to_timestamp(until) if until else None,
    )
    trail = to_json(await posts.ListReviewTrail(request))
    if format == "json":
        return trail
    return csv_files.attachment(csv_text.document(TRAIL_COLUMNS, trail.get("items", [])), "review-trail.csv")


@router.get("/approvals/rule", response_model=model(posts_pb2.ApprovalRule))
async def get_rule(workspace: Reads, posts: PostsDep):
    return to_json(await posts.GetApprovalRule(posts_pb2.ApprovalRule(user_id=workspace.id)))


@router.put("/approvals/rule", response_model=model(posts_pb2.ApprovalRule))
async def put_rule(body: ApprovalRuleIn, workspace: ManagesAccounts, posts: PostsDep):
    """Whether posts need an approval of their exact version before they go out (owners and
    admins): every account's, or only those listed."""
    rule = posts_pb2.ApprovalRule(user_id=workspace.id, required=body.required, account_ids=body.account_ids)
    return to_json(await posts.PutApprovalRule(rule))
