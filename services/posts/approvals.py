"""Approvals bound to the exact version approved.

An approval is for what would go out: the hash of the post's caption, hashtags, media, type,
publish options, account and time (`content_hash`). Any change to one of those after the
approval voids it: an edit says so at once (the approver is told, with the version they
approved to diff against), and whatever the change, the due second checks the hash again.
Where the workspace requires approval (all its accounts, or some), a post whose hash is not
the approved one is held at its due second (`start_gated`): it never goes out unapproved,
and waits (the publishing workflow) until it is approved or its deadline passes.

Every action (submitted, approved, changes requested, voided, held) is a row of the review
trail, with who did it and on which version; two reviewers approving at once make one
approval and a row each."""

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from lib.common import member_scope
from lib.common.db import Database
from lib.common.errors import ServiceError, conflict, invalid_field, not_found
from lib.common.events import PostStatusUpdate, ReviewChanged
from lib.common.outbox import Outbox
from lib.post_status import CONTENT_LOCKED, PostStatus
from services.posts import store
from services.posts.approval_rules import Rule
from services.posts.models import Post, ReviewEntry

IN_REVIEW = "in_review"
APPROVED = "approved"
CHANGES_REQUESTED = "changes_requested"
EDITED_SINCE_APPROVAL = "edited_since_approval"
# Shown, never stored: approved once, changed since by a move of its time or account.
DECISIONS = {"approve": APPROVED, "request_changes": CHANGES_REQUESTED}
WAITING = (IN_REVIEW, EDITED_SINCE_APPROVAL)
MAX_COMMENT = 2000
MAX_TRAIL = 10_000


