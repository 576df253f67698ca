"""Recurring posts: an RFC 5545 RRULE (python-dateutil) expanded in the post's time zone.

The rule runs on the wall clock of the zone (every Monday 09:00 stays 09:00 across
daylight-saving changes). An occurrence inside a spring-forward gap is published at the
same instant a clock would show after the jump (02:30 -> 03:30); one inside a fall-back
overlap at the first of the two (summer time).

dateutil scans from the rule's start for every question, and scans until the year 9999
for a rule that matches nothing (30 February: seconds of CPU). So the rule parts are
limited to those a planner needs, day-of-month parts that no listed month has are
refused, every rule is bounded by a horizon that depends on its frequency, minute- or
second-level rules must carry a COUNT, no rule may make more posts in a day than Instagram
publishes, and a COUNT is bounded. A question about the occurrences after a time starts
from the rule's last period before that time, not from its start (a rule begun 20 years
ago costs what a new one does), and every expansion has a deadline.
"""

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule as rfc5545
from dateutil.relativedelta import relativedelta

from lib.common.errors import Violation, invalid, invalid_field
from lib.common.timezones import is_valid_zone

MAX_RULE_LENGTH = 500
MAX_SHORT_COUNT = 500
MAX_COUNT = 10_000
# Instagram publishes at most 100 posts of an account in 24 hours.
MAX_PER_DAY = 100
# CPU one expansion may take before it is refused.
EXPANSION_SECONDS = 2.0
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
    rule = Rule(text, zone, start)
    # Some contradictions show only once expanded: refuse them now, not when a post is due.
    first_instant = start.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC) - timedelta(seconds=1)
    occurrences(rule, first_instant, 1)
    return rule


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


# part -> the values RFC 5545 allows (dateutil accepts some others, then fails while
# expanding: BYMONTH=0 with BYDAY=2TU).
RANGES = {
    "BYMONTH": (range(1, 13),),
    "BYMONTHDAY": (range(1, 32), range(-31, 0)),
    "BYHOUR": (range(0, 24),),
    "BYMINUTE": (range(0, 60),),
}


def _out_of_range(parts: dict[str, str]) -> str:
    for part, allowed in RANGES.items():
        if part not in parts:
            continue
        for value in parts[part].split(","):
            try:
                number = int(value)
            except ValueError:
                return f"{part} must list whole numbers, not {value[:20]!r}"
            if not any(number in r for r in allowed):
                low, high = (allowed[-1].start, allowed[0].stop - 1)
                return f"{part} values must be from {low} to {high}" + (
                    " (not 0)" if len(allowed) > 1 else ""
                )
    return ""


