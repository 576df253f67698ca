"""/api/v1/posts/{id}/comments: threads on a post, @mentions of members, resolving."""

from fastapi import APIRouter
from pydantic import Field

from protos import posts_pb2
from services.gateway.deps import PostsDep, Reads
from services.gateway.proto_json import model, to_json
from services.gateway.requests import RequestBody

router = APIRouter(prefix="/api/v1/posts/{post_id}/comments", tags=["comments"])


class CommentIn(RequestBody):
    body: str = Field(max_length=5000, description="Up to 5,000 characters")
    thread_id: str = Field("", max_length=64, description="Reply in this thread; empty: start one")
    mentions: list[str] = Field(
        default_factory=list, max_length=20, description="Members to tell (user ids); each is notified"
    )


class ThreadIn(RequestBody):
    resolved: bool


@router.get("", response_model=model(posts_pb2.CommentList))
async def list_comments(post_id: str, workspace: Reads, posts: PostsDep):
    return to_json(await posts.ListComments(posts_pb2.PostRef(user_id=workspace.id, post_id=post_id)))


# Every member may comment, viewers included: talking about a post is not changing it.
@router.post("", status_code=201, response_model=model(posts_pb2.PostComment))
async def add_comment(post_id: str, body: CommentIn, workspace: Reads, posts: PostsDep):
    request = posts_pb2.AddCommentRequest(
        user_id=workspace.id,
        post_id=post_id,
        actor_id=workspace.user_id,
        body=body.body,
        thread_id=body.thread_id,
        mentions=body.mentions,
    )
    return to_json(await posts.AddComment(request))


@router.patch("/{thread_id}", response_model=model(posts_pb2.PostComment))
async def resolve_thread(post_id: str, thread_id: str, body: ThreadIn, workspace: Reads, posts: PostsDep):
    """Resolves (or reopens) the thread that starts with this comment."""
    request = posts_pb2.ResolveThreadRequest(
        user_id=workspace.id,
        post_id=post_id,
        actor_id=workspace.user_id,
        thread_id=thread_id,
        resolved=body.resolved,
    )
    return to_json(await posts.ResolveThread(request))
