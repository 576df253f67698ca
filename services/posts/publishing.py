"""A post's publishing state: scheduled, being published, published or failed.

Set by the scheduler (scheduling, unscheduling) and the workflow worker (progress and
outcome); each change is one guarded UPDATE, so a transition that is no longer allowed
(the post was deleted, published meanwhile, ...) changes nothing and says why.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, Float, Integer, Text, cast, column, or_, select, update, values
from sqlalchemy.dialects.postgresql import UUID

from lib.common.db import Database
from lib.common.errors import ServiceError, Violation, conflict, invalid_field, not_found
from lib.common.events import Event, PostStatusUpdate, ScheduleChanged
from lib.common.outbox import Outbox
from lib.post_status import MAY_FOLLOW, RECORDED_BY_WORKER, PostStatus
from protos import media_pb2_grpc
from services.posts import approval_rules, approvals, library_media, predictions, rules, store
from services.posts.models import Post

log = logging.getLogger(__name__)


async def _apply(
    db: Database,
    *,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    allowed_from,
    values,
    events: Outbox,
    announce: list[Event],
    version: int = 0,
    scheduled_for: datetime | None = None,
) -> Post | None:
    """The post after the change, or None when it was not in a state allowing it (or, with
    a version, not at that version). The events announcing the change are committed with it."""
    at_version = [Post.version == version] if version else []
    if scheduled_for is not None:
        at_version.append(Post.scheduled_for == scheduled_for)
    async with db.transaction() as session:
        changed = await session.scalar(
            update(Post)
            .where(
                Post.id == post_id,
                Post.user_id == user_id,
                Post.deleted_at.is_(None),
                Post.status.in_(allowed_from),
                *at_version,
            )
            .values(**values, updated_at=store.now())
            .returning(Post),
            execution_options={"synchronize_session": False},
        )
        if changed is not None:
            await events.queue(session, announce)
    if changed is not None and announce:
        events.sent()
    return changed


async def mark_scheduled(
    *,
    db: Database,
    events: Outbox,
    media: media_pb2_grpc.MediaStub,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    account_id: uuid.UUID,
    scheduled_for: datetime,
    timezone: str,
    optimal_time_score: float | None,
    publish_now: bool = False,
) -> Post:
    """The post is complete enough to publish and now waits for scheduled_for; or, due now,
    is publishing already (so the first status anyone sees is that one)."""
    post = await store.read(db, user_id=user_id, post_id=post_id)
    _check_schedulable(post)
    await library_media.check_ready(media, user_id, store.content_of(post))
    status = PostStatus.PUBLISHING if publish_now else PostStatus.SCHEDULED
    if publish_now and (await approval_rules.rule_of(db, user_id)).applies_to(account_id):
        # Where approval is required, "now" is a due second like any: its gate decides.
        status = PostStatus.SCHEDULED
    # Kept with the post, to be compared with what it reaches (the calendar's analytics).
    predicted = await predictions.for_slot(
        db, post=post, account_id=account_id, score=optimal_time_score or 0.0
    )
    values = {
        "status": status,
        "account_id": account_id,
        "scheduled_for": scheduled_for,
        "timezone": timezone,
        "optimal_time_score": optimal_time_score,
        "last_error": None,
        "predicted_reach": predicted.reach,
        "predicted_reach_low": predicted.low,
        "predicted_reach_high": predicted.high,
    }
    if post.status == status:
        # Moved, not newly scheduled: the status stays, the time changes.
        announce = _time_change(post, scheduled_for, timezone)
    else:
        when = {"scheduled_for": scheduled_for.isoformat(), "timezone": timezone}
        announce = [_status_change(post, status, **when)]
    changed = await _apply(
        db,
        user_id=user_id,
        post_id=post_id,
        allowed_from=MAY_FOLLOW[PostStatus.SCHEDULED],
        values=values,
        events=events,
        announce=announce,
    )
    if changed is None:
        raise conflict("post_changed", "The post changed while it was being scheduled; try again")
    return changed


def _check_schedulable(post: Post) -> None:
    if post.template_name:
        raise conflict("post_is_template", "A template cannot be scheduled; create a post from it")
    if post.status not in MAY_FOLLOW[PostStatus.SCHEDULED]:
        raise conflict("post_locked", f"The post is {post.status}; it cannot be scheduled again")
    check_publishable(post)


@dataclass(frozen=True)
class ToSchedule:
    post_id: uuid.UUID
    account_id: uuid.UUID
    scheduled_for: datetime | None
    timezone: str
    optimal_time_score: float | None


MAX_AT_ONCE = 50

# One row per post for the single UPDATE ... FROM (VALUES ...) of mark_scheduled_many.
_MARK_COLUMNS = (
    column("id", UUID(as_uuid=True)),
    column("status", Text),
    column("account_id", UUID(as_uuid=True)),
    column("scheduled_for", DateTime(timezone=True)),
    column("timezone", Text),
    column("optimal_time_score", Float),
    column("predicted_reach", Float),
    column("predicted_reach_low", Float),
    column("predicted_reach_high", Float),
)


def _why(err: ServiceError) -> str:
    return "; ".join(f"{v.field}: {v.message}" for v in err.violations) or err.message


async def mark_scheduled_many(
    *,
    db: Database,
    events: Outbox,
    media: media_pb2_grpc.MediaStub,
    user_id: uuid.UUID,
    items: list[ToSchedule],
) -> list[Post]:
    """mark_scheduled for up to MAX_AT_ONCE posts (a calendar move), all or nothing: one
    read, one write and one commit for them all instead of one each. A refusal names
    each post (posts.<i>) that cannot be scheduled, and why; then nothing changed."""
    if not items or len(items) > MAX_AT_ONCE:
        raise invalid_field("posts", f"give 1 to {MAX_AT_ONCE} posts")
    if len({item.post_id for item in items}) != len(items):
        raise invalid_field("posts", "names a post twice")
    async with db.reading() as session:
        rows = await session.scalars(
            select(Post).where(Post.user_id == user_id, Post.id.in_([item.post_id for item in items]))
        )
        found = {post.id: post for post in rows}
    problems: list[Violation] = []
    for index, item in enumerate(items):
        try:
            post = found.get(item.post_id)
            if post is None:
                raise not_found("Post")
            if item.scheduled_for is None:
                raise invalid_field("scheduled_for", "is required")
            _check_schedulable(post)
            await library_media.check_ready(media, user_id, store.content_of(post))
        except ServiceError as err:
            problems.append(Violation(f"posts.{index}", f"post {item.post_id}: {_why(err)}"))
    if problems:
        raise ServiceError("conflict", "posts_not_scheduled", "None of the posts was scheduled", problems)
    marks, announce = [], []
    for item in items:
        post = found[item.post_id]
        predicted = await predictions.for_slot(
            db, post=post, account_id=item.account_id, score=item.optimal_time_score or 0.0
        )
        status = PostStatus.SCHEDULED
        marks.append(
            (
                item.post_id,
                str(status),
                item.account_id,
                item.scheduled_for,
                item.timezone,
                item.optimal_time_score,
                predicted.reach,
                predicted.low,
                predicted.high,
            )
        )
        if post.status == status:
            announce += _time_change(post, item.scheduled_for, item.timezone)
        else:
            when = {"scheduled_for": item.scheduled_for.isoformat(), "timezone": item.timezone}
            announce.append(_status_change(post, status, **when))
    marked = values(*_MARK_COLUMNS, name="marked").data(marks)
    async with db.transaction() as session:
        changed = list(
            await session.scalars(
                update(Post)
                .where(
                    Post.id == marked.c.id,
                    Post.user_id == user_id,
                    Post.deleted_at.is_(None),
                    Post.status.in_(MAY_FOLLOW[PostStatus.SCHEDULED]),
                )
                .values(
                    {
                        # Cast: a VALUES list's NULLs and floats have no type of their own.
                        **{c.name: cast(marked.c[c.name], c.type) for c in _MARK_COLUMNS if c.name != "id"},
                        "last_error": None,
                        "updated_at": store.now(),
                    }
                )
                .returning(Post),
                execution_options={"synchronize_session": False},
            )
        )
        if len(changed) != len(items):
            # Rolled back: one of them changed since it was read.
            raise conflict("post_changed", "A post changed while it was being scheduled; try again")
        await events.queue(session, announce)
    if announce:
        events.sent()
    return changed


def check_publishable(post: Post) -> None:
    """Raise what stands between the post's content and Instagram (every problem at once)."""
    if post.deleted_at is not None:
        raise conflict("post_deleted", "The post is deleted; restore it before scheduling it")
    if (post.options or {}).get("publish_myself"):
        raise conflict(
            "publish_myself",
            "You publish this post yourself: give it a planned time (scheduled_for) and you get a "
            "reminder then, with its media and caption. Postflow does not publish it",
        )
    rules.check(store.content_of(post), to_publish=True)


