"""/api/v1/posts: create, read, update, delete, restore, list and search, bulk, duplicate."""

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Query, Response

from lib.common.proto_time import to_timestamp
from lib.post_status import ON_THE_CALENDAR, PostStatus
from protos import posts_pb2, scheduler_pb2
from services.gateway import csv_files, requests
from services.gateway.deps import PostsDep, Reads, SchedulerDep, Writes
from services.gateway.posts import schemas
from services.gateway.proto_json import model, to_json

router = APIRouter(prefix="/api/v1/posts", tags=["posts"])


@router.post("", status_code=201, response_model=model(posts_pb2.PostResult))
async def create_post(
    body: Annotated[schemas.PostCreate, Body(openapi_examples=schemas.CREATE_EXAMPLES)],
    workspace: Writes,
    posts: PostsDep,
):
    result = await posts.CreatePost(
        posts_pb2.CreatePostRequest(
            user_id=workspace.id,
            content=body.content(),
            change_reason=body.change_reason,
            campaign_id=body.campaign_id or "",
            **body.planned(),
        ),
    )
    return to_json(result)


def _filters(
    status: Annotated[
        list[PostStatus], Query(max_length=requests.MAX_ITEMS, description="Repeat for several")
    ] = [],  # noqa: B006
    post_type: Annotated[list[schemas.PostType], Query(max_length=requests.MAX_ITEMS)] = [],  # noqa: B006
    tag: Annotated[list[str], Query(max_length=requests.MAX_ITEMS, description="Repeat for several")] = [],  # noqa: B006
    tags_mode: Literal["any", "all"] = "any",
    q: Annotated[
        str, Query(max_length=requests.MAX_TEXT, description="Full-text search over caption and hashtags")
    ] = "",
    created_from: requests.Moment | None = None,
    created_to: requests.Moment | None = None,
    scheduled_from: requests.Moment | None = None,
    scheduled_to: requests.Moment | None = None,
    include_deleted: bool = False,
    deleted_only: bool = False,
    include_templates: bool = False,
    series_id: Annotated[
        str, Query(max_length=requests.MAX_TEXT, description="Only the occurrences of this recurring series")
    ] = "",
    media_id: Annotated[
        str, Query(max_length=requests.MAX_TEXT, description="Only the posts using this library item")
    ] = "",
    sort: Literal["created_at", "updated_at", "scheduled_for"] = "created_at",
    order: Literal["asc", "desc"] = "desc",
) -> posts_pb2.ListPostsRequest:
    """The list's filters, shared by the list and its CSV export."""
    return posts_pb2.ListPostsRequest(
        statuses=[s.to_proto() for s in status],
        post_types=post_type,
        tags=tag,
        tags_mode=tags_mode,
        query=q,
        created_from=to_timestamp(created_from),
        created_to=to_timestamp(created_to),
        scheduled_from=to_timestamp(scheduled_from),
        scheduled_to=to_timestamp(scheduled_to),
        include_deleted=include_deleted,
        deleted_only=deleted_only,
        include_templates=include_templates,
        series_id=series_id,
        media_id=media_id,
        sort=sort,
        order=order,
    )


Filters = Annotated[posts_pb2.ListPostsRequest, Depends(_filters)]


@router.get("", response_model=model(posts_pb2.PostList))
async def list_posts(
    workspace: Reads,
    posts: PostsDep,
    filters: Filters,
    cursor: Annotated[str, Query(max_length=requests.MAX_TEXT)] = "",
    limit: requests.PageSize = 20,
):
    filters.user_id, filters.cursor, filters.limit = workspace.id, cursor, limit
    return to_json(await posts.ListPosts(filters))


@router.get(
    "/export",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "One row per post, with its latest figures"}
    },
)
async def export_posts(workspace: Reads, posts: PostsDep, filters: Filters):
    """Every post the list's filters find (up to 10,000; `X-Postflow-Truncated: true` says
    there were more) as CSV: content, schedule, account, labels, campaign, and a published
    post's latest reach, likes, comments, shares, saves and views."""
    filters.user_id = workspace.id
    found = await posts.ExportPosts(filters, timeout=60)
    return csv_files.attachment(found.csv, "posts.csv", truncated=found.truncated)


@router.get("/scheduled", response_model=model(posts_pb2.PostList))
async def list_scheduled(
    workspace: Reads,
    posts: PostsDep,
    account_id: Annotated[str, Query(max_length=requests.MAX_TEXT)] = "",
    cursor: Annotated[str, Query(max_length=requests.MAX_TEXT)] = "",
    limit: requests.PageSize = 20,
):
    """Posts waiting to be published (or being published), soonest first, with local times."""
    page = await posts.ListPosts(
        posts_pb2.ListPostsRequest(
            user_id=workspace.id,
            statuses=[s.to_proto() for s in ON_THE_CALENDAR],
            account_id=account_id,
            sort="scheduled_for",
            order="asc",
            cursor=cursor,
            limit=limit,
        )
    )
    return to_json(page)


