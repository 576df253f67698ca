"""What the content mix should be: how each post type reaches for this user (their last
published posts with collected metrics), set beside each type's share of a range, with
recommendations in words ("Reels get 2.3x your photo reach; 1 in 8 of your posts here is a
reel")."""

import statistics
from collections import Counter
from dataclasses import dataclass

from services.posts.models import Post
from services.posts.predictions import Published

# A type needs this many published posts with metrics to be compared.
MIN_POSTS = 3
# A type whose reach is at least this multiple of the usual type's is worth more of.
BETTER = 1.2
# A type this far below the average that fills more than HEAVY_SHARE of the range.
WORSE = 0.8
HEAVY_SHARE = 0.5
PLURAL = {"photo": "photos", "video": "videos", "carousel": "carousels", "reel": "reels", "story": "stories"}


@dataclass(frozen=True)
class TypeReach:
    post_type: str
    posts: int
    avg_reach: float
    # avg_reach over the mean reach of all the posts compared.
    vs_average: float
    share_of_range: float


def _plural(post_type: str) -> str:
    return PLURAL.get(post_type, post_type)


def _share_words(count: int, total: int, post_type: str) -> str:
    if count == 0:
        return f"none of your {total} posts here is a {post_type}"
    if count == total:
        return f"all of your {total} posts here are {_plural(post_type)}"
    one_in = round(total / count)
    if one_in >= 2 and abs(total / count - one_in) < 0.25:
        return f"1 in {one_in} of your posts here is a {post_type}"
    return f"{count} of your {total} posts here are {_plural(post_type)}"


def analyse(history: list[Published], posts: list[Post]) -> tuple[list[TypeReach], list[str]]:
    by_type: dict[str, list[int]] = {}
    for past in history:
        by_type.setdefault(past.post_type, []).append(past.reach)
    compared = {t: reaches for t, reaches in by_type.items() if t and len(reaches) >= MIN_POSTS}
    if not compared:
        return [], []
    average = statistics.fmean(r for reaches in compared.values() for r in reaches) or 1.0
    in_range = Counter(p.post_type for p in posts)
    total = len(posts)
    table = sorted(
        (
            TypeReach(
                t,
                len(reaches),
                round(statistics.fmean(reaches), 1),
                round(statistics.fmean(reaches) / average, 2),
                round(in_range[t] / total, 4) if total else 0.0,
            )
            for t, reaches in compared.items()
        ),
        key=lambda row: (-row.avg_reach, row.post_type),
    )
    advice = []
    usual = max(table, key=lambda row: (row.posts, -row.avg_reach))  # the type posted most
    best = table[0]
    if best.post_type != usual.post_type and usual.avg_reach and best.avg_reach / usual.avg_reach >= BETTER:
        ratio = best.avg_reach / usual.avg_reach
        text = f"{_plural(best.post_type).capitalize()} get {ratio:.1f}x your {usual.post_type} reach"
        if total:
            text += "; " + _share_words(in_range[best.post_type], total, best.post_type)
        advice.append(text)
    for row in table:
        if total and row.share_of_range > HEAVY_SHARE and row.vs_average < WORSE:
            advice.append(
                f"{_plural(row.post_type).capitalize()} are {row.share_of_range:.0%} of this range but "
                f"reach {row.vs_average:.1f}x your average; try more {_plural(best.post_type)}"
            )
    return table, advice
