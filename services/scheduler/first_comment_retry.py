"""A person's retry of a published post's failed first comment: the post must be published
with a first comment that failed; the step runs again as its own workflow, one at a time
per post (a second click while it runs is a conflict, not a second comment)."""

import uuid

from temporalio.client import Client
from temporalio.common import WorkflowIDReusePolicy
from temporalio.exceptions import WorkflowAlreadyStartedError

from lib.common.config import Settings
from lib.common.errors import conflict
from lib.common.grpc_errors import ask
from lib.post_status import PostStatus
from protos import posts_pb2, posts_pb2_grpc
from workflows.contracts.publishing import FIRST_COMMENT_WORKFLOW, PostRef, first_comment_workflow_id


async def retry(
    *, temporal: Client, posts: posts_pb2_grpc.PostsStub, settings: Settings, user_id: uuid.UUID, post_id: str
) -> posts_pb2.Post:
    """The post as it was when the retry started (its first comment was failed)."""
    post = await ask(
        posts.GetPost(posts_pb2.GetPostRequest(user_id=str(user_id), post_id=post_id), timeout=10)
    )
    published = PostStatus.from_proto(post.status) == PostStatus.PUBLISHED
    if not published or not post.content.options.first_comment:
        raise conflict("no_first_comment", "Only a published post with a first comment has one to retry")
    state = post.first_comment.status
    if state == "posted":
        raise conflict("first_comment_posted", "The first comment is posted already")
    if state != "failed":
        raise conflict("first_comment_running", "The first comment is being posted; wait for its outcome")
    try:
        await temporal.start_workflow(
            FIRST_COMMENT_WORKFLOW,
            PostRef(post_id=post.id, user_id=str(user_id), account_id=post.account_id),
            id=first_comment_workflow_id(post.id),
            task_queue=settings.temporal_task_queue,
            id_reuse_policy=WorkflowIDReusePolicy.ALLOW_DUPLICATE,
        )
    except WorkflowAlreadyStartedError as err:
        raise conflict(
            "first_comment_running", "The first comment is being posted; wait for its outcome"
        ) from err
    return post
