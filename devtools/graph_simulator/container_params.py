"""The parameters POST /{ig-user-id}/media takes, and with which media type, as Meta's IG
User Media reference lists them
(https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media):

- user_tags: a JSON array of {username, x, y}; x and y, floats from 0.0 to 1.0 from the top
  left, on images (and a carousel's images); stories take them optionally (July 2025);
  reels take usernames;
- alt_text: image posts only ("Reels and stories are not supported");
- collaborators: a JSON array of up to 3 usernames; feed images, reels and carousels, not
  stories;
- location_id: a Page id; not stories (stickers are not published);
- share_to_feed, cover_url, thumb_offset (ms), audio_name, trial_params
  ({"graduation_strategy": "MANUAL" | "SS_PERFORMANCE"}): reels only.

Refused with code 100 (invalid parameter), naming the parameter, and deliberately written
apart from Postflow's own rules (lib/instagram/publish_options.py): a parameter Postflow
would send that Instagram does not take fails a test here, instead of passing unnoticed.
"""

import json
import re
from typing import Any

from devtools.graph_simulator.errors import GraphError

KNOWN = {
    "access_token",
    "appsecret_proof",
    "image_url",
    "video_url",
    "media_type",
    "caption",
    "is_carousel_item",
    "children",
    "alt_text",
    "user_tags",
    "location_id",
    "collaborators",
    "share_to_feed",
    "cover_url",
    "thumb_offset",
    "audio_name",
    "trial_params",
    "product_tags",
    "upload_type",
    # Taken by Meta too (its SDK lists them), not sent by Postflow: accepted as they are.
    "audio_configuration",
    "branded_content_sponsor_ids",
    "cross_post_to_threads",
    "is_ai_generated",
    "is_comment_prompt_used",
    "is_paid_partnership",
    "is_poll_duration_extended",
    "poll_attachment",
    "show_ig_link",
    "title",
}
REELS_ONLY = ("share_to_feed", "cover_url", "thumb_offset", "audio_name", "trial_params")
MAX_TAGS = 20
MAX_COLLABORATORS = 3
USERNAME = re.compile(r"^[A-Za-z0-9._]{1,30}$")
GRADUATIONS = ("MANUAL", "SS_PERFORMANCE")
MAX_CAPTION = 2200
MAX_HASHTAGS = 30
HASHTAG = re.compile(r"#\w+")
MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9._]+")


def invalid(name: str, why: str) -> GraphError:
    return GraphError(
        400,
        100,
        0,
        f"(#100) Invalid parameter {name}: {why}",
        user_title="Invalid parameter",
        user_message=f"{name}: {why}",
    )


def _json(values: dict[str, str], name: str) -> Any:
    try:
        return json.loads(values[name])
    except ValueError as exc:
        raise invalid(name, "must be JSON") from exc


