"""Recurring posts: an RFC 5545 RRULE (python-dateutil) expanded in the post's time zone.

The rule runs on the wall clock of the zone (every Monday 09:00 stays 09:00 across
daylight-saving changes). An occurrence inside a spring-forward gap is published at the
same instant a clock would show after the jump (02:30 -> 03:30); one inside a fall-back
overlap at the first of the two (summer time).

dateutil scans from the rule's start for every question, and scans until the year 9999
for a rule that matches nothing (30 February: seconds of CPU). So the rule parts are
limited to those a planner needs, day-of-month parts that no listed month has are
refused, every rule is bounded by a horizon that depends on its frequency, and minute-
or second-level rules must carry a COUNT.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule as rfc5545

from services.common.errors import Violation, invalid
from services.common.timezones import is_valid_zone

MAX_RULE_LENGTH = 500
MAX_SHORT_COUNT = 500
# frequency -> how far from the start a series may run
HORIZONS = {
    rfc5545.YEARLY: timedelta(days=366 * 20),
    rfc5545.MONTHLY: timedelta(days=366 * 20),
    rfc5545.WEEKLY: timedelta(days=366 * 20),
    rfc5545.DAILY: timedelta(days=366 * 20),
    rfc5545.HOURLY: timedelta(days=366 * 2),
    rfc5545.MINUTELY: timedelta(days=7),
    rfc5545.SECONDLY: timedelta(days=1),
}
SHORT_FREQUENCIES = (rfc5545.MINUTELY, rfc5545.SECONDLY)
PARTS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYHOUR", "BYMINUTE", "WKST")
MAX_INTERVAL = 1000
# Series start within these years (dates near 9999 overflow the expansion).
START_YEARS = (2000, 2100)
# The most days each month can have (February: leap years).
MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class Rule:
    rrule: str
    timezone: str
    # Naive, on the zone's wall clock: the first occurrence unless the rule says otherwise.
    start: datetime


def parse(rrule_text: str, start_text: str, zone: str) -> Rule:
    """A rule that can be expanded; every problem is a violation naming its field."""
    problems = []
    text = rrule_text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    if not is_valid_zone(zone):
        problems.append(Violation("timezone", f"{zone!r} is not an IANA time zone such as Europe/Paris"))
    try:
        start = datetime.fromisoformat(start_text)
        if start.tzinfo is not None:
            raise ValueError
    except ValueError:
        start = None
        problems.append(Violation("start_time", "must be a local date and time like 2027-03-28T09:30"))
    if start is not None and not START_YEARS[0] <= start.year <= START_YEARS[1]:
        start = None
        problems.append(Violation("start_time", f"must be between {START_YEARS[0]} and {START_YEARS[1]}"))
    if not text or len(text) > MAX_RULE_LENGTH or "\n" in text or "DTSTART" in text.upper():
        problems.append(
            Violation("rrule", f"must be one RRULE of at most {MAX_RULE_LENGTH} characters, without DTSTART")
        )
    elif start is not None:
        problem = _rule_problem(text, start)
        if problem:
            problems.append(Violation("rrule", problem))
    if problems:
        raise invalid(problems)
    return Rule(text, zone, start)


def _parts(text: str) -> dict[str, str]:
    return dict(part.partition("=")[::2] for part in text.upper().split(";") if part)


def _impossible_days(parts: dict[str, str]) -> bool:
    """BYMONTHDAY values that none of the BYMONTH months has (30 February)."""
    if "BYMONTHDAY" not in parts or "BYMONTH" not in parts:
        return False
    try:
        days = [abs(int(d)) for d in parts["BYMONTHDAY"].split(",")]
        months = [int(m) for m in parts["BYMONTH"].split(",")]
        return not any(day <= MONTH_DAYS[month - 1] for day in days for month in months if 1 <= month <= 12)
    except ValueError:
        return False  # dateutil names the malformed value


def _rule_problem(text: str, start: datetime) -> str:
    parts = _parts(text)
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        return f"{', '.join(unknown)} is not supported; use {', '.join(PARTS)}"
    if _impossible_days(parts):
        return "BYMONTHDAY names days that none of the BYMONTH months has"
    if parts.get("UNTIL", "").endswith("Z"):
        return "UNTIL must be a local time in the series' zone (no Z suffix)"
    # dateutil loops forever on INTERVAL=0 and fails late on a negative one.
    if "INTERVAL" in parts and not (
        parts["INTERVAL"].isdigit() and 1 <= int(parts["INTERVAL"]) <= MAX_INTERVAL
    ):
        return f"INTERVAL must be a whole number from 1 to {MAX_INTERVAL}"
    try:
        rule = rfc5545.rrulestr(text, dtstart=start)
    except (ValueError, TypeError, OverflowError) as err:
        return f"is not an RFC 5545 RRULE ({err})"
    if not isinstance(rule, rfc5545.rrule):
        return "must be a single RRULE"
    # dateutil exposes no public accessors for these.
    if rule._freq in SHORT_FREQUENCIES and not (rule._count and rule._count <= MAX_SHORT_COUNT):
        return f"a rule repeating every minute or second needs COUNT (at most {MAX_SHORT_COUNT})"
    return ""


def _wall_times(rule: Rule) -> Iterator[datetime]:
    """The rule's occurrences on the wall clock, from its start, within its horizon."""
    parsed = rfc5545.rrulestr(rule.rrule, dtstart=rule.start)
    end = rule.start + HORIZONS[parsed._freq]
    count = parsed._count
    until = min(parsed._until, end) if parsed._until else end
    bounded = parsed.replace(count=None, until=until)
    for index, moment in enumerate(bounded):
        if count is not None and index >= count:
            return
        yield moment


def occurrences(rule: Rule, after: datetime, limit: int) -> list[datetime]:
    """Up to `limit` UTC instants strictly after `after` (aware)."""
    zone = ZoneInfo(rule.timezone)
    found: list[datetime] = []
    for wall in _wall_times(rule):
        moment = wall.replace(tzinfo=zone).astimezone(UTC)
        if moment <= after or (found and moment <= found[-1]):
            continue  # past, or a wall time that DST maps onto an instant already taken
        found.append(moment)
        if len(found) >= limit:
            break
    return found


def closest_spacing(instants: list[datetime]) -> timedelta | None:
    """The shortest time between two consecutive instants (None for fewer than two)."""
    gaps = [b - a for a, b in zip(instants, instants[1:], strict=False)]
    return min(gaps) if gaps else None