def _rule_problem(text: str, start: datetime) -> str:
    parts = _parts(text)
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        return f"{', '.join(unknown)} is not supported; use {', '.join(PARTS)}"
    if problem := _out_of_range(parts):
        return problem
    if _impossible_days(parts):
        return "BYMONTHDAY names days that none of the BYMONTH months has"
    if "COUNT" in parts and "UNTIL" in parts:
        return "give COUNT or UNTIL, not both (RFC 5545)"
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
    if rule._freq in SHORT_FREQUENCIES:
        if not (rule._count and rule._count <= MAX_SHORT_COUNT):
            return f"a rule repeating every minute or second needs COUNT (at most {MAX_SHORT_COUNT})"
        # At most this many in any 24 hours (an upper bound: BYHOUR or BYMINUTE only thin it).
        step = rule._interval * (60 if rule._freq == rfc5545.MINUTELY else 1)
        if (per_day := min(rule._count, -(-24 * 3600 // step))) > MAX_PER_DAY:
            return f"makes up to {per_day} posts a day; Instagram publishes at most {MAX_PER_DAY}"
        return ""
    if rule._count and rule._count > MAX_COUNT:
        return f"COUNT must be at most {MAX_COUNT}"
    if (per_day := _most_per_day(rule)) > MAX_PER_DAY:
        return f"makes up to {per_day} posts a day; Instagram publishes at most {MAX_PER_DAY}"
    return ""


def _most_per_day(rule: rfc5545.rrule) -> int:
    """The most occurrences the rule can have on one day (hourly and slower rules)."""
    # dateutil fills the parts a rule leaves out from its start (one value each).
    minutes, seconds = len(rule._byminute or ()) or 1, len(rule._bysecond or ()) or 1
    if rule._freq == rfc5545.HOURLY:
        hours = len(rule._byhour) if rule._byhour else -(-24 // rule._interval)
    else:
        hours = len(rule._byhour or ()) or 1
    return hours * minutes * seconds


def _moved_forward(parsed: rfc5545.rrule, start: datetime, near: datetime) -> rfc5545.rrule:
    """The same rule, starting at its last whole period (INTERVAL x FREQ) at least a period
    before `near`: the occurrences from there on are the same, without the scan from start.
    Only whole periods are skipped, so the week day, day of month and time of day that the
    rule takes from its start stay the same; a day of month taken from the start is made
    explicit, since a month shorter than the start's would clamp it."""
    freq, interval = parsed._freq, parsed._interval
    if freq in (rfc5545.YEARLY, rfc5545.MONTHLY):
        months_per_period = interval * (12 if freq == rfc5545.YEARLY else 1)
        months = (near.year - start.year) * 12 + near.month - start.month
        periods = months // months_per_period - 1
        if periods <= 0:
            return parsed
        explicit = {}
        original = parsed._original_rule
        if not original.get("bymonthday") and not original.get("byweekday"):
            explicit["bymonthday"] = start.day
            if freq == rfc5545.YEARLY and not original.get("bymonth"):
                explicit["bymonth"] = start.month
        moved = start.replace(day=1) + relativedelta(months=periods * months_per_period)
        return parsed.replace(dtstart=moved, **explicit)
    unit = {rfc5545.WEEKLY: timedelta(weeks=1), rfc5545.DAILY: timedelta(days=1)}.get(
        freq, timedelta(hours=1)
    )
    periods = (near - start) // (unit * interval) - 1
    if periods <= 0:
        return parsed
    return parsed.replace(dtstart=start + unit * interval * periods)


def _wall_times(rule: Rule, near: datetime | None) -> Iterator[datetime]:
    """The rule's occurrences on the wall clock within its horizon: from its start, or (a
    rule without COUNT, which counts from the start) from shortly before `near`."""
    parsed = rfc5545.rrulestr(rule.rrule, dtstart=rule.start)
    end = rule.start + HORIZONS[parsed._freq]
    count = parsed._count
    until = min(parsed._until, end) if parsed._until else end
    if count is None and near is not None and near > rule.start:
        parsed = _moved_forward(parsed, rule.start, near)
    bounded = parsed.replace(count=None, until=until)
    for index, moment in enumerate(bounded):
        if count is not None and index >= count:
            return
        yield moment


def occurrences(
    rule: Rule, after: datetime, limit: int, *, budget_seconds: float = EXPANSION_SECONDS
) -> list[datetime]:
    """Up to `limit` UTC instants strictly after `after` (aware). An expansion that takes
    longer than budget_seconds is refused (a 422 naming the rule)."""
    zone = ZoneInfo(rule.timezone)
    # A day early: the wall clock of `after` in the zone, whatever its offset.
    near = after.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    deadline = time.monotonic() + budget_seconds
    found: list[datetime] = []
    try:
        for wall in _wall_times(rule, near):
            if time.monotonic() > deadline:
                raise invalid_field("rrule", "takes too long to expand; make it simpler")
            moment = wall.replace(tzinfo=zone).astimezone(UTC)
            if moment <= after or (found and moment <= found[-1]):
                continue  # past, or a wall time that DST maps onto an instant already taken
            found.append(moment)
            if len(found) >= limit:
                break
    except (ValueError, OverflowError) as err:
        # dateutil finds some contradictions only while expanding (found by hypothesis:
        # FREQ=MINUTELY with an INTERVAL that never lands on a BYHOUR).
        raise invalid_field("rrule", f"cannot be expanded ({err})") from err
    return found


def closest_spacing(instants: list[datetime]) -> timedelta | None:
    """The shortest time between two consecutive instants (None for fewer than two)."""
    gaps = [b - a for a, b in zip(instants, instants[1:], strict=False)]
    return min(gaps) if gaps else None
