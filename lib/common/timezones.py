"""IANA time zone names."""

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# The longest IANA name is 32 characters (America/Argentina/ComodRivadavia); names use
# letters, digits, _, +, - and /.
MAX_ZONE_NAME = 64
_ZONE_NAME = re.compile(r"^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$")


def is_valid_zone(name: str) -> bool:
    if not name or len(name) > MAX_ZONE_NAME or not _ZONE_NAME.match(name):
        return False
    try:
        ZoneInfo(name)
    # OSError: with the tzdata package installed, a name the file system refuses (too long
    # a path part) surfaces as the open's error rather than as ZoneInfoNotFoundError.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
