"""The first comment's step: posted on the published media as the account, right after the
publish (and again when the person retries a failed one). Its own status on the post
(pending, posted, failed), its own retries; whatever happens here, the post stays published
and is never published again.

Idempotent: an attempt after one that may have posted (a lost answer, a worker that died)
first looks among the media's latest comments for the account's own with the same text.
Meta's comments endpoint: https://developers.facebook.com/docs/instagram-platform/
instagram-graph-api/reference/ig-media/comments (instagram_business_manage_comments with
Instagram Login, instagram_manage_comments with Facebook Login).
"""

import grpc
from temporalio import activity

from lib.common.grpc_errors import from_rpc_error
from lib.common.token_vault import TokenVault
from lib.instagram import errors as graph_errors
from lib.instagram.graph_api import GraphApiClient
from lib.post_status import PostStatus
from protos import posts_pb2, posts_pb2_grpc, scheduler_pb2_grpc
from workflows import credentials
from workflows.contracts.publishing import (
    FIRST_COMMENT_ACTIVITY,
    FIRST_COMMENT_ATTEMPTS,
    FirstCommentResult,
    PostRef,
)

NOT_ALLOWED = (
    "Instagram did not let Postflow comment ({reason}). Reconnect the account (its login must "
    "grant comments), then retry the first comment"
)


def _why(err: graph_errors.GraphApiError) -> str:
    if isinstance(err, graph_errors.AuthorizationError):
        return NOT_ALLOWED.format(reason=err.for_people)
    return f"Instagram refused the first comment: {err.for_people}"


class FirstCommentActivities:
    def __init__(
        self,
        *,
        posts: posts_pb2_grpc.PostsStub,
        scheduler: scheduler_pb2_grpc.SchedulerStub,
        graph: GraphApiClient,
        vault: TokenVault,
    ) -> None:
        self._posts = posts
        self._scheduler = scheduler
        self._graph = graph
        self._vault = vault

    async def _record(self, ref: PostRef, status: str, comment_id: str = "", error: str = "") -> None:
        await self._posts.RecordFirstComment(
            posts_pb2.RecordFirstCommentRequest(
                user_id=ref.user_id, post_id=ref.post_id, status=status, comment_id=comment_id, error=error
            ),
            timeout=10,
        )

    @activity.defn(name=FIRST_COMMENT_ACTIVITY)
    async def post_first_comment(self, ref: PostRef) -> FirstCommentResult:
        attempt = activity.info().attempt
        try:
            return await self._post(ref, attempt)
        except graph_errors.GraphApiError as err:
            if err.retryable and attempt < FIRST_COMMENT_ATTEMPTS:
                raise
            result = FirstCommentResult("failed", error=_why(err))
        except Exception as err:
            if attempt < FIRST_COMMENT_ATTEMPTS:
                raise
            result = FirstCommentResult("failed", error=f"The first comment could not be posted: {err}")
        await self._record(ref, "failed", error=result.error)
        return result

    async def _post(self, ref: PostRef, attempt: int) -> FirstCommentResult:
        post = await self._posts.GetPost(
            posts_pb2.GetPostRequest(user_id=ref.user_id, post_id=ref.post_id, include_deleted=True),
            timeout=10,
        )
        text = post.content.options.first_comment
        published = PostStatus.from_proto(post.status) == PostStatus.PUBLISHED
        if not text or not published or not post.instagram_media_id:
            return FirstCommentResult("none")
        if post.first_comment.status == "posted":
            return FirstCommentResult("posted", post.first_comment.comment_id)
        if attempt == 1:
            try:
                await self._record(ref, "pending")
            except grpc.aio.AioRpcError as err:
                if from_rpc_error(err) is None:
                    raise
                return FirstCommentResult("none")  # its state moved meanwhile (posted)
        account = await credentials.fetch(
            self._scheduler, self._vault, user_id=ref.user_id, account_id=ref.account_id
        )
        graph = self._graph.on(account.graph_host)
        media_id = post.instagram_media_id
        comment_id = ""
        if attempt > 1 or post.first_comment.attempts > 1:
            # An earlier attempt may have posted it, its answer lost.
            for found_id, _username, found_text in await graph.recent_comments(
                media_id, account.access_token
            ):
                if found_text == text:
                    comment_id = found_id
                    break
        if not comment_id:
            comment_id = await graph.comment(media_id, account.access_token, text)
        await self._record(ref, "posted", comment_id=comment_id)
        return FirstCommentResult("posted", comment_id)
