"""How a time is written in a request: the patterns the API document states and the
services enforce, so that what the document accepts is exactly what is accepted."""

import re

# A wall-clock time, read in a zone the request names: 2027-03-28T09:30[:00[.000]].
LOCAL_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"
# A wall-clock time, or an instant: the same with Z or an offset (+01:00).
SCHEDULE_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$"

SCHEDULE_TIME = re.compile(SCHEDULE_TIME_PATTERN)
