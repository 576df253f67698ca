"""What a person writes in a post, normalised; the unit every version snapshots."""

import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from lib.captions import HASHTAG_IN_TEXT, MENTION_IN_TEXT, published_text
from lib.post_types import POST_TYPES  # noqa: F401 - the posts service names them here too

CONTENT_FIELDS = ("caption", "hashtags", "media", "post_type", "tags", "metadata", "options")
# The keys of a media item, each optional: {"media_id"} or {"url"}, then "alt_text" and
# "user_tags" ([{"username", "x", "y"}]).
MEDIA_SOURCES = ("media_id", "url")


@dataclass
class Content:
    caption: str = ""
    hashtags: list[str] = field(default_factory=list)
    # Each item: {"media_id": "<uuid>"} or {"url": "https://..."}, with "alt_text" and
    # "user_tags" when given.
    media: list[dict[str, Any]] = field(default_factory=list)
    post_type: str = "photo"
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    # PublishOptions' fields that are set (first_comment, location_id, collaborators, ...).
    options: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Content":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def normalised(self) -> "Content":
        return Content(
            caption=unicodedata.normalize("NFC", self.caption),
            # Kept as the person wrote them ("#homeDecor" stays "#homeDecor"); compared
            # without the "#" and case-insensitively.
            hashtags=_dedupe((h.strip() for h in self.hashtags), key=bare_hashtag),
            media=[_media_item(item) for item in self.media],
            post_type=self.post_type.strip().lower(),
            tags=_dedupe(t.strip().lower() for t in self.tags),
            metadata=self.metadata,
            options=_options(self.options),
        )

    def bare_hashtags(self) -> list[str]:
        """The list's hashtags without their "#"."""
        return [bare_hashtag(h) for h in self.hashtags]

    def all_hashtags(self) -> list[str]:
        """Hashtags as Instagram will see them (without "#"): the list plus those written in
        the caption."""
        return _dedupe([*self.bare_hashtags(), *HASHTAG_IN_TEXT.findall(self.caption)])

    def mentions(self) -> list[str]:
        return _dedupe(MENTION_IN_TEXT.findall(self.caption))

    def published_text(self) -> str:
        return published_text(self.caption, self.hashtags)

    def search_text(self) -> str:
        return " ".join([self.caption, *self.bare_hashtags()])


def username(name: str) -> str:
    """An Instagram username as Instagram keeps it: no "@", lower case."""
    return name.strip().lstrip("@").lower()


def _text(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value or "")).strip()


def _media_item(item: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        k: v.strip() for k in MEDIA_SOURCES if isinstance(v := item.get(k), str) and v.strip()
    }
    if alt_text := _text(item.get("alt_text")):
        out["alt_text"] = alt_text
    tags = [
        {"username": username(str(tag.get("username") or ""))}
        | {axis: tag[axis] for axis in ("x", "y") if tag.get(axis) is not None}
        for tag in item.get("user_tags") or []
    ]
    if tags:
        out["user_tags"] = tags
    return out


def _options(options: dict[str, Any]) -> dict[str, Any]:
    """Set options only, trimmed; collaborators as usernames, once each."""
    out: dict[str, Any] = {}
    for name in ("first_comment", "location_id", "location_name", "audio_name", "trial"):
        if value := _text(options.get(name)):
            out[name] = value.lower() if name == "trial" else value
    if collaborators := _dedupe(username(str(c)) for c in options.get("collaborators") or []):
        out["collaborators"] = collaborators
    if (cover := _media_item(options.get("cover") or {})) and any(k in cover for k in MEDIA_SOURCES):
        out["cover"] = {k: cover[k] for k in MEDIA_SOURCES if k in cover}
    for name in ("share_to_feed", "thumb_offset_ms"):
        if options.get(name) is not None:
            out[name] = options[name]
    if options.get("publish_myself"):
        out["publish_myself"] = True
    return out


def bare_hashtag(tag: str) -> str:
    return tag.lstrip("#")


def _dedupe(values, key=lambda value: value) -> list[str]:
    """Drop empty values and case-insensitive repeats (of key(value)), keeping the first
    spelling and order."""
    seen: set[str] = set()
    out = []
    for value in values:
        folded = key(value).casefold()
        if folded and folded not in seen:
            seen.add(folded)
            out.append(value)
    return out
