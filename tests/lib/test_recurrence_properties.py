"""RRULE bounds (hypothesis): whatever rule a person writes, parsing either refuses it
naming the field or gives a rule whose expansion ends, in order, after the asked time,
within the rule's horizon, never more than Instagram publishes in a day, and never the
same instant twice."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import Phase, event, given, settings
from hypothesis import strategies as st

from lib import recurrence
from lib.common.errors import ServiceError

FREQUENCIES = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY", "FORTNIGHTLY"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU", "1MO", "-1FR", "2TU", "XX"]
ZONES = ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "Not/AZone"]


def _values(draw, low, high, size=4) -> str:
    return ",".join(str(v) for v in draw(st.lists(st.integers(low, high), min_size=1, max_size=size)))


@st.composite
def rules_as_written(draw) -> str:
    parts = [f"FREQ={draw(st.sampled_from(FREQUENCIES))}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(-2, 1200))}")
    if draw(st.booleans()):
        parts.append(f"COUNT={draw(st.integers(-1, 20_000))}")
    if draw(st.booleans()):
        until = draw(st.datetimes(min_value=datetime(1999, 1, 1), max_value=datetime(2200, 1, 1)))
        parts.append(f"UNTIL={until:%Y%m%dT%H%M%S}{draw(st.sampled_from(['', 'Z']))}")
    if draw(st.booleans()):
        parts.append("BYDAY=" + ",".join(draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=4))))
    if draw(st.booleans()):
        parts.append(f"BYMONTHDAY={_values(draw, -31, 32)}")
    if draw(st.booleans()):
        parts.append(f"BYMONTH={_values(draw, 0, 13)}")
    if draw(st.booleans()):
        parts.append(f"BYHOUR={_values(draw, 0, 24, size=6)}")
    if draw(st.booleans()):
        parts.append(f"BYMINUTE={_values(draw, 0, 60, size=6)}")
    if draw(st.integers(0, 20)) == 0:
        parts.append(draw(st.sampled_from(["BYSETPOS=1", "DTSTART=20270101T000000", "BYWEEKNO=3", "X"])))
    return ";".join(draw(st.permutations(parts)))


# No "explain" phase: tracing every line of dateutil's expansion makes it minutes long.
@settings(max_examples=400, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
@given(
    rules_as_written(),
    st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2105, 1, 1)),
    st.sampled_from(ZONES),
    st.integers(0, 400 * 24),
)
def test_any_rule_is_refused_by_field_or_expands_within_its_bounds(text, start, zone, hours_later):
    start = start.replace(microsecond=0)
    try:
        rule = recurrence.parse(text, start.isoformat(), zone)
    except ServiceError as refused:
        event("refused")
        assert {v.field for v in refused.violations} <= {"rrule", "start_time", "timezone"}
        assert all(v.message for v in refused.violations)
        return
    after = start.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC) + timedelta(hours=hours_later)
    try:
        found = recurrence.occurrences(rule, after, 200)
    except ServiceError as refused:
        event("refused when expanded")
        assert [v.field for v in refused.violations] == ["rrule"]
        return
    event("expanded" if found else "expanded to nothing")
    assert len(found) <= 200
    assert all(moment > after and moment.tzinfo is not None for moment in found)
    assert found == sorted(set(found)), "in order, each instant once"
    horizon = start + recurrence.HORIZONS[_frequency(text)] + timedelta(days=2)
    assert all(moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None) <= horizon for moment in found)
    for index, moment in enumerate(found):
        within_a_day = [m for m in found[index:] if m - moment < timedelta(days=1)]
        assert len(within_a_day) <= recurrence.MAX_PER_DAY


def _frequency(text: str):
    frequency = dict(p.split("=", 1) for p in text.split(";"))["FREQ"]
    return getattr(recurrence.rfc5545, frequency)
