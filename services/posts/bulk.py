"""One action on many posts, each post succeeding or failing on its own."""

import uuid

from sqlalchemy import select

from lib.common import bulk_requests
from lib.common.db import Database
from lib.common.errors import ServiceError, Violation, invalid
from services.posts import store, templates, writes
from services.posts.models import Post

ACTIONS = ("delete", "restore", "tag", "untag", "duplicate")


ItemResult = bulk_requests.ItemResult[Post]


def _check_request(action: str, post_ids: list[str], tags: list[str], max_items: int) -> None:
    problems = bulk_requests.problems(action=action, actions=ACTIONS, post_ids=post_ids, max_items=max_items)
    if action in ("tag", "untag") and not [t for t in tags if t.strip()]:
        problems.append(Violation("tags", f"{action} needs at least one tag"))
    if problems:
        raise invalid(problems)


def _parse(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


async def run(
    *, db: Database, user_id: uuid.UUID, action: str, post_ids: list[str], tags: list[str], max_items: int
) -> list[ItemResult]:
    """Apply action to each post; each post's change is atomic on its own."""
    _check_request(action, post_ids, tags, max_items)
    wanted = {raw: _parse(raw) for raw in dict.fromkeys(post_ids)}
    async with db.reading() as session:
        rows = await session.scalars(
            select(Post).where(Post.user_id == user_id, Post.id.in_([i for i in wanted.values() if i]))
        )
        posts = {post.id: post for post in rows}
    results = {
        raw: ItemResult(raw, False, "not_found", "Post not found")
        for raw, i in wanted.items()
        if i not in posts
    }
    found = {raw: posts[i] for raw, i in wanted.items() if i in posts}
    async with db.autocommit() as connection:
        if action in ("delete", "restore"):
            results |= await _set_deleted(connection, found, user_id, deleted=action == "delete")
        else:
            for raw, post in found.items():
                try:
                    changed = await _apply(db, connection, action, post, user_id, tags)
                    results[raw] = ItemResult(raw, True, value=changed)
                except ServiceError as err:
                    results[raw] = ItemResult(raw, False, err.code, err.message)
    return [results[raw] for raw in wanted]


async def _set_deleted(connection, found: dict[str, Post], user_id: uuid.UUID, *, deleted: bool):
    results, eligible = {}, {}
    for raw, post in found.items():
        problem = store.deletion_problem(post, deleted)
        if problem:
            results[raw] = ItemResult(raw, False, problem.code, problem.message)
        else:
            eligible[raw] = post
    moment = store.now()
    changed_ids = set()
    if eligible:
        changed = await connection.execute(
            writes.SOFT_DELETE if deleted else writes.RESTORE,
            writes.set_deleted_params(
                post_ids=[p.id for p in eligible.values()], user_id=user_id, now=moment
            ),
        )
        changed_ids = {row.id for row in changed}
    for raw, post in eligible.items():
        if post.id not in changed_ids:
            results[raw] = ItemResult(raw, False, "changed", "The post changed meanwhile; try again")
            continue
        post.deleted_at = moment if deleted else None
        post.updated_at = moment
        results[raw] = ItemResult(raw, True, value=post)
    return results


async def _apply(db, connection, action: str, post: Post, user_id: uuid.UUID, tags: list[str]) -> Post:
    if action == "duplicate":
        if post.deleted_at is not None:
            raise ServiceError("not_found", "post_deleted", "The post is deleted")
        return await templates.copy_post(connection, post, user_id=user_id, template_name=None)
    store.ensure_editable(post, post.version)
    content = store.content_of(post)
    wanted = [t.strip().lower() for t in tags if t.strip()]
    if action == "tag":
        content.tags = content.tags + [t for t in wanted if t not in content.tags]
    else:
        content.tags = [t for t in content.tags if t not in wanted]
    await store.write_version(db, connection, post, content, user_id=user_id, reason=f"bulk {action}")
    return post
