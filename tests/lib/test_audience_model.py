"""The best-times model on its own: the prior without history, shrinkage with little,
the account's own curve with much, and engagement compared within a media type."""

import math
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from lib import optimal_time
from lib.audience_model import AudienceModel, Sample, fit

NOW = datetime(2026, 12, 1, tzinfo=UTC)
WEEK = [NOW + timedelta(hours=h) for h in range(168)]


def _activity(moment: datetime, peak: float) -> float:
    return 0.7 + 0.3 * math.cos(2 * math.pi * (moment.hour - peak) / 24)


def _history(count: int, peak: float, seed: int = 1, media_type: str = "IMAGE", factor: float = 1.0):
    rng = random.Random(seed)
    samples = []
    for _ in range(count):
        at = NOW - timedelta(seconds=rng.uniform(86400, 60 * 86400))
        samples.append(
            Sample(at, media_type, 300 * factor * rng.uniform(0.8, 1.2) * _activity(at, peak), 10_000)
        )
    return samples


def _best_hour(model: AudienceModel) -> int:
    return max(WEEK, key=lambda m: (model.score(m), -m.timestamp())).hour


def test_without_history_the_general_curve_ranks_the_hours():
    model = fit([], zone="UTC", now=NOW)
    assert model.samples == 0 and model.own_weight == 0
    general = [optimal_time.weight(m.weekday(), m.hour) for m in WEEK]
    scores = [model.score(m) for m in WEEK]
    pairs = [(i, j) for i in range(168) for j in range(168) if general[i] < general[j]]
    assert all(scores[i] < scores[j] for i, j in pairs)
    assert max(scores) == 1.0 and min(scores) > 0.3, "the quietest hour still reaches people"


def test_a_little_history_moves_the_prior_a_little_and_much_history_replaces_it():
    few = fit(_history(5, peak=3.0), zone="UTC", now=NOW)
    many = fit(_history(600, peak=3.0), zone="UTC", now=NOW)
    assert few.own_weight < 0.15 < 0.85 < many.own_weight
    assert _best_hour(few) in (10, 12, 19), "five posts do not overrule the general curve"
    assert _best_hour(many) in (2, 3, 4)


def test_the_model_is_learned_on_the_users_clock():
    samples = _history(600, peak=3.0)  # 03:00 UTC is 12:00 in Tokyo
    model = fit(samples, zone="Asia/Tokyo", now=NOW)
    assert _best_hour(model) in (2, 3, 4)
    best = max(WEEK, key=model.score)
    assert best.astimezone(ZoneInfo("Asia/Tokyo")).hour in (11, 12, 13)
    restored = AudienceModel.from_dict(model.to_dict())
    assert [restored.score(m) for m in WEEK] == [model.score(m) for m in WEEK]


def test_reels_doing_better_than_photos_does_not_read_as_a_better_hour():
    # Photos show the audience peaking at 03:00; reels, posted only around 19:00, get three
    # times the engagement whatever the hour.
    photos = _history(300, peak=3.0)
    reels = [
        s
        for s in _history(400, peak=3.0, seed=2, media_type="REELS", factor=3.0)
        if 17 <= s.published_at.hour <= 21
    ]
    model = fit(photos + reels, zone="UTC", now=NOW)
    assert _best_hour(model) in range(1, 7)
    # Compared as one type, the reels' extra reach would have made the evening look best.
    as_one = [Sample(s.published_at, "IMAGE", s.engagement, s.followers) for s in photos + reels]
    assert _best_hour(fit(as_one, zone="UTC", now=NOW)) in range(17, 22)


def test_explanations_say_what_the_score_is_made_of():
    model = fit(_history(200, peak=3.0), zone="UTC", now=NOW)
    text = model.explain(NOW.replace(hour=3))
    assert "learned from 200 posts" in text and "general Instagram curve" in text
    assert fit([], zone="UTC", now=NOW).explain(NOW).startswith("No history on this account yet")


def test_each_kind_of_post_with_enough_history_gets_its_own_hours():
    # Photos peak at breakfast, reels (listed by Instagram as VIDEO) in the evening.
    photos = _history(300, peak=8.0, seed=2)
    reels = _history(300, peak=20.0, seed=3, media_type="VIDEO")
    carousels = _history(10, peak=14.0, seed=4, media_type="CAROUSEL_ALBUM")
    model = fit(photos + reels + carousels, zone="UTC", now=NOW)
    assert model.type_samples == {"photo": 300, "video": 300}
    assert _best_hour(model.for_type("photo")) in (7, 8, 9)
    assert _best_hour(model.for_type("reel")) in (19, 20, 21)
    assert model.for_type("reel") is model.for_type("video")
    # Ten carousels are too few for hours of their own: the account's curve, in which the
    # two opposite peaks cancel out (which is why each kind needs its own).
    assert model.for_type("carousel") is model and model.for_type("") is model
    assert max(model.hour_lift) / min(model.hour_lift) < 1.2
    assert max(model.for_type("reel").hour_lift) / min(model.for_type("reel").hour_lift) > 1.5
    assert model.for_type("reel").explain(WEEK[20]).startswith("Video posts near 20:00")
    restored = AudienceModel.from_dict(model.to_dict())
    assert [restored.for_type("reel").score(m) for m in WEEK] == [
        model.for_type("reel").score(m) for m in WEEK
    ]
    # A model stored before kinds were learned reads back without them.
    old = {k: v for k, v in model.to_dict().items() if not k.startswith("type_")}
    assert AudienceModel.from_dict(old).for_type("reel").hour_lift == model.hour_lift
