"""IANA time zone names."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def is_valid_zone(name: str) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
