"""One action on many posts, each post succeeding or failing on its own."""

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from services.common.db import Database
from services.common.errors import ServiceError, Violation, invalid
from services.posts import store, templates
from services.posts.models import Post

ACTIONS = ("delete", "restore", "tag", "untag", "duplicate")


@dataclass
class ItemResult:
    post_id: str
    ok: bool
    error_code: str = ""
    error_message: str = ""
    post: Post | None = None


def _check_request(action: str, post_ids: list[str], tags: list[str], max_items: int) -> None:
    problems = []
    if action not in ACTIONS:
        problems.append(Violation("action", f"must be one of {', '.join(ACTIONS)}"))
    if not post_ids:
        problems.append(Violation("post_ids", "must name at least one post"))
    if len(post_ids) > max_items:
        problems.append(Violation("post_ids", f"at most {max_items} posts per request, not {len(post_ids)}"))
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
    _check_request(action, post_ids, tags, max_items)
    wanted = {raw: _parse(raw) for raw in dict.fromkeys(post_ids)}
    async with db.transaction() as session:
        rows = await session.scalars(
            select(Post)
            .where(Post.user_id == user_id, Post.id.in_([i for i in wanted.values() if i]))
            .order_by(Post.id)
            .with_for_update()
        )
        posts = {post.id: post for post in rows}
        results = []
        for raw, post_id in wanted.items():
            post = posts.get(post_id)
            if post is None:
                results.append(ItemResult(raw, False, "not_found", "Post not found"))
                continue
            try:
                # A savepoint per post: one failure leaves the others' changes in place.
                async with session.begin_nested():
                    changed = await _apply(session, action, post, user_id, tags)
                results.append(ItemResult(raw, True, post=changed))
            except ServiceError as err:
                results.append(ItemResult(raw, False, err.code, err.message))
    return results


async def _apply(session, action: str, post: Post, user_id: uuid.UUID, tags: list[str]) -> Post:
    if action == "delete":
        await store.soft_delete(session, post)
    elif action == "restore":
        await store.restore(session, post)
    elif action == "duplicate":
        if post.deleted_at is not None:
            raise ServiceError("not_found", "post_deleted", "The post is deleted")
        return await templates.copy_post(session, post, user_id=user_id, template_name=None)
    else:
        store.ensure_editable(post, post.version)
        content = store.content_of(post)
        wanted = [t.strip().lower() for t in tags if t.strip()]
        if action == "tag":
            content.tags = content.tags + [t for t in wanted if t not in content.tags]
        else:
            content.tags = [t for t in content.tags if t not in wanted]
        await store.save_version(session, post, content, user_id=user_id, reason=f"bulk {action}")
    return post
