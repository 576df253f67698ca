"""Comments on posts: threads a team (or a client, through a review link) talks in, with
@mentions of members, resolved as a whole.

A mention is a member's id the writer picked (the web app offers the workspace's members);
one who is not a member of the workspace is refused. The workspace hears every comment
live; each member mentioned is also told in their own inbox (their personal workspace, so
on the channels they chose there)."""

import uuid

from sqlalchemy import select, update

from lib.common.db import Database
from lib.common.errors import conflict, invalid_field, not_found
from lib.common.events import CommentAdded
from lib.common.grpc_errors import ask
from lib.common.outbox import Outbox
from protos import users_pb2, users_pb2_grpc
from services.posts import store
from services.posts.models import Comment, Post

MAX_BODY = 5000
MAX_MENTIONS = 20
MAX_COMMENTS_PER_POST = 2000


def _body(body: str) -> str:
    body = body.strip()
    if not body:
        raise invalid_field("body", "must not be empty")
    if len(body) > MAX_BODY:
        raise invalid_field("body", f"must be at most {MAX_BODY} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in body) or "\x7f" in body:
        raise invalid_field("body", "must not hold control characters")
    return body


async def _members(
    users: users_pb2_grpc.UsersStub, actor_id: uuid.UUID, workspace_id: uuid.UUID
) -> dict[str, str]:
    """The workspace's members, id -> how they are called."""
    listed = await ask(
        users.ListMembers(
            users_pb2.WorkspaceRef(user_id=str(actor_id), workspace_id=str(workspace_id)), timeout=10
        )
    )
    return {m.user_id: m.name or m.email for m in listed.items}


async def add(
    *,
    db: Database,
    events: Outbox,
    users: users_pb2_grpc.UsersStub | None,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    author_id: uuid.UUID | None,
    body: str,
    thread_id: uuid.UUID | None = None,
    mentions: list[str] = (),
    author_kind: str = "member",
    author_name: str = "",
) -> Comment:
    body = _body(body)
    if len(mentions) > MAX_MENTIONS:
        raise invalid_field("mentions", f"at most {MAX_MENTIONS}")
    mentioned: list[uuid.UUID] = []
    if mentions:
        if users is None or author_id is None:
            raise invalid_field("mentions", "only a member can mention members")
        members = await _members(users, author_id, user_id)
        author_name = author_name or members.get(str(author_id), "")
        for n, raw in enumerate(dict.fromkeys(mentions)):
            if raw not in members:
                raise invalid_field(f"mentions.{n}", "is not a member of this workspace")
            mentioned.append(uuid.UUID(raw))
    async with db.transaction() as session:
        post = await session.scalar(
            select(Post).where(Post.id == post_id, Post.user_id == user_id, Post.deleted_at.is_(None))
        )
        if post is None:
            raise not_found("Post")
        if thread_id is not None:
            root = await session.get(Comment, thread_id)
            if root is None or root.post_id != post_id or root.thread_id is not None:
                raise invalid_field("thread_id", "is not a thread of this post")
        count = await session.scalar(
            select(Comment.id).where(Comment.post_id == post_id).offset(MAX_COMMENTS_PER_POST - 1).limit(1)
        )
        if count is not None:
            raise conflict("too_many_comments", f"A post holds at most {MAX_COMMENTS_PER_POST} comments")
        comment = Comment(
            user_id=user_id,
            post_id=post_id,
            thread_id=thread_id,
            author_id=author_id,
            author_kind=author_kind,
            body=body,
            mentions=mentioned,
            version=post.version,
        )
        session.add(comment)
        await session.flush()
        await session.refresh(comment)
        said = dict(
            post_id=str(post_id),
            comment_id=str(comment.id),
            thread_id=str(thread_id or comment.id),
            change="added",
            author_id=str(author_id) if author_id else "",
            author_kind=author_kind,
            author_name=author_name[:100],
            body=body[:500],
            workspace_id=str(user_id),
        )
        announce = [CommentAdded(user_id=str(user_id), **said)]
        announce += [
            CommentAdded(user_id=str(person), mentioned=True, **said)
            for person in mentioned
            if person != author_id
        ]
        await events.queue(session, announce)
    events.sent()
    return comment


async def listed(db: Database, *, user_id: uuid.UUID, post_id: uuid.UUID) -> list[Comment]:
    """Every comment of the post, oldest first (threads are grouped by the reader)."""
    await store.read(db, user_id=user_id, post_id=post_id)
    async with db.reading() as session:
        return list(
            await session.scalars(
                select(Comment)
                .where(Comment.post_id == post_id, Comment.user_id == user_id)
                .order_by(Comment.created_at, Comment.id)
                .limit(MAX_COMMENTS_PER_POST)
            )
        )


async def resolve(
    *,
    db: Database,
    events: Outbox,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    thread_id: uuid.UUID,
    actor_id: uuid.UUID | None,
    resolved: bool,
) -> Comment:
    async with db.transaction() as session:
        root = await session.scalar(
            update(Comment)
            .where(
                Comment.id == thread_id,
                Comment.post_id == post_id,
                Comment.user_id == user_id,
                Comment.thread_id.is_(None),
            )
            .values(resolved_at=store.now() if resolved else None, resolved_by=actor_id if resolved else None)
            .returning(Comment),
            execution_options={"synchronize_session": False},
        )
        if root is None:
            raise not_found("Thread")
        await events.queue(
            session,
            [
                CommentAdded(
                    user_id=str(user_id),
                    post_id=str(post_id),
                    comment_id=str(root.id),
                    thread_id=str(root.id),
                    change="resolved" if resolved else "reopened",
                    author_id=str(actor_id) if actor_id else "",
                    workspace_id=str(user_id),
                )
            ],
        )
    events.sent()
    return root
