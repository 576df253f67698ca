"""RRULE expansion in a zone: wall-clock times across DST, bounded rules, clear refusals."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil import rrule

from lib import recurrence
from lib.common.errors import ServiceError

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
        # Found by hypothesis: dateutil took these, then failed while expanding (a 500).
        ("FREQ=YEARLY;BYMONTH=0;BYDAY=2TU", "2027-01-01T09:00", "Europe/Paris", "rrule", "BYMONTH"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "2027-01-01T09:00", "Europe/Paris", "rrule", "(not 0)"),
        ("FREQ=DAILY;BYHOUR=24", "2027-01-01T09:00", "Europe/Paris", "rrule", "from 0 to 23"),
        ("FREQ=DAILY;BYMINUTE=x", "2027-01-01T09:00", "Europe/Paris", "rrule", "whole numbers"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20270301T000000", "2027-01-01T09:00", "UTC", "rrule", "not both"),
        # Every 12 hours from 09:00 never lands on 10:00: dateutil says so only when expanding.
        (
            "FREQ=MINUTELY;INTERVAL=720;BYHOUR=10;COUNT=5",
            "2027-01-01T09:00",
            "Europe/Paris",
            "rrule",
            "expanded",
        ),
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


HOURS = ",".join(map(str, range(24)))
MINUTES = ",".join(map(str, range(60)))


@pytest.mark.parametrize(
    "rrule_text",
    [
        f"FREQ=DAILY;BYHOUR={HOURS};BYMINUTE={MINUTES}",  # 1440 a day, the review's example
        f"FREQ=HOURLY;BYMINUTE={MINUTES}",
        f"FREQ=WEEKLY;BYDAY=MO;BYHOUR={HOURS};BYMINUTE=0,10,20,30,40,50",
        "FREQ=DAILY;COUNT=1000000",
        # Found by hypothesis: within their COUNT, more than Instagram publishes in a day.
        "FREQ=MINUTELY;COUNT=101",
        "FREQ=SECONDLY;INTERVAL=600;COUNT=500",
    ],
)
def test_rules_that_would_flood_an_account_or_the_cpu_are_refused(rrule_text):
    with pytest.raises(ServiceError) as refused:
        recurrence.parse(rrule_text, "2007-01-01T00:00", "Europe/Paris")
    assert refused.value.violations[0].field == "rrule"


def _full_scan(rule: recurrence.Rule, after: datetime, limit: int) -> list[datetime]:
    """What occurrences() answers when it scans from the rule's start (the reference)."""
    zone = ZoneInfo(rule.timezone)
    found: list[datetime] = []
    for wall in recurrence._wall_times(rule, near=None):
        moment = wall.replace(tzinfo=zone).astimezone(UTC)
        if moment > after and not (found and moment <= found[-1]):
            found.append(moment)
            if len(found) >= limit:
                break
    return found


@pytest.mark.parametrize(
    ("rrule_text", "start"),
    [
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30", "2007-01-04T09:30"),
        ("FREQ=WEEKLY;INTERVAL=2", "2011-05-18T17:45"),
        ("FREQ=DAILY;INTERVAL=7;BYHOUR=8,20", "2009-02-28T08:00"),
        ("FREQ=HOURLY;INTERVAL=5", "2025-03-30T01:15"),
        ("FREQ=HOURLY;INTERVAL=7;BYHOUR=2,3,9,14", "2024-10-27T00:00"),
        ("FREQ=MONTHLY", "2007-01-31T09:30"),
        ("FREQ=MONTHLY;INTERVAL=5", "2008-03-30T02:30"),
        ("FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=18", "2010-06-01T18:00"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15,-1;INTERVAL=2", "2012-02-29T12:00"),
        ("FREQ=YEARLY", "2008-02-29T09:30"),
        ("FREQ=YEARLY;INTERVAL=3;BYMONTH=3,10;BYDAY=-1SU;BYHOUR=2;BYMINUTE=30", "2007-03-25T02:30"),
        ("FREQ=YEARLY;BYDAY=MO;BYHOUR=9", "2016-01-04T09:00"),
        (f"FREQ=DAILY;BYHOUR={HOURS};BYMINUTE=0,30", "2007-01-01T00:00"),
        ("FREQ=DAILY;UNTIL=20261231T000000", "2007-01-01T07:00"),
    ],
)
@pytest.mark.parametrize("zone", ["Europe/Paris", "America/New_York", "Australia/Lord_Howe"])
def test_starting_near_the_time_asked_gives_what_a_scan_from_the_start_gives(rrule_text, start, zone):
    rule = recurrence.parse(rrule_text, start, zone)
    for after in (
        datetime(2026, 11, 30, 23, 59, tzinfo=UTC),
        datetime(2027, 3, 28, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
        datetime(2024, 2, 29, 12, 0, tzinfo=UTC),
    ):
        assert recurrence.occurrences(rule, after, 40) == _full_scan(rule, after, 40), after


def test_an_old_dense_rule_answers_from_near_the_time_asked():
    """48 a day since 2007: a scan from the start would walk 350,000 occurrences."""
    rule = recurrence.parse(f"FREQ=DAILY;BYHOUR={HOURS};BYMINUTE=0,30", "2007-01-01T00:00", "Europe/Paris")
    walked = []
    for wall in recurrence._wall_times(rule, near=datetime(2026, 11, 29)):
        walked.append(wall)
        if wall >= datetime(2026, 12, 1):
            break
    assert len(walked) < 48 * 5
    assert walked[0] >= datetime(2026, 11, 26)


def test_an_expansion_over_its_budget_is_refused():
    rule = recurrence.parse("FREQ=DAILY;BYHOUR=9", "2007-01-01T09:00", "Europe/Paris")
    with pytest.raises(ServiceError) as refused:
        recurrence.occurrences(rule, datetime(2026, 1, 1, tzinfo=UTC), 10_000, budget_seconds=0)
    assert refused.value.violations[0].field == "rrule"


def test_a_minutely_rule_spaced_within_the_daily_limit_is_kept():
    rule = recurrence.parse("FREQ=MINUTELY;INTERVAL=15;COUNT=500", "2027-01-01T09:00", "Europe/Paris")
    found = recurrence.occurrences(rule, datetime(2027, 1, 1, tzinfo=UTC), 200)
    assert len(found) == 200
    assert found[1] - found[0] == timedelta(minutes=15)