@router.post(
    "/bulk", response_model=model(posts_pb2.BulkActionResult) | model(scheduler_pb2.BulkScheduleResult)
)
async def bulk(
    body: Annotated[schemas.BulkIn, Body(openapi_examples=schemas.BULK_EXAMPLES)],
    workspace: Writes,
    posts: PostsDep,
    scheduler: SchedulerDep,
):
    """Up to 50 posts, one result each. `action` with its options beside it, or (the brief's
    form) `operation` with its options in `parameters`."""
    action = body.chosen_action()
    if action in ("schedule", "unschedule"):
        workspace.require("schedule", "schedule or publish")
        # Scheduling belongs to the scheduler service; the rest of bulk to the posts service.
        result = await scheduler.BulkSchedule(
            scheduler_pb2.BulkScheduleRequest(
                user_id=workspace.id,
                action=action,
                post_ids=body.post_ids,
                account_id=body.option("account_id", ""),
                timezone=body.option("timezone", ""),
                start_time=body.option("start_time", ""),
                interval_minutes=body.option("interval_minutes", 0.0),
                times=body.option("times", []),
                prefer=body.option("prefer", "earlier"),
            ),
            metadata=workspace.metadata,
        )
        return to_json(result)
    result = await posts.BulkAction(
        posts_pb2.BulkActionRequest(
            user_id=workspace.id, action=action, post_ids=body.post_ids, tags=body.option("tags", [])
        ),
    )
    return to_json(result)


@router.get("/{post_id}", response_model=model(posts_pb2.Post))
async def get_post(post_id: str, workspace: Reads, posts: PostsDep, include_deleted: bool = False):
    post = await posts.GetPost(
        posts_pb2.GetPostRequest(user_id=workspace.id, post_id=post_id, include_deleted=include_deleted),
    )
    return to_json(post)


@router.get("/{post_id}/metrics", response_model=model(posts_pb2.MetricsSeries))
async def post_metrics(post_id: str, workspace: Reads, posts: PostsDep):
    """A published post's engagement over time, oldest first (collected every 5 minutes the
    first day, hourly the first week, daily to 30 days)."""
    series = await posts.GetMetrics(posts_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    return to_json(series)


@router.put("/{post_id}", response_model=model(posts_pb2.PostResult))
async def update_post(post_id: str, body: schemas.PostUpdate, workspace: Writes, posts: PostsDep):
    request = posts_pb2.UpdatePostRequest(
        user_id=workspace.id,
        actor_id=workspace.user_id,
        writer_may_not_publish=not workspace.may("schedule"),
        post_id=post_id,
        base_version=body.version,
        content=body.content(),
        change_reason=body.change_reason,
        **body.planned(),
        campaign_id=body.campaign_id or "",
    )
    request.update_mask.paths.extend(body.sent_fields())
    return to_json(await posts.UpdatePost(request))


@router.delete("/{post_id}", response_model=model(posts_pb2.Post))
async def delete_post(post_id: str, workspace: Writes, posts: PostsDep):
    post = await posts.DeletePost(posts_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    return to_json(post)


@router.post("/{post_id}/restore", response_model=model(posts_pb2.Post))
async def restore_post(post_id: str, workspace: Writes, posts: PostsDep):
    post = await posts.RestorePost(posts_pb2.PostRef(user_id=workspace.id, post_id=post_id))
    return to_json(post)


@router.post("/{post_id}/duplicate", status_code=201, response_model=model(posts_pb2.Post))
async def duplicate_post(
    post_id: str,
    workspace: Writes,
    posts: PostsDep,
    body: schemas.DuplicateIn | None = None,
):
    post = await posts.DuplicatePost(
        posts_pb2.DuplicatePostRequest(
            user_id=workspace.id, post_id=post_id, template_name=(body.template_name if body else None) or ""
        ),
    )
    return to_json(post)


@router.post("/{post_id}/reminder/done", response_model=model(posts_pb2.Post))
async def reminder_done(post_id: str, workspace: Writes, posts: PostsDep):
    """A post you publish yourself (`options.publish_myself`): you published it by hand. It
    is recorded published (a missed one too). 409 before its reminder went out."""
    return to_json(await posts.MarkReminderDone(posts_pb2.PostRef(user_id=workspace.id, post_id=post_id)))