async def mark_unscheduled(*, db: Database, events: Outbox, user_id: uuid.UUID, post_id: uuid.UUID) -> Post:
    """Back to draft, keeping the time it had as a hint for the next schedule."""
    post = await store.read(db, user_id=user_id, post_id=post_id)
    if post.status != PostStatus.SCHEDULED:
        raise conflict("not_scheduled", f"The post is {post.status}, not scheduled")
    changed = await _apply(
        db,
        user_id=user_id,
        post_id=post_id,
        allowed_from=MAY_FOLLOW[PostStatus.DRAFT],
        values={"status": PostStatus.DRAFT},
        events=events,
        announce=[_status_change(post, PostStatus.DRAFT), *_time_change(post, None, None)],
    )
    if changed is None:
        raise conflict("post_changed", "The post changed meanwhile; reload it")
    return changed


async def record(
    *,
    db: Database,
    events: Outbox,
    user_id: uuid.UUID,
    post_id: uuid.UUID,
    status: PostStatus,
    instagram_media_id: str = "",
    permalink: str = "",
    published_at: datetime | None = None,
    error: str = "",
    expected_version: int = 0,
    expected_scheduled_for: datetime | None = None,
) -> Post:
    """Record progress or the outcome of publishing. The move to publishing is guarded by
    the version that was prepared: an edit saved after preparation is never published as
    the old content, nor lost."""
    if status not in RECORDED_BY_WORKER:
        raise invalid_field("status", f"must be one of {', '.join(RECORDED_BY_WORKER)}")
    values: dict = {"status": status}
    if status == PostStatus.PUBLISHED:
        values |= {
            "instagram_media_id": instagram_media_id or None,
            "permalink": permalink or None,
            "published_at": published_at,
            "last_error": None,
        }
    if status == PostStatus.FAILED:
        values["last_error"] = error or "Publishing failed"
    if status == PostStatus.NEEDS_RECONCILE:
        values["last_error"] = error or "Instagram may or may not have published the post"
    before = await store.read(db, user_id=user_id, post_id=post_id)
    if status == PostStatus.PUBLISHING and before.status == PostStatus.SCHEDULED:
        # The gated path (approvals.start_gated) moves approved posts; none moves here unapproved.
        rule = await approval_rules.rule_of(db, user_id)
        if rule.applies_to(before.account_id) and approvals.shown_status(before) != approvals.APPROVED:
            raise conflict("awaiting_approval", f"Version {before.version} of the post is not approved")
    version = expected_version if status == PostStatus.PUBLISHING else 0
    held_for = expected_scheduled_for if status == PostStatus.PUBLISHING else None
    announce = []
    if before.status != status:
        details = {}
        if status == PostStatus.PUBLISHED:
            details = {"permalink": permalink, "instagram_media_id": instagram_media_id}
        elif status in (PostStatus.FAILED, PostStatus.NEEDS_RECONCILE):
            details = {"error": values["last_error"]}
        announce = [_status_change(before, status, **details)]
    changed = await _apply(
        db,
        user_id=user_id,
        post_id=post_id,
        allowed_from=MAY_FOLLOW[status],
        values=values,
        version=version,
        scheduled_for=held_for,
        events=events,
        announce=announce,
    )
    if changed is None:
        post = await store.read(db, user_id=user_id, post_id=post_id)
        if held_for and post.scheduled_for != held_for and post.status in MAY_FOLLOW[status]:
            raise conflict(
                "post_moved",
                "The post was moved to another time while its publish waited",
                scheduled_for=post.scheduled_for.isoformat() if post.scheduled_for else "",
            )
        if version and post.version != version and post.status in MAY_FOLLOW[status]:
            raise conflict(
                "post_changed_since_prepared",
                f"The post was edited (version {post.version}) after version {version} was prepared",
                current_version=str(post.version),
            )
        raise conflict("post_changed", f"The post is {post.status}; it cannot become {status}")
    return changed


