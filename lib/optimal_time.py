"""The general curve: how good a local posting time is (0-1) for an audience we know nothing
about, from the hour of the week.

General engagement curves for Instagram peak around late morning and early evening on
weekdays and mid-morning at weekends. It is the prior of each account's learned model
(lib/audience_model.py): a new account is scored by it, an established one mostly by its
own history.
"""

from datetime import datetime

# Hour of day -> weight, weekdays and weekends.
_WEEKDAY = [0.05, 0.03, 0.02, 0.02, 0.03, 0.1, 0.25, 0.45, 0.6, 0.7, 0.8, 0.9,
            1.0, 0.9, 0.75, 0.7, 0.75, 0.85, 0.95, 1.0, 0.9, 0.7, 0.4, 0.15]  # fmt: skip
_WEEKEND = [0.08, 0.05, 0.03, 0.02, 0.02, 0.05, 0.12, 0.3, 0.6, 0.85, 1.0, 0.95,
            0.9, 0.8, 0.7, 0.65, 0.7, 0.75, 0.8, 0.8, 0.7, 0.55, 0.35, 0.15]  # fmt: skip


def weight(weekday: int, hour: int) -> float:
    """The curve at an hour of the week (Monday is 0)."""
    return (_WEEKEND if weekday >= 5 else _WEEKDAY)[hour]


def score(local: datetime) -> float:
    return round(weight(local.weekday(), local.hour), 2)
