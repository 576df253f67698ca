"""Hashtag suggestions from the user's own history, and warnings about the chosen ones."""

import math
import re
import uuid
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from lib.captions import HASHTAG_IN_TEXT
from lib.common.db import Database
from lib.common.errors import invalid_field
from services.posts import hashtag_groups, rules
from services.posts.content import Content
from services.posts.models import Post

# Enough history to learn a person's habits without scanning years of posts per keystroke.
HISTORY_POSTS = 500
MAX_SUGGESTIONS = 50
# A hashtag on more than this share of the recent posts is flagged as repetitive.
REPETITIVE_SHARE = 0.8
REPETITIVE_MIN_POSTS = 5
# The recent posts a saved post's hashtags are compared with.
RECENT_POSTS = 20
# The same set of at least this many hashtags on this many posts (this one included) is flagged.
SAME_SET_MIN_TAGS = 3
SAME_SET_POSTS = 3
_WORD = re.compile(r"\w{3,}")
_STOPWORDS = frozenset(
    "the and for with this that from your our you are was were have has had but not all can out "
    "just what when where who how its it's into over under about more most very".split()
)


@dataclass
class Suggestion:
    hashtag: str
    score: float
    uses: int
    reason: str


def _words(text: str) -> set[str]:
    text = HASHTAG_IN_TEXT.sub(" ", text)
    return {w.casefold() for w in _WORD.findall(text) if w.casefold() not in _STOPWORDS}


@dataclass
class Suggested:
    suggestions: list[Suggestion]
    # About the hashtags already chosen (banned, over-used, ...).
    warnings: list[rules.Warning]


async def suggest(
    *, db: Database, user_id: uuid.UUID, caption: str, hashtags: list[str], limit: int
) -> Suggested:
    """Rank the user's past hashtags by how often they used them and with what.

    A hashtag scores log(1 + uses) for frequency, plus, for every past post that shares a
    word or hashtag with this caption, the number of shared terms (co-occurrence).
    """
    if not 1 <= limit <= MAX_SUGGESTIONS:
        raise invalid_field("limit", f"must be between 1 and {MAX_SUGGESTIONS}")
    draft = Content(caption=caption, hashtags=hashtags).normalised()
    chosen = {h.casefold() for h in draft.all_hashtags()}
    terms = _words(caption) | chosen

    async with db.reading() as session:
        rows = (
            await session.execute(
                select(Post.caption, Post.hashtags)
                .where(Post.user_id == user_id, Post.deleted_at.is_(None))
                .order_by(Post.created_at.desc())
                .limit(HISTORY_POSTS)
            )
        ).all()

    uses: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    co_score: Counter[str] = Counter()
    because: dict[str, str] = {}
    # Each past post's hashtags (list and caption), newest first, read once for both uses.
    past_keys: list[set[str]] = []
    for past_caption, past_hashtags in rows:
        past = Content(caption=past_caption, hashtags=list(past_hashtags)).all_hashtags()
        keys = {h.casefold() for h in past}
        past_keys.append(keys)
        for tag in past:
            spelling.setdefault(tag.casefold(), tag)
        uses.update(keys)
        shared = terms & (_words(past_caption) | keys)
        if shared:
            for key in keys:
                co_score[key] += len(shared)
                because.setdefault(key, sorted(shared)[0])

    suggestions = []
    for key, count in uses.items():
        if key in chosen:
            continue
        score = math.log1p(count) + co_score[key]
        reason = f"co_occurs_with:{because[key]}" if key in because else "frequent"
        suggestions.append(Suggestion(spelling[key], round(score, 4), count, reason))
    suggestions.sort(key=lambda s: (-s.score, s.hashtag.casefold()))

    warnings = rules.hashtag_warnings(draft.all_hashtags())
    groups = await hashtag_groups.named_sets(db, user_id)
    warnings += _history_warnings(chosen, past_keys[:RECENT_POSTS], spelling, groups)
    return Suggested(suggestions[:limit], warnings)


