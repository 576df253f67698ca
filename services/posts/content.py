"""What a person writes in a post, normalised; the unit every version snapshots."""

import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from lib.captions import HASHTAG_IN_TEXT, MENTION_IN_TEXT, published_text
from lib.post_types import POST_TYPES  # noqa: F401 - the posts service names them here too

CONTENT_FIELDS = ("caption", "hashtags", "media", "post_type", "tags", "metadata")


@dataclass
class Content:
    caption: str = ""
    hashtags: list[str] = field(default_factory=list)
    # Each item: {"media_id": "<uuid>"} or {"url": "https://..."}.
    media: list[dict[str, str]] = field(default_factory=list)
    post_type: str = "photo"
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

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
            media=[{k: v.strip() for k, v in item.items() if v and v.strip()} for item in self.media],
            post_type=self.post_type.strip().lower(),
            tags=_dedupe(t.strip().lower() for t in self.tags),
            metadata=self.metadata,
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
