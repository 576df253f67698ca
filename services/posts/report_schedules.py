"""Reports on a schedule: a workspace's analytics for a set of accounts, mailed weekly (the
last complete week, Monday to Sunday) or monthly (the last complete month) to the addresses
given, as a PDF with the same figures as CSV beside it. The worker's ReportWorkflow asks for
the schedules due, has each report made and mailed, and marks it sent (the next run is the
next Monday, or the next month's first day, at 08:00 in the schedule's zone)."""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select, update

from lib.common.db import Database
from lib.common.emails import is_email_address
from lib.common.errors import Violation, invalid, not_found
from lib.common.timezones import is_valid_zone
from services.posts.models import ReportSchedule

FREQUENCIES = ("weekly", "monthly")
MAX_RECIPIENTS = 10
MAX_NAME = 100
MAX_SCHEDULES = 50
SENT_AT = time(8, 0)


@dataclass
class DueReport:
    schedule: ReportSchedule
    start: date
    end: date


def period(frequency: str, zone: str, at: datetime) -> tuple[date, date]:
    """The last complete week (Monday to Sunday) or month before `at`, in the zone's days."""
    today = at.astimezone(ZoneInfo(zone)).date()
    if frequency == "weekly":
        this_monday = today - timedelta(days=today.weekday())
        return this_monday - timedelta(days=7), this_monday - timedelta(days=1)
    first = today.replace(day=1)
    last = first - timedelta(days=1)
    return last.replace(day=1), last


def next_run(frequency: str, zone: str, after: datetime) -> datetime:
    """The next Monday (weekly) or first of a month (monthly) at 08:00 in the zone, after `after`."""
    local = after.astimezone(ZoneInfo(zone))
    if frequency == "weekly":
        day = local.date() + timedelta(days=7 - local.weekday())
    else:
        day = (local.date().replace(day=1) + timedelta(days=32)).replace(day=1)
    return datetime.combine(day, SENT_AT, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _checked(
    name: str,
    frequency: str,
    recipients: list[str],
    zone: str,
    account_ids: list[str],
    known_accounts: set[str],
) -> list[uuid.UUID]:
    problems = []
    if not name.strip() or len(name) > MAX_NAME or any(not c.isprintable() for c in name):
        problems.append(Violation("name", f"must be 1 to {MAX_NAME} printable characters"))
    if frequency not in FREQUENCIES:
        problems.append(Violation("frequency", f"must be one of {', '.join(FREQUENCIES)}"))
    if not 1 <= len(recipients) <= MAX_RECIPIENTS:
        problems.append(Violation("recipients", f"must name 1 to {MAX_RECIPIENTS} email addresses"))
    problems += [
        Violation(f"recipients.{i}", "must be an email address like name@example.com")
        for i, address in enumerate(recipients)
        if not is_email_address(address)
    ]
    if not is_valid_zone(zone):
        problems.append(Violation("timezone", "must be an IANA time zone, e.g. Europe/Paris"))
    problems += [
        Violation(f"account_ids.{i}", "is not one of this workspace's connected accounts")
        for i, account in enumerate(account_ids)
        if account not in known_accounts
    ]
    if problems:
        raise invalid(problems)
    return [uuid.UUID(a) for a in dict.fromkeys(account_ids)]


async def create(
    db: Database,
    *,
    user_id: uuid.UUID,
    actor_id: uuid.UUID,
    name: str,
    frequency: str,
    recipients: list[str],
    account_ids: list[str],
    zone: str,
    known_accounts: set[str],
    now: datetime,
) -> ReportSchedule:
    accounts = _checked(name, frequency, recipients, zone, account_ids, known_accounts)
    async with db.transaction() as session:
        count = await session.scalar(
            select(func.count()).select_from(ReportSchedule).where(ReportSchedule.user_id == user_id)
        )
        if count >= MAX_SCHEDULES:
            raise invalid([Violation("name", f"a workspace keeps at most {MAX_SCHEDULES} report schedules")])
        schedule = ReportSchedule(
            user_id=user_id,
            created_by=actor_id,
            name=name.strip(),
            frequency=frequency,
            recipients=[r.strip() for r in dict.fromkeys(recipients)],
            account_ids=accounts,
            timezone=zone,
            next_run_at=next_run(frequency, zone, now),
        )
        session.add(schedule)
        await session.flush()
        await session.refresh(schedule)
        return schedule


async def list_of(db: Database, *, user_id: uuid.UUID) -> list[ReportSchedule]:
    async with db.reading() as session:
        found = await session.scalars(
            select(ReportSchedule)
            .where(ReportSchedule.user_id == user_id)
            .order_by(ReportSchedule.created_at)
        )
        return list(found)


async def remove(db: Database, *, user_id: uuid.UUID, schedule_id: uuid.UUID) -> None:
    async with db.transaction() as session:
        gone = await session.scalar(
            delete(ReportSchedule)
            .where(ReportSchedule.id == schedule_id, ReportSchedule.user_id == user_id)
            .returning(ReportSchedule.id)
        )
    if gone is None:
        raise not_found("Report schedule")


async def send_now(
    db: Database, *, user_id: uuid.UUID, schedule_id: uuid.UUID, now: datetime
) -> ReportSchedule:
    """Due at once (the next round mails it); then as before."""
    async with db.transaction() as session:
        found = await session.scalar(
            update(ReportSchedule)
            .where(ReportSchedule.id == schedule_id, ReportSchedule.user_id == user_id)
            .values(next_run_at=now)
            .returning(ReportSchedule)
        )
    if found is None:
        raise not_found("Report schedule")
    return found


async def due(db: Database, *, now: datetime, limit: int) -> list[DueReport]:
    async with db.reading() as session:
        found = await session.scalars(
            select(ReportSchedule)
            .where(ReportSchedule.next_run_at <= now)
            .order_by(ReportSchedule.next_run_at)
            .limit(limit)
        )
        return [DueReport(s, *period(s.frequency, s.timezone, now)) for s in found]


async def mark_sent(
    db: Database, *, schedule_id: uuid.UUID, run_at: datetime, error: str, now: datetime
) -> bool:
    """The run at `run_at` is over (sent, or `error`): the next one is set. False when
    another worker marked it first (a run is mailed once per round that saw it due)."""
    async with db.transaction() as session:
        schedule = await session.get(ReportSchedule, schedule_id, with_for_update=True)
        if schedule is None or schedule.next_run_at != run_at:
            return False
        schedule.next_run_at = next_run(schedule.frequency, schedule.timezone, now)
        schedule.last_error = error[:1000]
        if not error:
            schedule.last_sent_at = now
        return True
