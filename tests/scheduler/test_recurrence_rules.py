"""RRULE expansion in a zone: wall-clock times across DST, bounded rules, clear refusals."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil import rrule

from services.common.errors import ServiceError
from services.scheduler import recurrence

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")


def local(moments, zone):
    return [m.astimezone(zone).strftime("%Y-%m-%d %H:%M %z") for m in moments]


def test_a_weekly_rule_stays_at_nine_on_the_wall_clock_across_the_dst_change():
    rule = recurrence.parse("FREQ=WEEKLY;BYDAY=FR", "2027-03-19T09:00", "Europe/Paris")
    found = recurrence.occurrences(rule, datetime(2027, 3, 1, tzinfo=UTC), 3)
    assert local(found, PARIS) == [
        "2027-03-19 09:00 +0100",
        "2027-03-26 09:00 +0100",
        "2027-04-02 09:00 +0200",
    ]
    assert found[2] - found[1] == timedelta(days=7) - timedelta(hours=1)


def test_an_occurrence_in_the_spring_gap_moves_past_the_jump_and_one_in_the_overlap_takes_the_first():
    spring = recurrence.parse("FREQ=DAILY;COUNT=3", "2027-03-13T02:30", "America/New_York")
    assert local(recurrence.occurrences(spring, datetime(2027, 3, 1, tzinfo=UTC), 3), NEW_YORK) == [
        "2027-03-13 02:30 -0500",
        "2027-03-14 03:30 -0400",  # 02:30 does not exist that night
        "2027-03-15 02:30 -0400",
    ]
    autumn = recurrence.parse("FREQ=DAILY;COUNT=2", "2027-10-30T02:30", "Europe/Paris")
    assert local(recurrence.occurrences(autumn, datetime(2027, 10, 1, tzinfo=UTC), 2), PARIS) == [
        "2027-10-30 02:30 +0200",
        "2027-10-31 02:30 +0200",  # happens twice: the first (summer time)
    ]


def test_count_and_after_are_honoured():
    rule = recurrence.parse("FREQ=DAILY;INTERVAL=2;COUNT=4", "2027-05-01T12:00", "Europe/Paris")
    everything = recurrence.occurrences(rule, datetime(2027, 1, 1, tzinfo=UTC), 10)
    assert len(everything) == 4
    assert recurrence.occurrences(rule, everything[1], 10) == everything[2:]
    assert recurrence.closest_spacing(everything) == timedelta(days=2)


@pytest.mark.parametrize(
    ("rrule", "start", "zone", "field", "says"),
    [
        ("FREQ=SOMETIMES", "2027-01-01T09:00", "Europe/Paris", "rrule", "RRULE"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "2027-01-01T09:00", "Europe/Paris", "rrule", "none of"),
        ("FREQ=YEARLY;BYWEEKNO=20", "2027-01-01T09:00", "Europe/Paris", "rrule", "not supported"),
        ("FREQ=MINUTELY;INTERVAL=15", "2027-01-01T09:00", "Europe/Paris", "rrule", "COUNT"),
        ("FREQ=DAILY;UNTIL=20270301T000000Z", "2027-01-01T09:00", "Europe/Paris", "rrule", "local time"),
        ("DTSTART:20270101T090000\nRRULE:FREQ=DAILY", "2027-01-01T09:00", "Europe/Paris", "rrule", "DTSTART"),
        ("FREQ=DAILY;INTERVAL=0", "2027-01-01T09:00", "Europe/Paris", "rrule", "INTERVAL"),
        ("FREQ=DAILY;INTERVAL=-2", "2027-01-01T09:00", "Europe/Paris", "rrule", "INTERVAL"),
        ("FREQ=DAILY", "9999-12-31T23:59", "Europe/Paris", "start_time", "between 2000 and 2100"),
        ("FREQ=DAILY", "tomorrow at nine", "Europe/Paris", "start_time", "local date"),
        ("FREQ=DAILY", "2027-01-01T09:00+01:00", "Europe/Paris", "start_time", "local date"),
        ("FREQ=DAILY", "2027-01-01T09:00", "Europe/Atlantis", "timezone", "IANA"),
    ],
)
def test_bad_rules_name_the_field_and_the_problem(rrule, start, zone, field, says):
    with pytest.raises(ServiceError) as refused:
        recurrence.parse(rrule, start, zone)
    violations = {v.field: v.message for v in refused.value.violations}
    assert field in violations
    assert says in violations[field]


def test_a_rule_ends_at_its_frequencys_horizon():
    rule = recurrence.parse("FREQ=HOURLY", "2027-01-01T00:00", "UTC")
    late = datetime(2027, 1, 1, tzinfo=UTC) + recurrence.HORIZONS[rrule.HOURLY] - timedelta(hours=2)
    assert len(recurrence.occurrences(rule, late, 10)) == 2
