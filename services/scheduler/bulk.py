"""Scheduling or unscheduling many posts at once, each post succeeding or failing on its own."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from lib.common import bulk_requests, time_text
from lib.common.errors import ServiceError, Violation, invalid
from lib.common.ids import parse_id
from protos import posts_pb2
from services.scheduler import accounts, claims, concurrently
from services.scheduler.models import InstagramAccount
from services.scheduler.scheduling import Scheduled, Scheduler

ACTIONS = ("schedule", "unschedule")


ItemResult = bulk_requests.ItemResult[Scheduled]


def local_times(*, count: int, start: str, interval_minutes: float, times: list[str]) -> list[str]:
    """One local time per post: the given list, or start + i * interval."""
    if times:
        if len(times) != count:
            raise invalid([Violation("times", f"give one time per post: {count}, not {len(times)}")])
        return times
    if not start:
        raise invalid([Violation("start_time", "give start_time and interval_minutes, or times")])
    if interval_minutes < 0:
        raise invalid([Violation("interval_minutes", "must not be negative")])
    first = time_text.parse(start, "start_time")
    return [(first + timedelta(minutes=i * interval_minutes)).isoformat() for i in range(count)]


async def run(
    scheduler: Scheduler,
    *,
    user_id: uuid.UUID,
    action: str,
    post_ids: list[str],
    account_id: str,
    zone: str,
    start: str,
    interval_minutes: float,
    times: list[str],
    prefer: str,
    max_items: int,
) -> list[ItemResult]:
    problems = bulk_requests.problems(action=action, actions=ACTIONS, post_ids=post_ids, max_items=max_items)
    if problems:
        raise invalid(problems)
    results = []
    if action == "unschedule":
        for post_id in post_ids:
            try:
                await scheduler.unschedule(user_id=user_id, post_id=post_id)
                results.append(ItemResult(post_id, True))
            except ServiceError as err:
                results.append(ItemResult(post_id, False, err.code, err.message))
        return results
    wanted = local_times(count=len(post_ids), start=start, interval_minutes=interval_minutes, times=times)
    # Defaults found once for the whole batch, not once per post.
    account = await accounts.chosen(db=scheduler.db, user_id=user_id, account_id=account_id)
    zone = await scheduler.zone_for(user_id, zone)
    items = list(zip(post_ids, wanted, strict=True))
    return await _schedule_all(scheduler, user_id, account, items, zone, prefer)


@dataclass
class _Checked:
    post_id: str
    post: posts_pb2.Post
    scheduled: Scheduled


async def _schedule_all(
    scheduler: Scheduler,
    user_id: uuid.UUID,
    account: InstagramAccount,
    items: list[tuple[str, str]],
    zone: str,
    prefer: str,
) -> list[ItemResult]:
    """Each (post id, local time) scheduled on the account, each on its own. The posts are
    checked at once, the calendar once for all of them (in the request's order, each
    counting the ones before it), then marked and started at once."""
    results: list[ItemResult | None] = [None] * len(items)
    keys: dict[int, uuid.UUID] = {}
    for index, (post_id, _) in enumerate(items):
        try:
            key = parse_id(post_id, "Post")
        except ServiceError as err:
            results[index] = _failed(post_id, err)
            continue
        if key in keys.values():
            results[index] = ItemResult(post_id, False, "duplicate_post", "The request names this post twice")
        else:
            keys[index] = key
    async with claims.claimed_some(scheduler.db, list(keys.values())) as claimed:

        async def check(index: int) -> _Checked:
            post_id, local = items[index]
            if keys[index] not in claimed:
                raise claims.in_progress(keys[index])
            scheduled = await scheduler.resolve(user_id, local, zone, prefer)
            return _Checked(post_id, await scheduler.not_yet_scheduled(user_id, post_id), scheduled)

        checked = _keep(results, items, list(keys), await concurrently.each(list(keys), check))
        known: dict[str, datetime] = {}
        if checked:
            times = [one.scheduled.resolved.utc for one in checked.values()]
            day = timedelta(hours=24)
            known = await scheduler.scheduled_on_account(
                user_id, account.id, min(times) - day, max(times) + day, skip=""
            )
        fitting: dict[str, tuple[uuid.UUID, datetime]] = {}
        for index, one in sorted(checked.items()):
            try:
                await scheduler.check_calendar(
                    user_id, one.post_id, account, one.scheduled, moving=fitting, known=known
                )
            except ServiceError as err:
                results[index] = _failed(one.post_id, err)
                del checked[index]
                continue
            fitting[one.post_id] = (account.id, one.scheduled.resolved.utc)

        async def start(index: int) -> Scheduled:
            one = checked[index]
            await scheduler.start(user_id, one.post_id, account.id, one.scheduled, one.post.content.post_type)
            return one.scheduled

        started = _keep(results, items, list(checked), await concurrently.each(list(checked), start))
    for index, scheduled in started.items():
        results[index] = ItemResult(items[index][0], True, value=scheduled)
    return results


def _failed(post_id: str, err: ServiceError) -> ItemResult:
    return ItemResult(post_id, False, err.code, err.message)


def _keep(results: list[ItemResult | None], items: list[tuple[str, str]], indexes: list[int], outcomes: list):
    """index -> outcome for the items that succeeded; the others' errors go into results."""
    kept = {}
    for index, outcome in zip(indexes, outcomes, strict=True):
        if isinstance(outcome, ServiceError):
            results[index] = _failed(items[index][0], outcome)
        elif isinstance(outcome, BaseException):
            raise outcome
        else:
            kept[index] = outcome
    return kept
