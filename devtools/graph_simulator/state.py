"""The simulated Instagram: apps, people and their tokens, accounts, media containers,
published media, switchable faults, and a clock tests can move forward.

In memory, written to a file (persistence.py) so that a restart of make run forgets nothing.
"""

import collections
import itertools
import secrets
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
    # The container's processing fails (asked on "status"): its status_code is ERROR from
    # then on, and its status names the subcode (the error-code page's processing rows).
    "processing_failed": (200, 352, 2207026, "The video format is not supported.", False),
    "processing_upload_broke": (200, -1, 2207053, "Unknown upload error.", False),
    # More rows of Meta's error table (https://developers.facebook.com/docs/instagram-platform/
    # instagram-graph-api/reference/error-codes), each answered with error_user_msg.
    "download_timeout": (400, -2, 2207003, "It takes too long to download the media.", True),
    "create_failed": (400, -1, 2207032, "Create media fail, please try to re-create media", True),
    "upload_unknown": (400, -1, 2207053, "unknown upload error", True),
    "thumb_offset": (
        400,
        1,
        2207057,
        "Thumbnail offset must be greater than or equal to 0 and less than video duration",
        False,
    ),
    "spam_restricted": (
        400,
        4,
        2207051,
        "We restrict certain activity to protect our community. Tell us if you think we made a mistake.",
        False,
    ),
    "publish_temporary": (400, 24, 2207008, "Temporary error publishing the container. Try again.", True),
    "account_restricted": (
        400,
        25,
        2207050,
        "The Instagram account is inactive, checkpointed or restricted. Sign in to the Instagram app.",
        False,
    ),
    "image_too_large": (400, 36000, 2207004, "The image is too large to download (over 8 MiB).", False),
    "image_format": (400, 36001, 2207005, "The image format is not supported.", False),
    "aspect_ratio": (400, 36003, 2207009, "The aspect ratio is not supported.", False),
    "caption_too_long": (400, 36004, 2207010, "The caption is too long.", False),
    "video_format": (400, 352, 2207026, "The video format is not supported.", False),
    "media_not_ready": (400, 9007, 2207027, "The media is not ready for publishing, please wait.", False),
    "media_type": (400, 100, 2207023, "The media type is unknown.", False),
    "carousel_invalid": (400, 100, 2207028, "The carousel could not be validated.", False),
    "too_many_tags": (400, 100, 2207040, "Cannot use more than 20 tags per item.", False),
    # Instagram's business use case limit (https://developers.facebook.com/docs/graph-api/
    # overview/rate-limiting#buc-rate-limits).
    "business_throttle": (400, 80002, 0, "There have been too many calls to this Instagram account.", True),
    "permission_missing": (403, 10, 0, "(#10) Application does not have permission for this action", False),
}
# Which calls a fault applies to when the test does not say.
FAULT_ENDPOINTS = {
    "publish_limit": "publish",
    "media_fetch_failure": "create",
    "expired_container": "publish",
    "publish_response_lost": "publish",
}
ENDPOINTS = ("create", "status", "publish", "limit", "media", "account", "comment")


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
    # Instagram's business use case budget: at most call_budget calls (0: no limit) in a
    # rolling call_window_seconds, counted per account (Meta computes the real one from the
    # account's impressions: https://developers.facebook.com/docs/graph-api/overview/
    # rate-limiting#buc-rate-limits); the times of the calls counted (None before any).
    call_budget: int = 0
    call_window_seconds: float = 3600.0
    call_times: deque | None = None

    def peak_hour_for(self, media_type: str) -> float:
        return self.audience_peak_hour_utc_by_type.get(media_type.upper(), self.audience_peak_hour_utc)

    def spend_call(self, now: float) -> tuple[float, float]:
        """Count a call: (percent of the budget now used, seconds until a call frees up when
        none is left; the call is then refused and not counted)."""
        if not self.call_budget:
            return 0.0, 0.0
        if self.call_times is None:
            self.call_times = deque()
        while self.call_times and self.call_times[0] <= now - self.call_window_seconds:
            self.call_times.popleft()
        if len(self.call_times) >= self.call_budget:
            return 100.0, self.call_times[0] + self.call_window_seconds - now
        self.call_times.append(now)
        return 100.0 * len(self.call_times) / self.call_budget, 0.0

    def publishes_in_window(self, now: float) -> int:
        while self.publish_times and self.publish_times[0] <= now - PUBLISH_WINDOW_SECONDS:
            self.publish_times.popleft()
        return len(self.publish_times)


