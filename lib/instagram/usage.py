"""Meta's usage headers: how much of its call budget an app and an account have used, and,
once throttled, when access comes back
(https://developers.facebook.com/docs/graph-api/overview/rate-limiting):

- X-App-Usage: {"call_count": %, "total_cputime": %, "total_time": %} of the app's budget;
- X-Business-Use-Case-Usage: {"<business object id>": [{"type", "call_count",
  "total_cputime", "total_time", "estimated_time_to_regain_access"}]}, the last in
  minutes, for Instagram's business use case (and the Pages one).

A header that is missing or malformed says nothing (0), never fails the call.
"""

import json
from collections.abc import Mapping

PERCENTS = ("call_count", "total_cputime", "total_time")


def _json(value: str | None):
    if not value or len(value) > 16_384:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def _number(value) -> float:
    return (
        float(value) if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0 else 0.0
    )


def _entries(headers: Mapping[str, str]) -> list[dict]:
    found = []
    # aiohttp's headers are case-insensitive; a plain mapping is read in lower case.
    app = _json(headers.get("x-app-usage"))
    if isinstance(app, dict):
        found.append(app)
    business = _json(headers.get("x-business-use-case-usage"))
    if isinstance(business, dict):
        for entries in business.values():
            if isinstance(entries, list):
                found.extend(e for e in entries if isinstance(e, dict))
    return found


def regain_seconds(headers: Mapping[str, str]) -> float:
    """When access comes back, in seconds (the longest estimate any header gives); 0: unsaid."""
    minutes = max((_number(e.get("estimated_time_to_regain_access")) for e in _entries(headers)), default=0.0)
    return minutes * 60.0


def highest_percent(headers: Mapping[str, str]) -> float:
    """The most used share of any budget the headers report, in percent."""
    return max((_number(e.get(k)) for e in _entries(headers) for k in PERCENTS), default=0.0)
