"""Local wall-clock times to UTC across daylight-saving changes, in several zones."""

from datetime import UTC, datetime

import pytest

from lib.common.errors import ServiceError
from services.scheduler.local_time import resolve


def test_an_ordinary_time():
    resolved = resolve(datetime(2027, 7, 14, 9, 30), "Europe/Paris")
    assert resolved.utc == datetime(2027, 7, 14, 7, 30, tzinfo=UTC)
    assert resolved.local.isoformat() == "2027-07-14T09:30:00+02:00"
    assert resolved.ambiguity == ""


@pytest.mark.parametrize(
    ("zone", "local", "before", "after"),
    [
        # Europe: 02:00 -> 03:00 on the last Sunday of March.
        ("Europe/Paris", datetime(2027, 3, 28, 2, 30), "01:59", "03:00"),
        # US: 02:00 -> 03:00 on the second Sunday of March.
        ("America/New_York", datetime(2027, 3, 14, 2, 15), "01:59", "03:00"),
        # Southern hemisphere: 02:00 -> 03:00 on the first Sunday of October.
        ("Australia/Sydney", datetime(2027, 10, 3, 2, 45), "01:59", "03:00"),
        # Half-hour shift: 02:00 -> 02:30.
        ("Australia/Lord_Howe", datetime(2027, 10, 3, 2, 10), "01:59", "02:30"),
    ],
)
def test_a_time_the_clocks_skip_is_refused_with_the_nearest_valid_times(zone, local, before, after):
    with pytest.raises(ServiceError) as raised:
        resolve(local, zone)
    error = raised.value
    assert error.kind == "invalid"
    assert error.violations[0].field == "scheduled_time"
    assert f"Nearest valid times: {before} or {after}" in error.violations[0].message
    assert error.context["nearest_after"].split("T")[1].startswith(after)


@pytest.mark.parametrize(
    ("zone", "local", "earlier_utc", "later_utc"),
    [
        # Europe: 03:00 -> 02:00 on the last Sunday of October; 02:30 happens twice.
        (
            "Europe/Paris",
            datetime(2027, 10, 31, 2, 30),
            datetime(2027, 10, 31, 0, 30),
            datetime(2027, 10, 31, 1, 30),
        ),
        # US: 02:00 -> 01:00 on the first Sunday of November; 01:30 happens twice.
        (
            "America/New_York",
            datetime(2027, 11, 7, 1, 30),
            datetime(2027, 11, 7, 5, 30),
            datetime(2027, 11, 7, 6, 30),
        ),
        # Southern hemisphere: 03:00 -> 02:00 on the first Sunday of April.
        (
            "Australia/Sydney",
            datetime(2027, 4, 4, 2, 30),
            datetime(2027, 4, 3, 15, 30),
            datetime(2027, 4, 3, 16, 30),
        ),
    ],
)
def test_a_time_that_happens_twice_follows_prefer(zone, local, earlier_utc, later_utc):
    earlier_utc, later_utc = earlier_utc.replace(tzinfo=UTC), later_utc.replace(tzinfo=UTC)
    default = resolve(local, zone)
    assert default.utc == earlier_utc
    assert "happens twice" in default.ambiguity and "earlier" in default.ambiguity
    later = resolve(local, zone, prefer="later")
    assert later.utc == later_utc
    assert later.local.replace(tzinfo=None) == local


def test_bad_zone_preference_and_offsets_name_the_field():
    for call, field in (
        (lambda: resolve(datetime(2027, 1, 1, 9), "Mars/Olympus_Mons"), "timezone"),
        (lambda: resolve(datetime(2027, 1, 1, 9), "UTC", prefer="middle"), "prefer"),
        (lambda: resolve(datetime(2027, 1, 1, 9, tzinfo=UTC), "UTC"), "scheduled_time"),
    ):
        with pytest.raises(ServiceError) as raised:
            call()
        assert raised.value.violations[0].field == field
