"""Which insights Instagram has for each media product type, in the Graph API versions
Postflow uses (v22.0 on: `views` replaced `impressions`, `plays` and `video_views`; stories
have no likes, comments or saves, and their insights last 24 hours):
https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
"""

from datetime import timedelta

FEED = ("likes", "comments", "shares", "saved", "reach", "views")
REELS = FEED
STORY = ("reach", "views", "shares", "replies")
BY_POST_TYPE = {"photo": FEED, "carousel": FEED, "video": REELS, "reel": REELS, "story": STORY}
# A story's insights can be read for this long after it is published, then never again.
STORY_INSIGHTS_LAST = timedelta(hours=24)


def metrics_for(post_type: str) -> tuple[str, ...]:
    """The metrics to ask of a post's media (a post of unknown type: the feed's)."""
    return BY_POST_TYPE.get(post_type, FEED)
