"""Scheduling or unscheduling many posts at once, each post succeeding or failing on its own."""

import uuid
from datetime import timedelta

from lib.common import bulk_requests, time_text
from lib.common.errors import ServiceError, Violation, invalid
from services.scheduler import accounts
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
    account_id = str((await accounts.chosen(db=scheduler.db, user_id=user_id, account_id=account_id)).id)
    zone = await scheduler.zone_for(user_id, zone)
    for post_id, local in zip(post_ids, wanted, strict=True):
        try:
            scheduled = await scheduler.schedule(
                user_id=user_id, post_id=post_id, account_id=account_id, local=local, zone=zone, prefer=prefer
            )
            results.append(ItemResult(post_id, True, value=scheduled))
        except ServiceError as err:
            results.append(ItemResult(post_id, False, err.code, err.message))
    return results
