"""Instagram's rules for a post's publish options and for what its media items carry (alt
text, people tagged), checked when the post is saved, each problem named by its field.
What Instagram takes where is lib/instagram/publish_options.py."""

import math
from typing import Any

from lib.common.errors import Violation
from lib.common.ids import is_id
from lib.instagram import publish_options as meta
from services.posts.content import MEDIA_SOURCES, Content


def looks_like_video(item: dict[str, Any]) -> bool:
    """A URL item by its suffix; a library item's kind is checked when it is scheduled."""
    return meta.is_video_url(str(item.get("url", "")))


def problems(content: Content) -> list[Violation]:
    found = _option_problems(content.post_type, content.options)
    for index, item in enumerate(content.media):
        found += item_problems(content.post_type, index, item, looks_like_video(item))
    return found


def item_problems(post_type: str, index: int, item: dict[str, Any], is_video: bool) -> list[Violation]:
    where = f"media.{index}"
    found = []
    alt_text = item.get("alt_text", "")
    if alt_text and not meta.takes_alt_text(post_type, is_video):
        found.append(
            Violation(
                f"{where}.alt_text",
                "Instagram takes alt text on the pictures of photo and carousel posts only",
            )
        )
    elif len(alt_text) > meta.MAX_ALT_TEXT:
        found.append(Violation(f"{where}.alt_text", f"must be at most {meta.MAX_ALT_TEXT} characters"))
    tags = item.get("user_tags") or []
    if not tags:
        return found
    positions = meta.tag_positions(post_type, is_video)
    if positions == "refused":
        found.append(
            Violation(
                f"{where}.user_tags", "Instagram takes people tags on a carousel's pictures, not its videos"
            )
        )
        return found
    if len(tags) > meta.MAX_USER_TAGS:
        found.append(
            Violation(
                f"{where}.user_tags",
                f"Instagram allows {meta.MAX_USER_TAGS} people per item, not {len(tags)}",
            )
        )
    seen = set()
    for n, tag in enumerate(tags):
        name = tag.get("username", "")
        if not meta.USERNAME.match(name):
            found.append(
                Violation(
                    f"{where}.user_tags.{n}.username",
                    "is not an Instagram username (letters, digits, . and _, at most 30)",
                )
            )
        elif name in seen:
            found.append(Violation(f"{where}.user_tags.{n}.username", f"@{name} is tagged twice"))
        seen.add(name)
        found += _position_problems(f"{where}.user_tags.{n}", tag, positions)
    return found


def _position_problems(where: str, tag: dict[str, Any], positions: str) -> list[Violation]:
    placed = [axis for axis in ("x", "y") if tag.get(axis) is not None]
    if positions == "none" and placed:
        return [
            Violation(f"{where}.{placed[0]}", "a reel's tags name people without a place; leave x and y out")
        ]
    if positions == "required" and len(placed) < 2:
        return [
            Violation(
                f"{where}.{'y' if 'x' in placed else 'x'}",
                "a picture's tag needs its place: x and y, from 0 to 1",
            )
        ]
    if len(placed) == 1:
        return [Violation(f"{where}.{'y' if 'x' in placed else 'x'}", "give both x and y, or neither")]
    found = []
    for axis in placed:
        value = tag[axis]
        if not isinstance(value, int | float) or not math.isfinite(value) or not 0 <= value <= 1:
            found.append(Violation(f"{where}.{axis}", "must be from 0 to 1 (from the picture's top left)"))
    return found


def _option_problems(post_type: str, options: dict[str, Any]) -> list[Violation]:
    found = []
    for name in options:
        if name in meta.TAKEN_BY and not meta.takes(post_type, name):
            found.append(
                Violation(
                    f"options.{name}", f"Instagram takes it on a {meta.kinds_taking(name)}, not a {post_type}"
                )
            )
    if len(options.get("first_comment", "")) > meta.MAX_FIRST_COMMENT:
        found.append(
            Violation("options.first_comment", f"must be at most {meta.MAX_FIRST_COMMENT} characters")
        )
    if (location := options.get("location_id")) and not meta.PAGE_ID.match(location):
        found.append(Violation("options.location_id", "must be a Facebook Page id (digits)"))
    if len(options.get("location_name", "")) > meta.MAX_LOCATION_NAME:
        found.append(
            Violation("options.location_name", f"must be at most {meta.MAX_LOCATION_NAME} characters")
        )
    collaborators = options.get("collaborators", [])
    if len(collaborators) > meta.MAX_COLLABORATORS:
        found.append(
            Violation(
                "options.collaborators",
                f"Instagram allows {meta.MAX_COLLABORATORS} collaborators, not {len(collaborators)}",
            )
        )
    for n, name in enumerate(collaborators):
        if not meta.USERNAME.match(name):
            found.append(
                Violation(
                    f"options.collaborators.{n}",
                    "is not an Instagram username (letters, digits, . and _, at most 30)",
                )
            )
    cover = options.get("cover", {})
    if cover and sum(1 for k in MEDIA_SOURCES if cover.get(k)) != 1:
        found.append(Violation("options.cover", "give exactly one of media_id or url"))
    elif (url := cover.get("url")) and not url.startswith(("http://", "https://")):
        found.append(Violation("options.cover.url", "must be an http(s) URL"))
    elif (media_id := cover.get("media_id")) and not is_id(media_id):
        found.append(Violation("options.cover.media_id", "is not a media id"))
    offset = options.get("thumb_offset_ms")
    if offset is not None and cover:
        found.append(Violation("options.thumb_offset_ms", "choose a cover picture or a frame, not both"))
    elif offset is not None and not 0 <= offset <= meta.MAX_THUMB_OFFSET_MS:
        found.append(
            Violation("options.thumb_offset_ms", f"must be from 0 to {meta.MAX_THUMB_OFFSET_MS} (15 minutes)")
        )
    if len(options.get("audio_name", "")) > meta.MAX_AUDIO_NAME:
        found.append(Violation("options.audio_name", f"must be at most {meta.MAX_AUDIO_NAME} characters"))
    if (trial := options.get("trial")) and trial not in meta.TRIALS:
        found.append(Violation("options.trial", f"must be one of {', '.join(meta.TRIALS)}"))
    return found