@dataclass(frozen=True)
class PublishingStart:
    user_id: uuid.UUID
    post_id: uuid.UUID
    expected_version: int
    expected_scheduled_for: datetime | None


MAX_STARTS = 500

_START_COLUMNS = (
    column("id", UUID(as_uuid=True)),
    column("user_id", UUID(as_uuid=True)),
    column("version", Integer),
    column("scheduled_for", DateTime(timezone=True)),
)


async def start_many(
    *, db: Database, events: Outbox, starts: list[PublishingStart]
) -> list[ServiceError | None]:
    """The move to publishing of a wave of posts due at the same second: one guarded UPDATE
    moves every scheduled post still at its prepared version and time (its events in the
    same transaction). The rest (a retried publish already publishing, a post edited, moved
    or deleted meanwhile) go the way of `record`, one by one, and come back as its error."""
    if len(starts) > MAX_STARTS:
        raise invalid_field("posts", f"at most {MAX_STARTS} at once, not {len(starts)}")
    if len({s.post_id for s in starts}) != len(starts):
        raise invalid_field("posts", "names a post twice")
    if not starts:
        return []
    # Posts of workspaces that require approval go one by one, through the approval gate.
    gated = await approval_rules.rules_of(db, {s.user_id for s in starts})
    free = [s for s in starts if s.user_id not in gated]
    done = await _start_wave(db, events, free) if free else set()
    decided: dict[uuid.UUID, ServiceError] = {}
    for one in starts:
        if one.user_id in gated:
            gate = await approvals.start_gated(
                db=db,
                events=events,
                rule=gated[one.user_id],
                user_id=one.user_id,
                post_id=one.post_id,
                expected_version=one.expected_version,
                expected_scheduled_for=one.expected_scheduled_for,
            )
            if gate.moved:
                done.add(one.post_id)
            elif gate.refusal is not None:
                decided[one.post_id] = gate.refusal
    if len(done) < len(starts):
        log.info("publishing: %d of %d posts moved in one write, the rest one by one", len(done), len(starts))
    results: list[ServiceError | None] = []
    for one in starts:
        if one.post_id in done:
            results.append(None)
            continue
        if one.post_id in decided:
            results.append(decided[one.post_id])
            continue
        try:
            await record(
                db=db,
                events=events,
                user_id=one.user_id,
                post_id=one.post_id,
                status=PostStatus.PUBLISHING,
                expected_version=one.expected_version,
                expected_scheduled_for=one.expected_scheduled_for,
            )
            results.append(None)
        except ServiceError as err:
            results.append(err)
    return results


