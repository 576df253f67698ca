"""Review links for clients who have no account: one post, or the posts of a date range, as
they will look on Instagram, approved or sent back with a comment from a page that needs
no sign-in.

The link's secret is 32 random bytes (kept as its SHA-256 only, like a password reset's):
nothing can be learnt or forged from it, an altered one matches nothing, and every link
expires and can be revoked. It shows nothing else: no post ids (each post is named by a key
derived from the link and the post, which means nothing elsewhere), no other post, no
workspace. Every action through it is in the review trail as the client's."""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy import func, select, update

from lib.common import time_text
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import Violation, invalid, invalid_field, not_found
from lib.common.outbox import Outbox
from lib.post_status import CONTENT_LOCKED
from protos import media_pb2, media_pb2_grpc
from services.posts import approvals, comments, store
from services.posts.models import Post, ReviewLink

MAX_DAYS = 30
MAX_RANGE_DAYS = 62
MAX_POSTS = 100
MAX_LINKS = 500
MAX_LABEL = 200


def moment(text: str, field: str) -> datetime | None:
    """A range's end as the request wrote it: an instant (with its offset), or none."""
    if not text.strip():
        return None
    parsed = time_text.parse(text.strip(), field)
    if parsed.tzinfo is None:
        raise invalid_field(field, "must name its offset or Z, e.g. 2027-03-01T00:00:00+01:00")
    return parsed


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def item_key(link: ReviewLink, post_id: uuid.UUID) -> str:
    """A post's name on one link's page: stable for the link, meaningless anywhere else."""
    return hashlib.sha256(link.token_hash + post_id.bytes).hexdigest()[:24]


@dataclass(frozen=True)
class Issued:
    link: ReviewLink
    token: str


async def issue(
    db: Database,
    *,
    user_id: uuid.UUID,
    created_by: uuid.UUID | None,
    post_id: uuid.UUID | None,
    range_from: datetime | None,
    range_to: datetime | None,
    days: int,
    label: str,
) -> Issued:
    problems = []
    if (post_id is None) == (range_from is None or range_to is None):
        problems.append(Violation("post_id", "name one post, or a range with from and to (not both)"))
    if range_from and range_to and not timedelta(0) < range_to - range_from <= timedelta(days=MAX_RANGE_DAYS):
        problems.append(Violation("to", f"must be after from, and at most {MAX_RANGE_DAYS} days after it"))
    if not 1 <= days <= MAX_DAYS:
        problems.append(Violation("expires_in_days", f"must be 1 to {MAX_DAYS}"))
    label = label.strip()
    if len(label) > MAX_LABEL or any(ord(ch) < 32 for ch in label):
        problems.append(Violation("label", f"at most {MAX_LABEL} characters, without control characters"))
    if problems:
        raise invalid(problems)
    if post_id is not None:
        await store.read(db, user_id=user_id, post_id=post_id)  # the workspace's, or not found
    token = secrets.token_urlsafe(32)
    async with db.transaction() as session:
        live = await session.scalar(
            select(func.count())
            .select_from(ReviewLink)
            .where(
                ReviewLink.user_id == user_id,
                ReviewLink.revoked_at.is_(None),
                ReviewLink.expires_at > func.now(),
            )
        )
        if live >= MAX_LINKS:
            raise invalid_field(
                "post_id", f"a workspace holds at most {MAX_LINKS} live review links; revoke some"
            )
        link = ReviewLink(
            user_id=user_id,
            token_hash=_digest(token),
            post_id=post_id,
            range_from=range_from,
            range_to=range_to,
            label=label,
            created_by=created_by,
            expires_at=store.now() + timedelta(days=days),
        )
        session.add(link)
        await session.flush()
        await session.refresh(link)
    return Issued(link, token)


async def listed(db: Database, *, user_id: uuid.UUID) -> list[ReviewLink]:
    async with db.reading() as session:
        return list(
            await session.scalars(
                select(ReviewLink)
                .where(ReviewLink.user_id == user_id)
                .order_by(ReviewLink.created_at.desc(), ReviewLink.id)
                .limit(MAX_LINKS)
            )
        )


