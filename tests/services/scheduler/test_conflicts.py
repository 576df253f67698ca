from datetime import UTC, datetime, timedelta

from services.scheduler.conflicts import busiest_window, clashes, free_times

T = datetime(2031, 6, 2, 7, 0, tzinfo=UTC)
GAP = timedelta(minutes=10)


def test_clashes_are_the_posts_inside_the_gap_closest_first():
    taken = {"a": T + timedelta(minutes=8), "b": T - timedelta(minutes=3), "c": T + timedelta(minutes=10)}
    assert clashes(T, taken, GAP) == ["b", "a"]


def test_free_times_keep_the_gap_from_every_post():
    taken = [T, T + timedelta(minutes=10)]
    assert free_times(T + timedelta(minutes=4), taken, GAP, not_before=T - timedelta(hours=1)) == [
        T - GAP,
        T + 2 * GAP,
    ]


def test_free_times_are_never_in_the_past():
    assert free_times(T, [T], GAP, not_before=T) == [T + GAP]


def test_busiest_window_counts_every_24_hours_that_contain_the_new_post():
    day = timedelta(hours=24)
    taken = [T - timedelta(hours=23), T - timedelta(hours=1), T + timedelta(hours=2), T + timedelta(hours=30)]
    # [T-23h, T+1h) holds 3 with T; [T-1h, T+23h) holds 3; the post 30 h later never shares a day with T.
    assert busiest_window(T, taken, day) == 3
    assert busiest_window(T, [], day) == 1
    assert busiest_window(T, [T - day], day) == 1