def _repetition_warnings(chosen: set[str], past_keys: list[set[str]], spelling: dict[str, str]):
    recent = past_keys[:RECENT_POSTS]
    if len(recent) < REPETITIVE_MIN_POSTS:
        return []
    counts: Counter[str] = Counter()
    for keys in recent:
        counts.update(keys)
    warnings = []
    for key in sorted(chosen):
        if counts[key] / len(recent) > REPETITIVE_SHARE:
            warnings.append(
                rules.Warning(
                    "hashtags",
                    "repetitive_hashtag",
                    f"#{spelling.get(key, key)} is on {counts[key]} of your last {len(recent)} posts; "
                    "the same tags on every post can look like spam",
                )
            )
    return warnings


def _history_warnings(
    chosen: set[str], past_keys: list[set[str]], spelling: dict[str, str], groups: dict[frozenset[str], str]
):
    """The warnings of chosen hashtags against the recent posts' (newest first): the same
    in suggestions as when a post is saved."""
    repeated_group = _same_group_warning(chosen, past_keys, groups)
    return (
        _repetition_warnings(chosen, past_keys, spelling)
        + repeated_group
        + ([] if repeated_group else _same_set_warning(chosen, past_keys))
    )


def _same_group_warning(
    chosen: set[str], past_keys: list[set[str]], groups: dict[frozenset[str], str]
) -> list[rules.Warning]:
    """A hashtag group's whole set on this post and on many recent ones: named, since the
    group is what repeats it."""
    for tags, name in sorted(groups.items(), key=lambda g: (-len(g[0]), g[1])):
        if len(tags) < SAME_SET_MIN_TAGS or not tags <= chosen:
            continue
        same = sum(1 for keys in past_keys if tags <= keys)
        if same + 1 >= SAME_SET_POSTS:
            return [
                rules.Warning(
                    "hashtags",
                    "repeated_hashtag_group",
                    f"The hashtag group {name!r} is on {same} of your last {len(past_keys)} posts as well; "
                    "vary it, or Instagram may treat the posts as spam",
                )
            ]
    return []


def _same_set_warning(chosen: set[str], past_keys: list[set[str]]) -> list[rules.Warning]:
    if len(chosen) < SAME_SET_MIN_TAGS:
        return []
    same = sum(1 for keys in past_keys if keys == chosen)
    if same + 1 < SAME_SET_POSTS:
        return []
    return [
        rules.Warning(
            "hashtags",
            "repeated_hashtag_set",
            f"The same {len(chosen)} hashtags are on {same} of your last {len(past_keys)} posts as well; "
            "vary them, or Instagram may treat the posts as spam",
        )
    ]


async def history_warnings(db: Database, *, user_id: uuid.UUID, post: Post) -> list[rules.Warning]:
    """Warnings about a saved post's hashtags against the user's recent posts: one used on
    nearly all of them, or the very same set again."""
    content = Content(caption=post.caption, hashtags=list(post.hashtags))
    chosen = {h.casefold() for h in content.all_hashtags()}
    if not chosen:
        return []
    async with db.reading() as session:
        rows = (
            await session.execute(
                select(Post.caption, Post.hashtags)
                .where(
                    Post.user_id == user_id,
                    Post.id != post.id,
                    Post.deleted_at.is_(None),
                    Post.template_name.is_(None),
                )
                .order_by(Post.created_at.desc())
                .limit(RECENT_POSTS)
            )
        ).all()
    past_keys, spelling = [], {}
    for past_caption, past_hashtags in rows:
        past = Content(caption=past_caption, hashtags=list(past_hashtags)).all_hashtags()
        past_keys.append({h.casefold() for h in past})
        for tag in past:
            spelling.setdefault(tag.casefold(), tag)
    return _history_warnings(chosen, past_keys, spelling, await hashtag_groups.named_sets(db, user_id))
