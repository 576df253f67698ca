"""Copies of posts: a new draft from a post, a named template, a draft from a template."""

import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from lib.common.db import Database
from lib.common.errors import conflict, not_found
from services.posts import rules, store
from services.posts.models import Post


async def copy_post(
    connection: AsyncConnection, source: Post, *, user_id: uuid.UUID, template_name: str | None
) -> Post:
    reason = f"duplicated from post {source.id} version {source.version}"
    if template_name:
        reason = f"saved as template {template_name!r} from post {source.id}"
    return await store.insert_post(
        connection,
        user_id=user_id,
        content=store.content_of(source),
        reason=reason,
        template_name=template_name,
    )


async def duplicate(
    *, db: Database, user_id: uuid.UUID, post_id: uuid.UUID, template_name: str | None
) -> Post:
    if template_name is not None:
        rules.check_template_name(template_name)
        template_name = template_name.strip()
    source = await store.read(db, user_id=user_id, post_id=post_id)
    if source.deleted_at is not None:
        raise not_found("Post")
    try:
        async with db.autocommit() as connection:
            return await copy_post(connection, source, user_id=user_id, template_name=template_name)
    except IntegrityError as exc:
        raise conflict("template_name_taken", f"A template named {template_name!r} already exists") from exc


async def list_templates(*, db: Database, user_id: uuid.UUID) -> list[Post]:
    async with db.reading() as session:
        rows = await session.scalars(
            select(Post)
            .where(Post.user_id == user_id, Post.template_name.is_not(None), Post.deleted_at.is_(None))
            .order_by(Post.template_name)
        )
        return list(rows)


async def instantiate(*, db: Database, user_id: uuid.UUID, template_name: str) -> Post:
    """A new draft post with the template's content."""
    async with db.reading() as session:
        template = await session.scalar(
            select(Post).where(
                Post.user_id == user_id,
                Post.template_name == template_name,
                Post.deleted_at.is_(None),
            )
        )
    if template is None:
        raise not_found(f"Template {template_name!r}")
    async with db.autocommit() as connection:
        return await store.insert_post(
            connection,
            user_id=user_id,
            content=store.content_of(template),
            reason=f"created from template {template_name!r}",
        )
