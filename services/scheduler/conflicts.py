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
