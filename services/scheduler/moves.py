"""Moving posts on the calendar (its drag and drop): up to 50 posts to new local times in
one request, all or nothing.

Every move is checked before anything moves: the time (a daylight-saving gap, the past),
the post (only scheduled posts and planned drafts move), and for scheduled posts the
account's minimum gap and publishing limit, counting the other moving posts at their new
times. A refusal names every move that cannot be made and why; then each scheduled post is
marked (all in one write to the posts service) and its sleeping workflow moved, and each
planned draft gets its new planned time.
"""

import logging
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from lib.common.errors import ServiceError, Violation, conflict, invalid
from lib.common.grpc_errors import ask
from lib.common.proto_time import to_timestamp
from lib.post_status import PostStatus
from protos import posts_pb2
from services.scheduler import accounts, claims, concurrently
from services.scheduler.models import InstagramAccount
from services.scheduler.scheduling import Scheduled, Scheduler

MAX_MOVES = 50


@dataclass
class Move:
    post_id: str
    scheduled_time: str
    timezone: str


@dataclass
class Checked:
    move: Move
    post: posts_pb2.Post
    scheduled: Scheduled

    @property
    def planned(self) -> bool:
        return PostStatus.from_proto(self.post.status) == PostStatus.DRAFT


async def _check_one(scheduler: Scheduler, user_id: uuid.UUID, move: Move, zone: str, prefer: str) -> Checked:
    post = await scheduler.require_own_post(user_id, move.post_id)
    status = PostStatus.from_proto(post.status)
    if status not in (PostStatus.DRAFT, PostStatus.SCHEDULED):
        raise conflict("post_locked", f"it is {status}; only scheduled posts and planned drafts move")
    scheduled = await scheduler.resolve(user_id, move.scheduled_time, zone, prefer)
    if scheduled.publish_now:
        raise invalid([Violation("scheduled_time", "is not in the future: a move needs a time ahead")])
    return Checked(move, post, scheduled)


log = logging.getLogger(__name__)


def _is_id(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _why(err: ServiceError) -> str:
    return "; ".join(v.message for v in err.violations) or err.message


async def move(
    scheduler: Scheduler, *, user_id: uuid.UUID, moves: list[Move], prefer: str, dry_run: bool = False
) -> list[Checked]:
    """The moves made (or, with `dry_run`, the moves that would be made: nothing moves)."""
    if not moves:
        raise invalid([Violation("moves", "give at least one move")])
    if len(moves) > MAX_MOVES:
        raise invalid([Violation("moves", f"at most {MAX_MOVES} posts move at once")])
    ids = [m.post_id for m in moves]
    if len(set(ids)) != len(ids):
        raise invalid([Violation("moves", "names a post twice")])
    if dry_run:
        # Only reads: no claim, so a drag's checks never hold up a schedule or a move.
        return await _checked(scheduler, user_id, moves, prefer)
    # One statement claims them all. A malformed id is nobody's post: its move is refused by
    # name below, like any unknown post.
    async with claims.claimed_all(scheduler.db, list(filter(_is_id, ids))):
        began = time.perf_counter()
        done = await _checked(scheduler, user_id, moves, prefer)
        checked = time.perf_counter()
        await _apply(scheduler, user_id, done)
        log.info(
            "moved %d posts: checks %.0f ms, moves %.0f ms",
            len(done),
            (checked - began) * 1000,
            (time.perf_counter() - checked) * 1000,
        )
        return done


async def _checked(scheduler: Scheduler, user_id: uuid.UUID, moves: list[Move], prefer: str) -> list[Checked]:
    """Every move checked; the refusal of those that cannot be made, else all of them."""
    problems: list[Violation] = []
    checked: list[tuple[int, Checked]] = []
    # The user's own zone, asked once for all the moves that name none.
    own_zone = await scheduler.zone_for(user_id, "") if any(not m.timezone for m in moves) else ""
    outcomes = await concurrently.each(
        moves, lambda one: _check_one(scheduler, user_id, one, one.timezone or own_zone, prefer)
    )
    for index, (one, outcome) in enumerate(zip(moves, outcomes, strict=True)):
        if isinstance(outcome, ServiceError):
            problems.append(Violation(f"moves.{index}", f"post {one.post_id}: {_why(outcome)}"))
        elif isinstance(outcome, BaseException):
            raise outcome
        else:
            checked.append((index, outcome))
    # The posts that can move count at their new times in each other's calendar checks.
    moving = {
        c.move.post_id: (uuid.UUID(c.post.account_id), c.scheduled.resolved.utc)
        for _, c in checked
        if not c.planned and c.post.HasField("account_id")
    }
    rows: dict[str, InstagramAccount | ServiceError] = {}  # each account read once
    for _, one in checked:
        account_id = one.post.account_id
        if not one.planned and account_id not in rows:
            try:
                rows[account_id] = await accounts.connected(
                    db=scheduler.db, user_id=user_id, account_id=account_id
                )
            except ServiceError as err:
                rows[account_id] = err

    scheduled = [(index, one) for index, one in checked if not one.planned]
    # Each account's scheduled posts around all its moves, read once.
    known: dict[str, dict[str, datetime]] = {}
    day = timedelta(hours=24)
    for account_id, row in rows.items():
        times = [one.scheduled.resolved.utc for _, one in scheduled if one.post.account_id == account_id]
        if times and not isinstance(row, ServiceError):
            known[account_id] = await scheduler.scheduled_on_account(
                user_id, row.id, min(times) - day, max(times) + day, skip=""
            )

    async def fits(one: Checked) -> None:
        account = rows[one.post.account_id]
        if isinstance(account, ServiceError):
            raise account
        await scheduler.check_calendar(
            user_id, one.move.post_id, account, one.scheduled, moving, known=known[one.post.account_id]
        )

    outcomes = await concurrently.each([one for _, one in scheduled], fits)
    for (index, one), outcome in zip(scheduled, outcomes, strict=True):
        if isinstance(outcome, ServiceError):
            problems.append(Violation(f"moves.{index}", f"post {one.move.post_id}: {_why(outcome)}"))
        elif isinstance(outcome, BaseException):
            raise outcome
    problems.sort(key=lambda v: int(v.field.split(".")[1]))
    if problems:
        raise ServiceError(
            "conflict",
            "moves_refused",
            f"Nothing moved: {len(problems)} of {len(moves)} moves cannot be made",
            problems,
        )
    return [one for _, one in checked]


async def _apply(scheduler: Scheduler, user_id: uuid.UUID, done: list[Checked]) -> None:
    # Every scheduled post marked in one write, then each sleeping workflow moved.
    marks = [
        (one.move.post_id, one.post.account_id, one.scheduled, one.post.content.post_type)
        for one in done
        if not one.planned
    ]
    if marks:
        await scheduler.mark_many(user_id, marks)

    async def apply(one: Checked) -> None:
        if one.planned:
            await ask(
                scheduler.posts.MovePlannedTime(
                    posts_pb2.MovePlannedTimeRequest(
                        user_id=str(user_id),
                        post_id=one.move.post_id,
                        planned_for=to_timestamp(one.scheduled.resolved.utc),
                        timezone=one.scheduled.resolved.zone,
                    ),
                    timeout=10,
                )
            )
        else:
            await scheduler.wake(one.move.post_id, one.scheduled)

    for outcome in await concurrently.each(done, apply):
        if isinstance(outcome, BaseException):
            raise outcome
