"""Token buckets in memory, one per key (an IP, an email, a user): how often a caller may
do something, and how long to wait when it may not."""

import time
from collections import OrderedDict
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    """`burst` actions at once, refilled at `per_second`; the least recently seen keys are
    forgotten beyond `max_keys`, so a flood of new keys cannot grow memory without bound."""

    def __init__(self, *, per_second: float, burst: float, max_keys: int = 100_000) -> None:
        self._rate = per_second
        self._burst = burst
        self._max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, key: str) -> float:
        """0 when the action may go ahead (and is counted), else the seconds to wait."""
        now = time.monotonic()
        bucket = self._buckets.pop(key, None) or _Bucket(self._burst, now)
        bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.at) * self._rate)
        bucket.at = now
        self._buckets[key] = bucket
        if len(self._buckets) > self._max_keys:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self._rate