async def revoke(db: Database, *, user_id: uuid.UUID, link_id: uuid.UUID) -> ReviewLink:
    async with db.transaction() as session:
        link = await session.scalar(
            update(ReviewLink)
            .where(ReviewLink.id == link_id, ReviewLink.user_id == user_id, ReviewLink.revoked_at.is_(None))
            .values(revoked_at=func.now())
            .returning(ReviewLink),
            execution_options={"synchronize_session": False},
        )
    if link is None:
        raise not_found("Review link")
    return link


DOES_NOT_WORK = "Review link"


def page_url(settings: Settings, token: str) -> str:
    # The web app's own page for it (a route of its single page: #/review).
    return f"{settings.public_base_url.rstrip('/')}/#/review?{urlencode({'token': token})}"


async def opened(db: Database, token: str) -> ReviewLink:
    """The live link of this token; one answer (not found) for unknown, altered, expired and
    revoked alike."""
    if not token or len(token) > 100:
        raise not_found(DOES_NOT_WORK)
    async with db.reading() as session:
        link = await session.scalar(
            select(ReviewLink).where(
                ReviewLink.token_hash == _digest(token),
                ReviewLink.revoked_at.is_(None),
                ReviewLink.expires_at > func.now(),
            )
        )
    if link is None:
        raise not_found(DOES_NOT_WORK)
    return link


async def posts_of(db: Database, link: ReviewLink) -> list[Post]:
    query = select(Post).where(Post.user_id == link.user_id, Post.deleted_at.is_(None))
    if link.post_id is not None:
        query = query.where(Post.id == link.post_id)
    else:
        query = query.where(Post.scheduled_for >= link.range_from, Post.scheduled_for < link.range_to)
    async with db.reading() as session:
        return list(await session.scalars(query.order_by(Post.scheduled_for, Post.id).limit(MAX_POSTS)))


async def media_urls(media: media_pb2_grpc.MediaStub, link: ReviewLink, post: Post) -> list[dict[str, str]]:
    """Each picture or video as the client's browser can show it: a URL post's own, a
    library item's signed URL (its thumbnail for a video)."""
    items = list(post.media or [])
    by_id = [item["media_id"] for item in items if item.get("media_id")]
    resolved = {}
    if by_id:
        reply = await media.ResolveMedia(
            media_pb2.ResolveMediaRequest(user_id=str(link.user_id), media_ids=by_id), timeout=10
        )
        resolved = {r.media_id: r for r in reply.items if r.found}
    shown = []
    for item in items:
        if item.get("media_id"):
            found = resolved.get(item["media_id"])
            if found is None:
                continue
            shown.append({"url": found.cdn_url, "kind": found.kind, "thumbnail_url": found.thumbnail_url})
        elif item.get("url"):
            shown.append({"url": item["url"], "kind": "", "thumbnail_url": ""})
    return shown


async def decide(
    *,
    db: Database,
    events: Outbox,
    token: str,
    key: str,
    version: int,
    decision: str,
    comment: str,
    client_name: str,
) -> tuple[ReviewLink, Post]:
    """The client's approval or request for changes on one post of the link, in the trail
    as the client's; a comment also goes to the post's thread."""
    link = await opened(db, token)
    post = next((p for p in await posts_of(db, link) if item_key(link, p.id) == key), None)
    if post is None or post.status in CONTENT_LOCKED:
        raise not_found("Post")
    name = client_name.strip()[:100]
    if any(ord(ch) < 32 for ch in name):
        raise invalid_field("name", "must not hold control characters")
    said = f"{name}: {comment}" if name and comment else comment
    post = await approvals.review(
        db=db,
        events=events,
        user_id=link.user_id,
        actor_id=None,
        post_id=post.id,
        version=version,
        decision=decision,
        comment=said,
        actor_kind="client",
    )
    if comment.strip():
        await comments.add(
            db=db,
            events=events,
            users=None,
            user_id=link.user_id,
            post_id=post.id,
            author_id=None,
            body=comment,
            author_kind="client",
            author_name=name or "Client",
        )
    return link, post
