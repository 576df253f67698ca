"""The simulated Instagram: accounts, media containers, published media, switchable faults.

In memory on purpose: the simulator is a development and test tool, restarted freely.
"""

import collections
import itertools
import time
from collections import deque
from dataclasses import dataclass, field

PUBLISH_WINDOW_SECONDS = 24 * 3600
CONTAINER_LIFETIME_SECONDS = 24 * 3600

# kind -> (HTTP status, code, subcode, message, is_transient)
FAULTS: dict[str, tuple[int, int, int, str, bool]] = {
    "throttle_app": (400, 4, 0, "Application request limit reached", True),
    "throttle_user": (400, 17, 0, "User request limit reached", True),
    "throttle_page": (400, 32, 0, "Page request limit reached", True),
    "throttle_call": (400, 613, 0, "Calls to this api have exceeded the rate limit.", True),
    "publish_limit": (400, 9, 2207042, "The account has reached its publishing limit for 24 hours", False),
    "transient": (
        500,
        -1,
        2207001,
        "An unexpected error has occurred. Please retry your request later.",
        True,
    ),
    "media_fetch_failure": (
        400,
        9004,
        2207052,
        "The media could not be fetched from the URI provided.",
        False,
    ),
    "expired_container": (400, -2, 2207020, "The media container has expired; create a new one.", False),
    "revoked_token": (
        400,
        190,
        460,
        "Error validating access token: the session has been invalidated.",
        False,
    ),
    # Published, but the caller never hears so: the response is a transient error.
    "publish_response_lost": (
        500,
        -1,
        2207001,
        "An unexpected error has occurred. Please retry your request later.",
        True,
    ),
    # The call hangs for `seconds` before it is answered normally.
    "timeout": (0, 0, 0, "", True),
}
# Which calls a fault applies to when the test does not say.
FAULT_ENDPOINTS = {
    "publish_limit": "publish",
    "media_fetch_failure": "create",
    "expired_container": "publish",
    "publish_response_lost": "publish",
}
ENDPOINTS = ("create", "status", "publish", "limit", "media", "account")


@dataclass
class Fault:
    kind: str
    ig_user_id: str | None
    endpoint: str | None
    times: int
    seconds: float = 0.0


@dataclass
class Account:
    ig_user_id: str
    access_token: str
    username: str
    publish_limit: int = 50
    processing_seconds: float = 0.0
    # Engagement: audience size, the UTC hour it is most active, how active it is on each
    # weekday (Monday first, UTC), and how fast time runs.
    followers: int = 5000
    audience_peak_hour_utc: float = 19.0
    audience_weekdays: list[float] = field(default_factory=lambda: [1.0] * 7)
    # A media type whose audience peaks at another hour (e.g. {"VIDEO": 20.0}).
    audience_peak_hour_utc_by_type: dict[str, float] = field(default_factory=dict)
    engagement_speed: float = 1.0
    publish_times: deque = field(default_factory=deque)

    def peak_hour_for(self, media_type: str) -> float:
        return self.audience_peak_hour_utc_by_type.get(media_type.upper(), self.audience_peak_hour_utc)

    def publishes_in_window(self, now: float) -> int:
        while self.publish_times and self.publish_times[0] <= now - PUBLISH_WINDOW_SECONDS:
            self.publish_times.popleft()
        return len(self.publish_times)


@dataclass
class Container:
    id: str
    ig_user_id: str
    media_type: str
    media_url: str
    caption: str
    is_carousel_item: bool
    children: list[str]
    created_at: float
    ready_at: float
    published_media_id: str | None = None

    def status_code(self, now: float) -> str:
        if self.published_media_id:
            return "PUBLISHED"
        if now - self.created_at > CONTAINER_LIFETIME_SECONDS:
            return "EXPIRED"
        return "FINISHED" if now >= self.ready_at else "IN_PROGRESS"


@dataclass
class Media:
    id: str
    ig_user_id: str
    container_id: str
    caption: str
    media_type: str
    published_at: float

    @property
    def permalink(self) -> str:
        return f"https://www.instagram.com/p/sim{self.id}/"


def graph_timestamp(epoch: float) -> str:
    """The Graph API's time format: 2026-11-25T15:52:35+0000."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(epoch))


class World:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.accounts: dict[str, Account] = {}
        self.containers: dict[str, Container] = {}
        self.media: dict[str, Media] = {}
        self.publishes: list[Media] = []
        # Media an account published before Postflow knew it (POST /_simulator/.../history).
        self.history: list[Media] = []
        self.faults: list[Fault] = []
        # How the access token came with each Graph call: "header" or "query" (a token in a
        # URL ends up in proxy and server logs; tests check Postflow never sends one there).
        self.token_places: collections.deque[str] = collections.deque(maxlen=10_000)
        self._ids = itertools.count(17_900_000_000_000_000)

    def next_id(self) -> str:
        return str(next(self._ids))

    def now(self) -> float:
        return time.time()

    def take_fault(self, endpoint: str, ig_user_id: str | None) -> Fault | None:
        """The first armed fault for this call, used up by one."""
        for fault in self.faults:
            wanted = fault.endpoint or FAULT_ENDPOINTS.get(fault.kind)
            if wanted not in (None, endpoint):
                continue
            if fault.ig_user_id not in (None, ig_user_id):
                continue
            fault.times -= 1
            if fault.times <= 0:
                self.faults.remove(fault)
            return fault
        return None
