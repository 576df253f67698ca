"""Schedule templates: a named set of weekly slots in a zone ("Mon/Wed/Fri 09:00, Sat 11:00")
that a user saves, then applies to a list of posts: each post goes to the next free slot.

A slot is free when it is ahead, exists on that day (a time the clocks skip is passed
over; one they repeat is taken the first time), keeps the account's minimum gap from its
scheduled posts, and stays within its publishing limit in any 24 hours."""

import bisect
import itertools
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lib.common import bulk_requests, owned_rows, time_text
from lib.common.db import Database
from lib.common.errors import ServiceError, Violation, conflict, invalid
from lib.common.timezones import is_valid_zone
from services.scheduler import accounts, best_times, local_time
from services.scheduler.models import ScheduleTemplate
from services.scheduler.scheduling import MIN_NOTICE, Scheduled, Scheduler

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MAX_NAME = 100
MAX_SLOTS = 50
MAX_TEMPLATES = 100
WHAT = "Schedule template"
# How far ahead applying a template looks for free slots.
HORIZON = timedelta(days=366)
# Refusals that mean "this slot is taken after all" (a post scheduled meanwhile): next slot.
SLOT_TAKEN = ("schedule_conflict", "publishing_limit")


@dataclass(frozen=True)
class TemplateFields:
    name: str
    zone: str
    # (weekday name, HH:MM)
    slots: list[tuple[str, str]]


def _values(fields: TemplateFields) -> dict:
    problems = []
    name = fields.name.strip()
    if not name or len(fields.name) > MAX_NAME or any(not ch.isprintable() for ch in fields.name):
        problems.append(Violation("name", f"must be 1 to {MAX_NAME} printable characters"))
    if not is_valid_zone(fields.zone):
        problems.append(Violation("timezone", "must be an IANA time zone, e.g. Europe/Paris"))
    if not 1 <= len(fields.slots) <= MAX_SLOTS:
        problems.append(Violation("slots", f"give 1 to {MAX_SLOTS} weekly slots"))
    slots = set()
    for index, (weekday, at) in enumerate(fields.slots[:MAX_SLOTS]):
        if weekday.strip().lower() not in WEEKDAYS:
            problems.append(Violation(f"slots.{index}.weekday", f"must be one of {', '.join(WEEKDAYS)}"))
        elif not TIME.match(at):
            problems.append(Violation(f"slots.{index}.time", "must be a local time like 09:30"))
        else:
            slots.add((WEEKDAYS.index(weekday.strip().lower()), at))
    if problems:
        raise invalid(problems)
    return {
        "name": name,
        "timezone": fields.zone,
        "slots": [{"weekday": day, "time": at} for day, at in sorted(slots)],
    }


def _name_taken(name: str) -> ServiceError:
    return conflict(
        "schedule_template_exists", f"You already have a schedule template named {name.strip()!r}"
    )


async def create(db: Database, *, user_id: uuid.UUID, fields: TemplateFields) -> ScheduleTemplate:
    values = _values(fields)
    return await owned_rows.create(
        db,
        ScheduleTemplate,
        user_id=user_id,
        values=values,
        limit=MAX_TEMPLATES,
        taken=lambda: _name_taken(fields.name),
    )


async def list_of(db: Database, *, user_id: uuid.UUID) -> list[ScheduleTemplate]:
    async with db.reading() as session:
        return list(
            await session.scalars(
                select(ScheduleTemplate)
                .where(ScheduleTemplate.user_id == user_id)
                .order_by(ScheduleTemplate.name)
            )
        )


async def get(db: Database, *, user_id: uuid.UUID, template_id: uuid.UUID) -> ScheduleTemplate:
    return await owned_rows.read(db, ScheduleTemplate, user_id=user_id, row_id=template_id, what=WHAT)


async def replace(
    db: Database, *, user_id: uuid.UUID, template_id: uuid.UUID, fields: TemplateFields
) -> ScheduleTemplate:
    values = _values(fields)
    return await owned_rows.replace(
        db,
        ScheduleTemplate,
        user_id=user_id,
        row_id=template_id,
        values=values,
        what=WHAT,
        taken=lambda: _name_taken(fields.name),
    )


