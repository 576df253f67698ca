"""Plausible engagement for simulated media: it grows after publishing and levels off
(most of a post's reach comes in its first day), scaled by the account's followers, by a
per-post quality drawn from its id (the same answers every time), and by how active the
account's audience is at the hour and weekday it was published: the account's hidden
audience curve, which Postflow's best times must learn from the engagement alone.
`speed` compresses time for development and tests (3600: an hour a second)."""

import hashlib
import math
import random

# What each media product type has, as the Media Insights reference lists it for v22.0 on
# (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights):
# stories have no likes, comments or saves; impressions, plays and video_views are retired.
FEED_METRICS = ("likes", "comments", "shares", "saved", "reach", "views", "total_interactions")
METRICS_OF = {
    "FEED": FEED_METRICS,
    "REELS": FEED_METRICS,
    "STORY": ("reach", "views", "shares", "replies", "total_interactions"),
}
METRICS = FEED_METRICS


def product_type(media_type: str) -> str:
    """The media_product_type of a container's media_type."""
    return {"STORIES": "STORY", "REELS": "REELS", "VIDEO": "REELS"}.get(media_type, "FEED")


# Half of a post's eventual reach arrives in roughly its first 4 hours.
SETTLE_SECONDS = 6 * 3600


def audience_activity(at: float, peak_hour_utc: float, weekdays: list[float]) -> float:
    """At an instant (epoch seconds): 0.4 at the quietest hour, 1.0 at the audience's peak,
    times the weekday's weight (Monday first, in UTC)."""
    hour = (at % 86400) / 3600
    weekday = (int(at // 86400) + 3) % 7  # 1970-01-01 was a Thursday
    return (0.7 + 0.3 * math.cos(2 * math.pi * (hour - peak_hour_utc) / 24)) * weekdays[weekday]


def insights(
    media_id: str,
    *,
    followers: int,
    published_at: float,
    now: float,
    speed: float,
    peak_hour_utc: float,
    weekdays: list[float],
) -> dict[str, int]:
    rng = random.Random(int(hashlib.sha256(media_id.encode()).hexdigest()[:12], 16))
    quality = rng.uniform(0.6, 1.4)
    age = max(0.0, (now - published_at) * speed)
    settled = 1 - math.exp(-age / SETTLE_SECONDS)
    reach = followers * 0.35 * quality * audience_activity(published_at, peak_hour_utc, weekdays) * settled
    likes = reach * 0.09
    figures = {
        "reach": int(reach),
        "views": int(reach * 1.6),
        "likes": int(likes),
        "comments": int(likes * 0.04),
        "saved": int(likes * 0.12),
        "shares": int(likes * 0.05),
        "replies": int(likes * 0.02),
    }
    figures["total_interactions"] = sum(figures[m] for m in ("likes", "comments", "saved", "shares"))
    return figures
