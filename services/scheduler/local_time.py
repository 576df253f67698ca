"""A person's local wall-clock time in an IANA zone -> the UTC instant to publish at.

Daylight saving makes two kinds of local time special:
- a time inside the spring-forward gap (02:30 when clocks jump from 02:00 to 03:00)
  never happens: it is refused, naming the nearest valid times on either side;
- a time inside the fall-back overlap (01:30 when clocks go from 02:00 back to 01:00)
  happens twice: `prefer="earlier"` (the default) takes the first, still on summer
  time; `prefer="later"` the second.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from lib.common.errors import ServiceError, Violation, invalid, invalid_field
from lib.common.timezones import is_valid_zone

PREFERENCES = ("earlier", "later")


@dataclass(frozen=True)
class ResolvedTime:
    utc: datetime
    local: datetime  # aware, in the zone
    zone: str
    # Set when the local time happened twice: which one was taken.
    ambiguity: str = ""


def _wall(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def at_instant(moment: datetime, zone_name: str) -> ResolvedTime:
    """An aware moment (a time sent with an offset or Z), shown on zone_name's wall clock."""
    if not is_valid_zone(zone_name):
        raise invalid_field("timezone", f"{zone_name!r} is not an IANA time zone such as Europe/Paris")
    utc = moment.astimezone(UTC)
    return ResolvedTime(utc, utc.astimezone(ZoneInfo(zone_name)), zone_name)


def resolve(local: datetime, zone_name: str, prefer: str = "earlier") -> ResolvedTime:
    """The UTC instant of a naive local time in zone_name (see the module docstring)."""
    if not is_valid_zone(zone_name):
        raise invalid_field("timezone", f"{zone_name!r} is not an IANA time zone such as Europe/Paris")
    if prefer not in PREFERENCES:
        raise invalid_field("prefer", "must be earlier or later")
    if local.tzinfo is not None:
        raise invalid_field("scheduled_time", "give the local time without an offset; the zone says where")
    zone = ZoneInfo(zone_name)
    first = local.replace(tzinfo=zone, fold=0).astimezone(UTC)
    second = local.replace(tzinfo=zone, fold=1).astimezone(UTC)

    if _wall(first, zone) != local and _wall(second, zone) != local:
        raise _gap_error(local, zone, min(first, second), max(first, second))
    if first == second:
        return ResolvedTime(first, first.astimezone(zone), zone_name)
    # Happens twice: fold=0 is the earlier instant (before the clocks go back).
    chosen = min(first, second) if prefer == "earlier" else max(first, second)
    other = max(first, second) if prefer == "earlier" else min(first, second)
    note = (
        f"{local:%Y-%m-%d %H:%M} happens twice in {zone_name}; the {prefer} one "
        f"({chosen.astimezone(zone):%H:%M %Z}, {chosen:%H:%M} UTC) was chosen over "
        f"{other.astimezone(zone):%H:%M %Z} ({other:%H:%M} UTC)"
    )
    return ResolvedTime(chosen, chosen.astimezone(zone), zone_name, note)


def _gap_error(local: datetime, zone: ZoneInfo, low: datetime, high: datetime) -> ServiceError:
    """The clocks jump over local: name the last minute before the jump and the first after."""
    # The offset changes at one instant between the two readings of local; walk to it.
    step = timedelta(minutes=1)
    offset_before = low.astimezone(zone).utcoffset()
    jump = low
    while jump < high and jump.astimezone(zone).utcoffset() == offset_before:
        jump += step
    before, after = (jump - step).astimezone(zone), jump.astimezone(zone)
    error = invalid(
        [
            Violation(
                "scheduled_time",
                f"{local:%Y-%m-%d %H:%M} does not exist in {zone.key}: the clocks jump forward then. "
                f"Nearest valid times: {before:%H:%M} or {after:%H:%M}",
            )
        ]
    )
    error.context = {"nearest_before": before.isoformat(), "nearest_after": after.isoformat()}
    return error