def content_hash(post: Post) -> str:
    """What an approval is for: everything that decides what Instagram shows, and when and
    where (tags and metadata are the team's own labels, and stay free to change)."""
    what = {
        "caption": post.caption,
        "hashtags": list(post.hashtags or []),
        "media": list(post.media or []),
        "post_type": post.post_type,
        "options": dict(post.options or {}),
        "account_id": str(post.account_id) if post.account_id else None,
        "time": post.scheduled_for.isoformat() if post.scheduled_for else None,
    }
    return hashlib.sha256(json.dumps(what, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def shown_status(post: Post) -> str:
    """The review state as people should see it: an approval whose post changed since (an
    edit, or a move of its time or account) is no approval."""
    if post.review_status == APPROVED and post.approved_hash != content_hash(post):
        return EDITED_SINCE_APPROVAL
    return post.review_status or ""


def _comment(comment: str) -> str:
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        raise invalid_field("comment", f"must be at most {MAX_COMMENT} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in comment):
        raise invalid_field("comment", "must not hold control characters")
    return comment


def _entry(post: Post, action: str, actor_id: uuid.UUID | None, actor_kind: str, comment: str) -> ReviewEntry:
    return ReviewEntry(
        user_id=post.user_id,
        post_id=post.id,
        version=post.version,
        content_hash=content_hash(post),
        action=action,
        actor_id=actor_id,
        actor_kind=actor_kind,
        comment=comment,
    )


def _event(
    post: Post, status: str, actor_id: uuid.UUID | None, actor_kind: str, comment: str
) -> ReviewChanged:
    return ReviewChanged(
        user_id=str(post.user_id),
        post_id=str(post.id),
        status=status,
        version=post.version,
        approved_version=post.approved_version,
        actor_id=str(actor_id) if actor_id else "",
        actor_kind=actor_kind,
        comment=comment,
    )


async def _locked(session: AsyncSession, user_id: uuid.UUID, post_id: uuid.UUID) -> Post:
    post = await session.scalar(
        select(Post).where(Post.id == post_id, Post.user_id == user_id).with_for_update()
    )
    if post is None or post.deleted_at is not None:
        raise not_found("Post")
    if post.status in CONTENT_LOCKED:
        raise conflict("post_locked", f"The post is {post.status}; its review is over")
    return post


async def submit(
    *, db: Database, events: Outbox, user_id: uuid.UUID, actor_id: uuid.UUID, post_id: uuid.UUID, comment: str
) -> Post:
    """Asks the workspace's reviewers to look at the post as it is now."""
    comment = _comment(comment)
    async with db.transaction() as session:
        post = await _locked(session, user_id, post_id)
        if shown_status(post) == APPROVED:
            raise conflict("already_approved", "This version is already approved")
        post.review_status = IN_REVIEW
        session.add(_entry(post, "submitted", actor_id, "member", comment))
        await events.queue(session, [_event(post, IN_REVIEW, actor_id, "member", comment)])
    events.sent()
    return post


async def review(
    *,
    db: Database,
    events: Outbox,
    user_id: uuid.UUID,
    actor_id: uuid.UUID | None,
    post_id: uuid.UUID,
    version: int,
    decision: str,
    comment: str,
    actor_kind: str = "member",
) -> Post:
    """Approves the version the reviewer saw, or asks for changes (with a comment). A
    reviewer who saw an older version than the post's is told so: they approve what they
    read, never what they did not."""
    status = DECISIONS.get(decision)
    if status is None:
        raise invalid_field("decision", f"must be one of {', '.join(DECISIONS)}")
    comment = _comment(comment)
    if status == CHANGES_REQUESTED and not comment:
        raise invalid_field("comment", "say what should change")
    async with db.transaction() as session:
        post = await _locked(session, user_id, post_id)
        if post.account_id is not None:
            member_scope.require(post.account_id)  # a reviewer limited to other accounts
        if version != post.version:
            raise conflict(
                "stale_version",
                f"You reviewed version {version}; the post is now at version {post.version}. "
                "Review the current version",
                current_version=str(post.version),
            )
        digest = content_hash(post)
        already = status == APPROVED and post.review_status == APPROVED and post.approved_hash == digest
        if status == APPROVED and not already:
            post.approved_hash = digest
            post.approved_version = post.version
            post.approved_by = actor_id
            post.approved_at = store.now()
        if status == CHANGES_REQUESTED:
            post.approved_hash = None
        post.review_status = status
        # A second reviewer approving the same version: one approval, their own trail row.
        session.add(
            _entry(
                post, "approved" if status == APPROVED else "changes_requested", actor_id, actor_kind, comment
            )
        )
        if not already:
            await events.queue(session, [_event(post, status, actor_id, actor_kind, comment)])
    events.sent()
    return post


async def void_if_changed(db: Database, events: Outbox, post: Post, actor_id: uuid.UUID | None) -> None:
    """After a change to the post: an approval of something else is void, and its approver
    is told (the event carries the version approved, to diff against). Guarded by the hash
    approved, so that an approval made meanwhile of this very version stands."""
    if post.review_status != APPROVED or post.approved_hash == content_hash(post):
        return
    async with db.transaction() as session:
        voided = await session.scalar(
            update(Post)
            .where(
                Post.id == post.id, Post.review_status == APPROVED, Post.approved_hash == post.approved_hash
            )
            .values(review_status=EDITED_SINCE_APPROVAL)
            .returning(Post.id),
            execution_options={"synchronize_session": False},
        )
        if voided is None:
            return
        post.review_status = EDITED_SINCE_APPROVAL
        session.add(_entry(post, "voided", actor_id, "member", ""))
        await events.queue(session, [_event(post, EDITED_SINCE_APPROVAL, actor_id, "member", "")])
    events.sent()


async def start_gated(
    *,
    db: Database,
    events: Outbox,
    rule: Rule,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    expected_version: int,
    expected_scheduled_for: datetime | None,
) -> "Gate":
    """The due second's move to publishing of a post in a workspace that requires approval:
    made only if what goes out is what was approved (guarded in the same UPDATE, so that no
    approval, edit or move can slip between the check and the move). Otherwise the post is
    held: awaiting_approval, its reviewers told (once per version). None when it moved; the
    refusal otherwise; neither for a post this cannot decide (the caller's own path says why
    it cannot move)."""
    post = await store.read(db, user_id=user_id, post_id=post_id)
    if post.status != PostStatus.SCHEDULED or post.version != expected_version:
        return UNDECIDED
    if expected_scheduled_for is not None and post.scheduled_for != expected_scheduled_for:
        return UNDECIDED
    if not rule.applies_to(post.account_id):
        return UNDECIDED
    digest = content_hash(post)
    if post.approved_hash == digest and post.review_status == APPROVED:
        async with db.transaction() as session:
            moved = await session.scalar(
                update(Post)
                .where(
                    Post.id == post.id,
                    Post.deleted_at.is_(None),
                    Post.status == PostStatus.SCHEDULED,
                    Post.version == post.version,
                    Post.scheduled_for == post.scheduled_for,
                    Post.account_id == post.account_id,
                    Post.approved_hash == digest,
                    Post.review_status == APPROVED,
                )
                .values(status=PostStatus.PUBLISHING, updated_at=store.now())
                .returning(Post.id),
                execution_options={"synchronize_session": False},
            )
            if moved is not None:
                await events.queue(
                    session,
                    [
                        PostStatusUpdate(
                            user_id=str(user_id),
                            post_id=str(post_id),
                            status=PostStatus.PUBLISHING,
                            previous_status=PostStatus.SCHEDULED,
                            metadata={},
                        )
                    ],
                )
        if moved is not None:
            events.sent()
            return Gate(moved=True)
        return UNDECIDED
    await _hold(db, events, post, digest)
    return Gate(
        refusal=conflict(
            "awaiting_approval",
            f"Version {post.version} of the post is not approved; it waits for an approval",
            version=str(post.version),
        )
    )


@dataclass(frozen=True)
class Gate:
    moved: bool = False
    refusal: ServiceError | None = None


UNDECIDED = Gate()


async def _hold(db: Database, events: Outbox, post: Post, digest: str) -> None:
    """The post is in the review queue, and its reviewers are told once per version."""
    async with db.transaction() as session:
        told = await session.scalar(
            select(ReviewEntry.id).where(
                ReviewEntry.post_id == post.id,
                ReviewEntry.action == "held",
                ReviewEntry.content_hash == digest,
            )
        )
        if told is not None:
            return
        waiting = EDITED_SINCE_APPROVAL if post.approved_hash else IN_REVIEW
        await session.execute(
            update(Post).where(Post.id == post.id).values(review_status=waiting),
            execution_options={"synchronize_session": False},
        )
        post.review_status = waiting
        session.add(_entry(post, "held", None, "system", "due, and not approved"))
        await events.queue(session, [_event(post, "awaiting_approval", None, "system", "")])
    events.sent()


async def queue(db: Database, *, user_id: uuid.UUID, limit: int) -> list[Post]:
    """What waits for a reviewer, oldest change first."""
    async with db.reading() as session:
        return list(
            await session.scalars(
                select(Post)
                .where(Post.user_id == user_id, Post.review_status.in_(WAITING), Post.deleted_at.is_(None))
                .order_by(Post.updated_at, Post.id)
                .limit(max(1, min(limit, 200)))
            )
        )


async def trail(
    db: Database,
    *,
    user_id: uuid.UUID,
    post_id: uuid.UUID | None,
    since: datetime | None,
    until: datetime | None,
) -> list[ReviewEntry]:
    """The review trail, oldest first (an export: up to MAX_TRAIL rows)."""
    query = select(ReviewEntry).where(ReviewEntry.user_id == user_id)
    if post_id is not None:
        query = query.where(ReviewEntry.post_id == post_id)
    if since is not None:
        query = query.where(ReviewEntry.created_at >= since)
    if until is not None:
        query = query.where(ReviewEntry.created_at < until)
    async with db.reading() as session:
        return list(await session.scalars(query.order_by(ReviewEntry.id).limit(MAX_TRAIL)))