def _unit(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0.0 <= value <= 1.0


def _user_tags(values: dict[str, str], places: str) -> list[dict[str, Any]]:
    """places: "required", "optional" or "none"."""
    tags = _json(values, "user_tags")
    if not isinstance(tags, list) or not all(isinstance(t, dict) for t in tags):
        raise invalid("user_tags", "must be an array of objects")
    if len(tags) > MAX_TAGS:
        # The error-code page's own row for it.
        raise GraphError(400, 100, 2207040, f"Cannot use more than {MAX_TAGS} tags per item.")
    for tag in tags:
        if not USERNAME.match(str(tag.get("username", ""))):
            raise invalid("user_tags", f"{tag.get('username')!r} is not a username")
        placed = [axis for axis in ("x", "y") if axis in tag]
        if places == "none" and placed:
            raise invalid("user_tags", "reels take usernames only")
        if places == "required" and len(placed) < 2:
            raise invalid("user_tags", "x and y are required on images")
        if not all(_unit(tag[axis]) for axis in placed):
            raise invalid("user_tags", "x and y must be from 0.0 to 1.0")
    return tags


def id_list(value: str) -> list[str]:
    """A list of ids as the Graph API takes one: a JSON array (what Meta's SDKs send) or
    comma-separated."""
    if value.lstrip().startswith("["):
        try:
            found = json.loads(value)
        except ValueError as exc:
            raise invalid("children", "must be a JSON array or comma-separated ids") from exc
        if not isinstance(found, list):
            raise invalid("children", "must be a JSON array or comma-separated ids")
        return [str(item) for item in found if str(item)]
    return [item.strip() for item in value.split(",") if item.strip()]


def check_caption(caption: str) -> None:
    """The content publishing guide's caption limits: 2,200 characters (36004 / 2207010 on
    the error-code page), 30 hashtags, 20 @mentions (2207040: more than 20 tags)."""
    if len(caption) > MAX_CAPTION:
        raise GraphError(400, 36004, 2207010, "The caption is too long.")
    if len({tag.lower() for tag in HASHTAG.findall(caption)}) > MAX_HASHTAGS:
        raise invalid("caption", f"at most {MAX_HASHTAGS} hashtags")
    if len({name.lower() for name in MENTION.findall(caption)}) > MAX_TAGS:
        raise GraphError(400, 100, 2207040, f"Cannot use more than {MAX_TAGS} tags per item.")


def check(values: dict[str, str], media_type: str, is_child: bool) -> dict[str, Any]:
    """The options of a container, as kept; raises Meta's error for any it would refuse."""
    for name in values:
        if name not in KNOWN:
            raise invalid(name, "is not a parameter of this endpoint")
    check_caption(values.get("caption", ""))
    is_video = "video_url" in values
    options: dict[str, Any] = {}
    if "alt_text" in values:
        if media_type != "IMAGE" or is_video:
            raise invalid("alt_text", "is supported on images only; reels and stories are not supported")
        options["alt_text"] = values["alt_text"]
    if "user_tags" in values:
        if media_type in ("REELS", "VIDEO") and is_child:
            raise invalid("user_tags", "is not supported on a carousel's videos")
        places = {"STORIES": "optional", "REELS": "none", "IMAGE": "required"}.get(media_type)
        if places is None or (is_video and media_type == "IMAGE"):
            raise invalid("user_tags", f"is not supported on {media_type}")
        options["user_tags"] = _user_tags(values, places)
    for name in ("collaborators", "location_id"):
        if name in values and (media_type == "STORIES" or is_child):
            raise invalid(name, "is not supported on stories or carousel items")
    if "collaborators" in values:
        names = _json(values, "collaborators")
        if not isinstance(names, list) or not all(isinstance(n, str) and USERNAME.match(n) for n in names):
            raise invalid("collaborators", "must be an array of usernames")
        if len(names) > MAX_COLLABORATORS:
            raise invalid("collaborators", f"at most {MAX_COLLABORATORS} collaborators")
        options["collaborators"] = names
    if "location_id" in values:
        if not values["location_id"].isdigit():
            raise invalid("location_id", "must be a Page id")
        options["location_id"] = values["location_id"]
    for name in REELS_ONLY:
        if name in values and media_type != "REELS":
            raise invalid(name, "is supported on reels only")
    if "share_to_feed" in values:
        if values["share_to_feed"] not in ("true", "false"):
            raise invalid("share_to_feed", "must be true or false")
        options["share_to_feed"] = values["share_to_feed"] == "true"
    if "thumb_offset" in values:
        if not values["thumb_offset"].isdigit():
            raise invalid("thumb_offset", "must be a number of milliseconds")
        options["thumb_offset"] = int(values["thumb_offset"])
    if "trial_params" in values:
        trial = _json(values, "trial_params")
        if not isinstance(trial, dict) or trial.get("graduation_strategy") not in GRADUATIONS:
            raise invalid("trial_params", f"graduation_strategy must be one of {', '.join(GRADUATIONS)}")
        options["trial_params"] = trial
    for name in ("cover_url", "audio_name"):
        if name in values:
            options[name] = values[name]
    return options
