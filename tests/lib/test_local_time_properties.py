"""Local-time resolution, for every IANA zone and around every daylight-saving change
(hypothesis): a time that happens once comes back as itself, one that happens twice gives
its two instants in order, and one the clocks jump over is refused naming real neighbours."""

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from lib.common.errors import ServiceError
from services.scheduler.local_time import resolve

ZONES = sorted(z for z in available_timezones() if "/" in z or z == "UTC")


@lru_cache(maxsize=4096)
def transitions(zone_name: str, year: int) -> tuple[datetime, ...]:
    """The UTC instants in `year` at which the zone's offset changes (to the minute)."""
    zone = ZoneInfo(zone_name)
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    step = timedelta(hours=6)
    offset = moment.astimezone(zone).utcoffset()
    while moment < end:
        later = moment + step
        if later.astimezone(zone).utcoffset() != offset:
            low, high = moment, later
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            found.append(high)
            offset = later.astimezone(zone).utcoffset()
        moment = later
    return tuple(found)


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    return instant.astimezone(zone).replace(tzinfo=None)


@st.composite
def near_a_change(draw):
    """A zone and a local time within two hours of one of its offset changes."""
    zone_name = draw(st.sampled_from(ZONES))
    year = draw(st.integers(2000, 2037))
    changes = transitions(zone_name, year)
    if not changes:
        instant = datetime(year, draw(st.integers(1, 12)), 15, 12, tzinfo=UTC)
    else:
        instant = draw(st.sampled_from(changes))
    # From the clock's reading just before the change: inside a jump forward, or the
    # repeated hour of a jump back, as often as around them.
    minutes = draw(st.one_of(st.integers(-120, 120), st.integers(0, 59), st.integers(-60, -1)))
    local = _wall(instant - timedelta(minutes=1), ZoneInfo(zone_name)) + timedelta(minutes=1 + minutes)
    return zone_name, local.replace(second=0, microsecond=0)


anywhere = st.tuples(
    st.sampled_from(ZONES),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    ),
)


def _check(zone_name: str, local: datetime) -> None:
    zone = ZoneInfo(zone_name)
    try:
        earlier = resolve(local, zone_name, "earlier")
    except ServiceError as refused:
        # Only a time the clocks jump over is refused, and its neighbours exist.
        event("skipped by the clocks")
        [violation] = refused.violations
        assert violation.field == "scheduled_time"
        before = datetime.fromisoformat(refused.context["nearest_before"])
        after = datetime.fromisoformat(refused.context["nearest_after"])
        assert before.replace(tzinfo=None) < local < after.replace(tzinfo=None)
        assert after - before <= timedelta(minutes=1), "the two sides of one jump"
        for side in (before, after):
            assert _wall(side.astimezone(UTC), zone) == side.replace(tzinfo=None)
        for fold in (0, 1):
            assert _wall(local.replace(tzinfo=zone, fold=fold).astimezone(UTC), zone) != local
        return
    later = resolve(local, zone_name, "later")
    for chosen in (earlier, later):
        assert _wall(chosen.utc, zone) == local, "the instant shows the asked time on the zone's clock"
        assert chosen.utc.tzinfo == UTC and chosen.local.replace(tzinfo=None) == local
    assert earlier.utc <= later.utc
    if earlier.utc == later.utc:
        assert earlier.ambiguity == "" == later.ambiguity
    else:
        event("happens twice")
        assert later.utc - earlier.utc <= timedelta(hours=3), "one overlap, not two readings a day apart"
        assert "happens twice" in earlier.ambiguity and "happens twice" in later.ambiguity


@settings(max_examples=400, deadline=None)
@given(near_a_change())
def test_times_around_every_offset_change_resolve_or_are_refused_as_a_gap(case):
    _check(*case)


@settings(max_examples=300, deadline=None)
@given(anywhere)
def test_any_time_in_any_zone_resolves_or_is_refused_as_a_gap(case):
    _check(*case)


def test_the_strategy_reaches_both_kinds_of_change():
    """Paris in 2027: 28 March 02:30 is skipped, 31 October 02:30 happens twice."""
    assert [c.date().isoformat() for c in transitions("Europe/Paris", 2027)] == ["2027-03-28", "2027-10-31"]
    with pytest.raises(ServiceError):
        resolve(datetime(2027, 3, 28, 2, 30), "Europe/Paris")
    assert resolve(datetime(2027, 10, 31, 2, 30), "Europe/Paris").ambiguity
