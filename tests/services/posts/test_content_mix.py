"""Content mix recommendations from how each post type reached, on their own."""

import uuid
from types import SimpleNamespace

from services.posts.content_mix import analyse
from services.posts.predictions import Published


def _history(**reach_by_type: list[int]) -> list[Published]:
    return [Published(uuid.uuid4(), r, 0.5, t) for t, reaches in reach_by_type.items() for r in reaches]


def _posts(*types: str):
    return [SimpleNamespace(post_type=t) for t in types]


def test_a_better_type_posted_rarely_is_recommended():
    table, advice = analyse(_history(photo=[1000] * 8, reel=[2300] * 3), _posts(*["photo"] * 7, "reel"))
    assert [(row.post_type, row.posts, row.avg_reach) for row in table] == [
        ("reel", 3, 2300),
        ("photo", 8, 1000),
    ]
    assert advice[0] == "Reels get 2.3x your photo reach; 1 in 8 of your posts here is a reel"
    assert advice[1] == "Photos are 88% of this range but reach 0.7x your average; try more reels"


def test_too_little_history_or_no_difference_says_nothing():
    assert analyse(_history(photo=[1000] * 2, reel=[5000] * 2), _posts("photo")) == ([], [])
    table, advice = analyse(_history(photo=[1000] * 5, reel=[1050] * 5), _posts("photo", "reel"))
    assert len(table) == 2 and advice == []
    _, none_yet = analyse(_history(photo=[1000] * 5, carousel=[1600] * 4), _posts("photo", "photo"))
    assert none_yet[0] == "Carousels get 1.6x your photo reach; none of your 2 posts here is a carousel"