async def _start_wave(db: Database, events: Outbox, starts: list[PublishingStart]) -> set[uuid.UUID]:
    """One guarded UPDATE for a wave's posts: those it moved."""
    wanted = values(*_START_COLUMNS, name="wanted").data(
        [(s.post_id, s.user_id, s.expected_version, s.expected_scheduled_for) for s in starts]
    )
    at = wanted.c
    # Cast: a VALUES column of NULLs alone would have no type of its own.
    held_for = cast(at.scheduled_for, DateTime(timezone=True))
    async with db.transaction() as session:
        moved = (
            await session.execute(
                update(Post)
                .where(
                    Post.id == at.id,
                    Post.user_id == at.user_id,
                    Post.deleted_at.is_(None),
                    Post.status == PostStatus.SCHEDULED,
                    Post.version == at.version,
                    or_(held_for.is_(None), Post.scheduled_for == held_for),
                )
                .values(status=PostStatus.PUBLISHING, updated_at=store.now())
                .returning(Post.id, Post.user_id),
                execution_options={"synchronize_session": False},
            )
        ).all()
        announce = [
            PostStatusUpdate(
                user_id=str(user_id),
                post_id=str(post_id),
                status=PostStatus.PUBLISHING,
                previous_status=PostStatus.SCHEDULED,
                metadata={},
            )
            for post_id, user_id in moved
        ]
        await events.queue(session, announce)
    if announce:
        events.sent()
    return {post_id for post_id, _ in moved}


def _time_change(before: Post, scheduled_for: datetime | None, timezone: str | None) -> list[Event]:
    """schedule_changed, if the post's publish time moved (None: off the schedule)."""
    previous = before.scheduled_for.isoformat() if before.scheduled_for else None
    new = scheduled_for.isoformat() if scheduled_for else None
    if new != previous or timezone != before.timezone:
        return [
            ScheduleChanged(
                user_id=str(before.user_id),
                post_id=str(before.id),
                scheduled_for=new,
                previous_scheduled_for=previous,
                timezone=timezone,
            )
        ]
    return []


def _status_change(before: Post, status: PostStatus, **metadata) -> Event:
    """post_status_update from before.status to status."""
    return PostStatusUpdate(
        user_id=str(before.user_id),
        post_id=str(before.id),
        status=status,
        previous_status=before.status,
        metadata=metadata,
    )
