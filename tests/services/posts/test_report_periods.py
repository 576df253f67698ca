"""A scheduled report's period and next run, in its zone: the last complete week or month,
and the next Monday or first of a month at 08:00 (across a daylight-saving change too)."""

from datetime import UTC, date, datetime

from services.posts.report_schedules import next_run, period


def test_the_period_is_the_last_complete_week_or_month_in_the_zone():
    # Monday 2027-03-01 07:30 UTC is 08:30 in Paris: the week before, and February.
    monday = datetime(2027, 3, 1, 7, 30, tzinfo=UTC)
    assert period("weekly", "Europe/Paris", monday) == (date(2027, 2, 22), date(2027, 2, 28))
    assert period("monthly", "Europe/Paris", monday) == (date(2027, 2, 1), date(2027, 2, 28))
    # Sunday 23:30 UTC is already Monday in Tokyo.
    sunday = datetime(2027, 3, 7, 23, 30, tzinfo=UTC)
    assert period("weekly", "Asia/Tokyo", sunday) == (date(2027, 3, 1), date(2027, 3, 7))
    assert period("weekly", "America/New_York", sunday) == (date(2027, 2, 22), date(2027, 2, 28))
    assert period("monthly", "UTC", datetime(2027, 1, 15, tzinfo=UTC)) == (
        date(2026, 12, 1),
        date(2026, 12, 31),
    )


def test_the_next_run_is_monday_or_the_first_at_eight_local():
    # Wednesday 24 March 2027; the clocks go forward in Paris on the 28th.
    wednesday = datetime(2027, 3, 24, 12, 0, tzinfo=UTC)
    assert next_run("weekly", "Europe/Paris", wednesday) == datetime(2027, 3, 29, 6, 0, tzinfo=UTC)
    assert next_run("monthly", "Europe/Paris", wednesday) == datetime(2027, 4, 1, 6, 0, tzinfo=UTC)
    # A Monday after 08:00 runs next Monday, not today again.
    late_monday = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    assert next_run("weekly", "UTC", late_monday) == datetime(2027, 3, 8, 8, 0, tzinfo=UTC)
    assert next_run("monthly", "UTC", datetime(2027, 12, 31, 23, 0, tzinfo=UTC)) == datetime(
        2028, 1, 1, 8, 0, tzinfo=UTC
    )
