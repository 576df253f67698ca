"""How a time is written in a request: the patterns the API document states and the
services enforce, so that what the document accepts is exactly what is accepted."""

import contextlib
import re
from datetime import date, datetime

from lib.common.errors import Violation, invalid_field

# A wall-clock time, read in a zone the request names: 2027-03-28T09:30[:00[.000]].
LOCAL_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"
# A wall-clock time, or an instant: the same with Z or an offset (+01:00).
SCHEDULE_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$"

SCHEDULE_TIME = re.compile(SCHEDULE_TIME_PATTERN)

# Years whose every local time converts to UTC and back (Python's datetime ends at 1 and 9999).
FIRST_YEAR, LAST_YEAR = 1970, 9998


def parse(text: str, field: str) -> datetime:
    """A request's time as SCHEDULE_TIME_PATTERN writes it: naive (a wall-clock time) or aware
    (an instant); anything else is a 422 naming the field."""
    moment = None
    if SCHEDULE_TIME.match(text):
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(text)
    if moment is None:
        raise invalid_field(
            field,
            "must be a local date and time like 2027-03-28T09:30, or an instant like 2027-03-28T07:30:00Z",
        )
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise invalid_field(field, f"must be between the years {FIRST_YEAR} and {LAST_YEAR}")
    return moment


def parse_day(text: str, field: str, problems: list[Violation]) -> date | None:
    """A local day written YYYY-MM-DD, within the years above; else a problem named by field
    is added (so that a request's every problem is named at once) and None returned."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        problems.append(Violation(field, "must be a date like 2027-03-28"))
        return None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        problems.append(Violation(field, f"must be between the years {FIRST_YEAR} and {LAST_YEAR}"))
        return None
    return day
