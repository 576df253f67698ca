"""Instagram's rules for a post's content, and the softer warnings worth showing."""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from lib.common.errors import Violation, invalid
from lib.common.ids import is_id
from services.posts import hashtag_lists, option_rules
from services.posts.content import POST_TYPES, Content

MAX_CAPTION = 2200
MAX_HASHTAGS = 30
MAX_MENTIONS = 20
MAX_HASHTAG_LENGTH = 100
CAROUSEL_MIN, CAROUSEL_MAX = 2, 10
MAX_TAGS, MAX_TAG_LENGTH = 30, 50
MAX_METADATA_BYTES = 16_384
MAX_TEMPLATE_NAME = 100

_HASHTAG = re.compile(r"^\w+$")


@dataclass
class Warning:
    field: str
    code: str
    message: str


def check(content: Content, *, to_publish: bool = False) -> list[Warning]:
    """Raise a validation error listing every broken rule; return the warnings otherwise.

    to_publish: the post is (or is about to be) scheduled, so it must be complete: a draft
    may lack media, a scheduled post may not.
    """
    problems: list[Violation] = []
    warnings: list[Warning] = []

    if content.post_type not in POST_TYPES:
        problems.append(Violation("post_type", f"must be one of {', '.join(POST_TYPES)}"))

    if len(content.caption) > MAX_CAPTION:
        problems.append(
            Violation("caption", f"is {len(content.caption)} characters; Instagram allows {MAX_CAPTION}")
        )
    mentions = content.mentions()
    if len(mentions) > MAX_MENTIONS:
        problems.append(
            Violation("caption", f"has {len(mentions)} @mentions; Instagram allows {MAX_MENTIONS}")
        )

    problems += _hashtag_problems(content)
    problems += _media_problems(content, warnings, to_publish)
    problems += _tag_problems(content)
    problems += option_rules.problems(content)

    if len(json.dumps(content.metadata)) > MAX_METADATA_BYTES:
        problems.append(Violation("metadata", f"must be at most {MAX_METADATA_BYTES} bytes as JSON"))

    if problems:
        raise invalid(problems)
    warnings += hashtag_warnings(content.all_hashtags())
    return warnings


def check_template_name(name: str) -> None:
    if not name.strip() or len(name) > MAX_TEMPLATE_NAME:
        raise invalid([Violation("template_name", f"must be 1 to {MAX_TEMPLATE_NAME} characters")])


def hashtag_warnings(hashtags: list[str]) -> list[Warning]:
    warnings = []
    for tag in hashtags:
        key = tag.casefold()
        if key in hashtag_lists.BANNED:
            warnings.append(
                Warning(
                    "hashtags", "banned_hashtag", f"#{tag} is restricted by Instagram and can hide the post"
                )
            )
        elif key in hashtag_lists.OVERUSED:
            warnings.append(
                Warning("hashtags", "overused_hashtag", f"#{tag} is so common it rarely brings reach")
            )
    return warnings


def _hashtag_problems(content: Content) -> list[Violation]:
    problems = []
    for i, tag in enumerate(content.bare_hashtags()):
        if not _HASHTAG.match(tag):
            problems.append(
                Violation(f"hashtags.{i}", f"#{tag} may contain only letters, digits and underscores")
            )
        elif tag.isdigit():
            problems.append(Violation(f"hashtags.{i}", f"#{tag} needs at least one letter"))
        elif len(tag) > MAX_HASHTAG_LENGTH:
            problems.append(Violation(f"hashtags.{i}", f"must be at most {MAX_HASHTAG_LENGTH} characters"))
    total = len(content.all_hashtags())
    if total > MAX_HASHTAGS:
        problems.append(
            Violation(
                "hashtags",
                f"the post has {total} hashtags (caption and list together); Instagram allows {MAX_HASHTAGS}",
            )
        )
    published = len(content.published_text())
    if len(content.caption) <= MAX_CAPTION < published:
        problems.append(
            Violation(
                "hashtags",
                f"caption plus hashtags would be {published} characters; Instagram allows {MAX_CAPTION}",
            )
        )
    return problems


def _media_problems(content: Content, warnings: list[Warning], to_publish: bool) -> list[Violation]:
    problems = []
    for i, item in enumerate(content.media):
        media_id, url = item.get("media_id"), item.get("url")
        if bool(media_id) == bool(url):
            problems.append(Violation(f"media.{i}", "give exactly one of media_id or url"))
        elif media_id and not is_id(media_id):
            problems.append(Violation(f"media.{i}.media_id", "is not a media id"))
        elif url and not _is_web_url(url):
            problems.append(Violation(f"media.{i}.url", "must be an http(s) URL"))
    count = len(content.media)
    if count == 0 and to_publish:
        problems.append(
            Violation("media", "a scheduled post needs media; unschedule it to keep it as an idea")
        )
    elif count == 0:
        # A draft may be an idea without media yet; it cannot be scheduled like this.
        warnings.append(Warning("media", "media_missing", "add media before this post can be scheduled"))
    elif content.post_type == "carousel" and not CAROUSEL_MIN <= count <= CAROUSEL_MAX:
        problems.append(
            Violation("media", f"a carousel has {CAROUSEL_MIN} to {CAROUSEL_MAX} items, not {count}")
        )
    elif content.post_type in POST_TYPES and content.post_type != "carousel" and count != 1:
        problems.append(Violation("media", f"a {content.post_type} has exactly 1 media item, not {count}"))
    return problems


def _tag_problems(content: Content) -> list[Violation]:
    problems = []
    if len(content.tags) > MAX_TAGS:
        problems.append(Violation("tags", f"at most {MAX_TAGS} tags"))
    for i, tag in enumerate(content.tags):
        if len(tag) > MAX_TAG_LENGTH:
            problems.append(Violation(f"tags.{i}", f"must be at most {MAX_TAG_LENGTH} characters"))
    return problems


def _is_web_url(value: str) -> bool:
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and len(value) <= 2048
