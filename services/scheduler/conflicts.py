"""Posts on one account too close together, and the nearest times that are free."""

from datetime import datetime, timedelta


def clashes(wanted: datetime, taken: dict[str, datetime], gap: timedelta) -> list[str]:
    """Ids of the posts scheduled less than gap from wanted, closest first."""
    close = [(abs(when - wanted), post_id) for post_id, when in taken.items() if abs(when - wanted) < gap]
    return [post_id for _, post_id in sorted(close)]


def free_times(
    wanted: datetime, taken: list[datetime], gap: timedelta, not_before: datetime, count: int = 3
) -> list[datetime]:
    """Up to count times nearest to wanted that keep gap from every taken time."""
    candidates = sorted({t + gap for t in taken} | {t - gap for t in taken}, key=lambda c: abs(c - wanted))
    free = [c for c in candidates if c >= not_before and all(abs(c - t) >= gap for t in taken)]
    return sorted(free[:count])


def busiest_window(wanted: datetime, taken: list[datetime], window: timedelta) -> int:
    """The most posts, wanted included, in any window of this length that contains wanted."""
    times = sorted([*taken, wanted])
    starts = [t for t in times if wanted - window < t <= wanted]
    return max(sum(1 for t in times if start <= t < start + window) for start in starts)
