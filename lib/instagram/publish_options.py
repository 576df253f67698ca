"""What Instagram takes besides the media and the caption, and on which kinds of post. The
posts service checks a post against it when the post is saved; the publishing worker
builds each container's parameters with it; so what is checked is what is sent.

Meta's reference: IG User Media, POST /{ig-user-id}/media
(https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media)
and the content publishing guide
(https://developers.facebook.com/docs/instagram-platform/content-publishing/):
- user_tags: [{username, x, y}], x and y from the picture's top left, 0.0 to 1.0, on
  images; reels take usernames only; stories (since July 2025) either way;
- alt_text: image posts only ("Reels and stories are not supported", March 2025);
- collaborators: up to 3 usernames, on feed images, reels and carousels, not stories;
- location_id: a Page id with a location; not on stories (stickers are not published);
- share_to_feed, cover_url, thumb_offset (ms), audio_name, trial_params: reels only.
"""

import json
import re
from dataclasses import dataclass, field
from typing import Any

MAX_COLLABORATORS = 3
# Instagram's own ceiling on people tagged in one picture.
MAX_USER_TAGS = 20
# A comment is text like a caption, with the same ceiling.
MAX_FIRST_COMMENT = 2200
# Postflow's ceilings where Meta states none: the media library's own, and a name.
MAX_ALT_TEXT = 2200
MAX_AUDIO_NAME = 100
MAX_LOCATION_NAME = 200
# Reels are up to 15 minutes long (the guide's reel specifications).
MAX_THUMB_OFFSET_MS = 15 * 60 * 1000
# Instagram usernames: letters, digits, periods and underscores, at most 30.
USERNAME = re.compile(r"^[a-z0-9._]{1,30}$")
PAGE_ID = re.compile(r"^[0-9]{1,30}$")
TRIALS = {"manual": "MANUAL", "ss_performance": "SS_PERFORMANCE"}

# Video posts are published as reels (Meta retired media_type=VIDEO in November 2023).
REELS = ("reel", "video")
FEED = ("photo", "carousel", *REELS)
TAKEN_BY = {
    "first_comment": FEED,
    "location_id": FEED,
    "location_name": FEED,
    "collaborators": FEED,
    "share_to_feed": REELS,
    "cover": REELS,
    "thumb_offset_ms": REELS,
    "audio_name": REELS,
    "trial": REELS,
}


# A media URL's kind by its suffix, where no library item says it (the posts service when
# the post is saved, the worker when it is sent).
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v")


def is_video_url(url: str) -> bool:
    return url.lower().split("?")[0].endswith(VIDEO_SUFFIXES)


def takes(post_type: str, option: str) -> bool:
    return post_type in TAKEN_BY.get(option, ())


def kinds_taking(option: str) -> str:
    """The kinds of post that take an option, for a message: "reel or video"."""
    names = TAKEN_BY[option]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def tag_positions(post_type: str, is_video: bool) -> str:
    """Whether a tag on an item has a place: "required" (pictures of the feed), "optional"
    (stories), "none" (reels), or "refused" (a carousel's video)."""
    if post_type == "story":
        return "optional"
    if post_type in REELS:
        return "none"
    return "refused" if is_video else "required"


def takes_alt_text(post_type: str, is_video: bool) -> bool:
    return post_type in ("photo", "carousel") and not is_video


@dataclass
class Item:
    """One media item as Instagram will fetch it."""

    url: str
    is_video: bool
    alt_text: str = ""
    user_tags: list[dict[str, Any]] = field(default_factory=list)


def _tags(post_type: str, item: Item) -> dict[str, str]:
    positions = tag_positions(post_type, item.is_video)
    if not item.user_tags or positions == "refused":
        return {}
    keep = ("username",) if positions == "none" else ("username", "x", "y")
    tags = [{k: tag[k] for k in keep if k in tag} for tag in item.user_tags]
    return {"user_tags": json.dumps(tags, separators=(",", ":"))}


def _media(post_type: str, item: Item) -> dict[str, str]:
    params = {"video_url": item.url} if item.is_video else {"image_url": item.url}
    if item.alt_text and takes_alt_text(post_type, item.is_video):
        params["alt_text"] = item.alt_text
    return params | _tags(post_type, item)


def _feed_options(options: dict[str, Any]) -> dict[str, str]:
    params = {}
    if location := options.get("location_id"):
        params["location_id"] = location
    if collaborators := options.get("collaborators"):
        params["collaborators"] = json.dumps(collaborators, separators=(",", ":"))
    return params


def _reel_options(options: dict[str, Any], cover_url: str) -> dict[str, str]:
    params = {}
    if options.get("share_to_feed") is not None:
        params["share_to_feed"] = "true" if options["share_to_feed"] else "false"
    if cover_url:
        params["cover_url"] = cover_url
    elif options.get("thumb_offset_ms") is not None:
        params["thumb_offset"] = str(int(options["thumb_offset_ms"]))
    if audio := options.get("audio_name"):
        params["audio_name"] = audio
    if trial := options.get("trial"):
        params["trial_params"] = json.dumps({"graduation_strategy": TRIALS[trial]})
    return params


def carousel_child(item: Item) -> dict[str, str]:
    """A carousel item's container parameters."""
    params = _media("carousel", item) | {"is_carousel_item": "true"}
    if item.is_video:
        params["media_type"] = "VIDEO"
    return params


def container(
    post_type: str, caption: str, options: dict[str, Any], items: list[Item], cover_url: str = ""
) -> dict[str, str]:
    """The post's (parent) container parameters; a carousel's children go in `children`
    once they are made."""
    if post_type == "carousel":
        return {"media_type": "CAROUSEL", "caption": caption} | _feed_options(options)
    item = items[0]
    if post_type == "story":
        return {"media_type": "STORIES"} | _media(post_type, item)
    if post_type in REELS:
        video = Item(item.url, True, item.alt_text, item.user_tags)
        return (
            {"media_type": "REELS", "caption": caption}
            | _media(post_type, video)
            | _feed_options(options)
            | _reel_options(options, cover_url)
        )
    return {"caption": caption} | _media(post_type, item) | _feed_options(options)