# The hosts the simulator stands in for (requests arrive as /{host}/...).
FACEBOOK_GRAPH = "graph.facebook.com"
INSTAGRAM_GRAPH = "graph.instagram.com"
GRAPH_HOSTS = (FACEBOOK_GRAPH, INSTAGRAM_GRAPH)
# Meta's token lifetimes (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
# and .../instagram-platform/reference/access_token): an hour, then 60 days.
SHORT_LIVED_SECONDS = 3600
LONG_LIVED_SECONDS = 60 * 86400
# An authorization code works once, within an hour (.../instagram-platform/reference/oauth-access-token).
CODE_SECONDS = 3600
# Every permission a token made by the control API has (a system user's, given every one).
ALL_SCOPES = (
    "instagram_basic",
    "instagram_content_publish",
    "instagram_manage_insights",
    "instagram_manage_comments",
    "pages_show_list",
    "pages_read_engagement",
    "business_management",
    "instagram_business_basic",
    "instagram_business_content_publish",
    "instagram_business_manage_insights",
    "instagram_business_manage_comments",
)


@dataclass
class App:
    """A Meta app as its dashboard configures it: Facebook Login's, or the Instagram app id
    of Instagram Login's product."""

    app_id: str
    secret: str
    login: str  # "facebook" or "instagram"
    redirect_uris: list[str]
    # "Require App Secret" in the dashboard: every call must carry appsecret_proof.
    require_proof: bool = False


@dataclass
class Token:
    value: str
    app_id: str  # "" for a system user's token added through the control API
    login: str  # "facebook" (graph.facebook.com) or "instagram" (graph.instagram.com)
    kind: str  # "short", "long", "page" or "system"
    scopes: list[str]
    issued_at: float
    expires_at: float  # 0: never
    # The Instagram accounts it may act for.
    ig_user_ids: list[str]
    facebook_user_id: str = ""
    revoked: bool = False

    @property
    def host(self) -> str:
        return INSTAGRAM_GRAPH if self.login == "instagram" else FACEBOOK_GRAPH


@dataclass
class Page:
    id: str
    name: str
    ig_user_id: str


@dataclass
class FacebookUser:
    """A person on Facebook who manages Pages, each linked to an Instagram account."""

    id: str
    name: str
    pages: list[Page]


@dataclass
class Grant:
    """What a consent dialog gave, waiting for its code to be exchanged."""

    code: str
    app_id: str
    redirect_uri: str
    login: str
    scopes: list[str]
    ig_user_ids: list[str]
    facebook_user_id: str
    page_ids: list[str]
    created_at: float
    used: bool = False


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
    # What else it was made with (container_params.py); None in worlds saved before.
    options: dict | None = None
    # Its processing failed: Meta's status text, with the subcode (ERROR from then on).
    error: str | None = None

    def status_code(self, now: float) -> str:
        if self.published_media_id:
            return "PUBLISHED"
        if self.error:
            return "ERROR"
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
    # What Meta answers for `media_url`, `thumbnail_url` (video only) and
    # `media_product_type` (https://developers.facebook.com/docs/instagram-platform/reference/
    # instagram-media#fields). Defaults: worlds saved before these were kept.
    media_url: str = ""
    thumbnail_url: str = ""
    product_type: str = "FEED"

    @property
    def permalink(self) -> str:
        return f"https://www.instagram.com/p/sim{self.id}/"


def _token_value(login: str) -> str:
    # Meta's own prefixes: Instagram Login's tokens start IG, Facebook's EAA.
    return ("IGAA" if login == "instagram" else "EAAG") + secrets.token_urlsafe(24)


def graph_timestamp(epoch: float) -> str:
    """The Graph API's time format: 2026-11-25T15:52:35+0000."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(epoch))


class World:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        # Counted up by every request (persistence.py saves when it has moved).
        self.changes = 0
        self.clock_offset = 0.0
        self.apps: dict[str, App] = {}
        self.tokens: dict[str, Token] = {}
        self.facebook_users: dict[str, FacebookUser] = {}
        self.grants: dict[str, Grant] = {}
        self.accounts: dict[str, Account] = {}
        self.containers: dict[str, Container] = {}
        self.media: dict[str, Media] = {}
        self.publishes: list[Media] = []
        # Media an account published before Postflow knew it (POST /_simulator/.../history).
        self.history: list[Media] = []
        # Comments by media id: {"id", "text", "username", "timestamp"}.
        self.comments: dict[str, list[dict]] = {}
        self.faults: list[Fault] = []
        # How the access token came with each Graph call: "header" or "query" (a token in a
        # URL ends up in proxy and server logs; tests check Postflow never sends one there).
        self.token_places: collections.deque[str] = collections.deque(maxlen=10_000)
        self._ids = itertools.count(17_900_000_000_000_000)

    def next_id(self) -> str:
        return str(next(self._ids))

    def now(self) -> float:
        """Meta's clock: this machine's, moved forward by the tests (POST /_simulator/clock)."""
        return time.time() + self.clock_offset

    def issue(self, **fields) -> Token:
        token = Token(value=fields.pop("value", None) or _token_value(fields["login"]), **fields)
        self.tokens[token.value] = token
        return token

    def pages_of(self, ig_user_id: str) -> list[Page]:
        return [p for u in self.facebook_users.values() for p in u.pages if p.ig_user_id == ig_user_id]

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