async def remove(db: Database, *, user_id: uuid.UUID, template_id: uuid.UUID) -> ScheduleTemplate:
    return await owned_rows.remove(db, ScheduleTemplate, user_id=user_id, row_id=template_id, what=WHAT)


def upcoming(template: ScheduleTemplate, not_before: datetime, until: datetime) -> Iterator[datetime]:
    """The template's slots from not_before to until, in time order, as UTC instants."""
    zone = ZoneInfo(template.timezone)
    day = not_before.astimezone(zone).date()
    while datetime.combine(day, time(0), tzinfo=zone) <= until:
        for slot in template.slots:
            if slot["weekday"] != day.weekday():
                continue
            wall = datetime.combine(day, time.fromisoformat(slot["time"]))
            try:
                instant = local_time.resolve(wall, template.timezone).utc
            except ServiceError:
                continue  # skipped by the clocks that day
            if not_before <= instant <= until:
                yield instant
        day += timedelta(days=1)


def _first_day(text: str, zone: str) -> date:
    if not text:
        return datetime.now(ZoneInfo(zone)).date()
    problems: list[Violation] = []
    day = time_text.parse_day(text, "start_date", problems)
    if day is None:
        raise invalid(problems)
    return day


async def apply(
    scheduler: Scheduler,
    *,
    user_id: uuid.UUID,
    template_id: uuid.UUID,
    post_ids: list[str],
    account_id: str,
    start_date: str,
    max_items: int,
) -> list[bulk_requests.ItemResult[Scheduled]]:
    """Schedule each post, in the order given, into the template's next free slot. Each post
    succeeds or fails on its own; a post that fails takes no slot."""
    problems = bulk_requests.problems(
        action="schedule", actions=("schedule",), post_ids=post_ids, max_items=max_items
    )
    if len(set(post_ids)) != len(post_ids):
        problems.append(Violation("post_ids", "names a post twice"))
    if problems:
        raise invalid(problems)
    template = await get(scheduler.db, user_id=user_id, template_id=template_id)
    zone = ZoneInfo(template.timezone)
    first = datetime.combine(_first_day(start_date, template.timezone), time(0), tzinfo=zone)
    not_before = max(first.astimezone(UTC), datetime.now(UTC) + MIN_NOTICE + timedelta(minutes=1))
    until = min(not_before + HORIZON, datetime(time_text.LAST_YEAR, 12, 31, tzinfo=UTC))
    account = await accounts.chosen(db=scheduler.db, user_id=user_id, account_id=account_id)
    taken = await scheduler.scheduled_on_account(
        user_id, account.id, not_before - timedelta(days=1), until + timedelta(days=1), skip=""
    )
    occupied = sorted(taken.values())
    gap = timedelta(minutes=accounts.min_gap(account, scheduler.settings))
    limit = await scheduler.publish_limit(user_id, account.id)
    slots = upcoming(template, not_before, until)
    results = []
    for post_id in post_ids:
        while True:
            slot = next(slots, None)
            if slot is None:
                results.append(
                    bulk_requests.ItemResult(post_id, False, "no_free_slot", "No free slot in the next year")
                )
                break
            if not best_times.fits(slot, occupied, gap, limit):
                continue
            try:
                scheduled = await scheduler.schedule(
                    user_id=user_id,
                    post_id=post_id,
                    account_id=str(account.id),
                    local=slot.isoformat(),
                    zone=template.timezone,
                    prefer="earlier",
                )
            except ServiceError as err:
                if err.code in SLOT_TAKEN:
                    continue
                results.append(bulk_requests.ItemResult(post_id, False, err.code, err.message))
                slots = itertools.chain([slot], slots)  # the slot stays free for the next post
                break
            bisect.insort(occupied, scheduled.resolved.utc)
            results.append(bulk_requests.ItemResult(post_id, True, value=scheduled))
            break
    return results
