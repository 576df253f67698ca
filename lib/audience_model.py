"""Best times to post, learned from an account's own history.

A model scores every hour of the week, on the clock of the zone it was learned in, from 0
to 1 (1: the account's best hour). It blends two curves:

    value(day, hour) = (1 - a) * prior(day, hour) + a * learned(day, hour)

- `prior` is the general curve (lib/optimal_time), as a lift: PRIOR_BASE + its weight,
  scaled to a mean of 1, so the quietest hour gets about a third of the best's
  engagement, not nothing (which is what engagement by hour looks like, and keeps the
  prior from drowning what an account's own data says).
- `learned` is what the account's own posts did. Each post is a sample: its engagement
  (likes and comments) per follower, divided by the mean of posts of the same type, so
  that reels outperforming photos does not read as a good hour. Samples weigh less with
  age (half-life HALF_LIFE_DAYS). The hour curve is a kernel average over the hours
  around it (Gaussian, KERNEL_HOURS, on the circle of the day), shrunk towards the
  account's average where few posts fall; the weekday factor is the same on what the
  hour curve leaves unexplained.
- `a`, the weight of the account's own data, is n / (n + PRIOR_POSTS) for n posts'
  worth of (recency-weighted) samples: no history, the general curve; 30 posts, half
  and half; 300, 91% the account's own.
- A kind of post (photos, videos and reels, carousels, stories) with TYPE_MIN_POSTS
  samples or more gets an hour curve of its own, the same kernel average over its posts
  alone, shrunk towards the account's curve (not towards the average): reels watched in
  the evening and photos liked at breakfast get different hours. `for_type` is the model
  for one kind; a kind with fewer posts uses the account's curve.

The score is the value divided by the week's best value. Pure: the scheduler fits and
stores it (services/scheduler/audience.py) and scores times with it.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from lib import optimal_time

HALF_LIFE_DAYS = 30.0
KERNEL_HOURS = 1.0
PRIOR_POSTS = 30.0
PRIOR_BASE = 0.5
# Pseudo-posts at the account's average, per hour and per weekday of the learned curve.
LOCAL_SHRINK = 3.0
TYPE_MIN_POSTS = 20
# Instagram's media types (and the container types the simulator keeps) -> kind of post.
KIND_OF_MEDIA_TYPE = {
    "IMAGE": "photo",
    "CAROUSEL_ALBUM": "carousel",
    "CAROUSEL": "carousel",
    "VIDEO": "video",
    "REELS": "video",
    "STORIES": "story",
}
# A post type -> the kind its history is learned with (Instagram lists reels as VIDEO).
KIND_OF_POST_TYPE = {
    "photo": "photo",
    "carousel": "carousel",
    "video": "video",
    "reel": "video",
    "story": "story",
}
WEEKDAYS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")


@dataclass(frozen=True)
class Sample:
    published_at: datetime
    media_type: str
    engagement: float
    followers: int


@dataclass(frozen=True)
class Slot:
    score: float
    prior: float
    hour_lift: float
    day_lift: float


class AudienceModel:
    def __init__(
        self,
        *,
        zone: str,
        own_weight: float,
        hour_lift: list[float],
        day_lift: list[float],
        samples: int,
        type_hour_lift: dict[str, list[float]] | None = None,
        type_samples: dict[str, int] | None = None,
        kind: str = "",
    ) -> None:
        self.zone = zone
        self.own_weight = own_weight
        self.hour_lift = hour_lift
        self.day_lift = day_lift
        self.samples = samples
        self.type_hour_lift = type_hour_lift or {}
        self.type_samples = type_samples or {}
        # The kind of post this model is for ("" for every kind).
        self.kind = kind
        self._for_kind: dict[str, AudienceModel] = {}
        prior = [[PRIOR_BASE + optimal_time.weight(d, h) for h in range(24)] for d in range(7)]
        prior_mean = sum(map(sum, prior)) / 168
        self._values = [
            [
                (1 - own_weight) * prior[d][h] / prior_mean + own_weight * hour_lift[h] * day_lift[d]
                for h in range(24)
            ]
            for d in range(7)
        ]
        self._best = max(max(day) for day in self._values)

    @classmethod
    def general(cls, zone: str) -> "AudienceModel":
        """The model of an account with no history: the general curve."""
        return cls(zone=zone, own_weight=0.0, hour_lift=[1.0] * 24, day_lift=[1.0] * 7, samples=0)

    def to_dict(self) -> dict:
        return {
            "zone": self.zone,
            "own_weight": self.own_weight,
            "hour_lift": self.hour_lift,
            "day_lift": self.day_lift,
            "samples": self.samples,
            "type_hour_lift": self.type_hour_lift,
            "type_samples": self.type_samples,
        }

    @classmethod
    def from_dict(cls, stored: dict) -> "AudienceModel":
        # Models stored before kinds were learned have no type curves.
        return cls(
            **{name: stored[name] for name in ("zone", "own_weight", "hour_lift", "day_lift", "samples")},
            type_hour_lift=stored.get("type_hour_lift"),
            type_samples=stored.get("type_samples"),
        )

    def for_type(self, post_type: str) -> "AudienceModel":
        """The model for one type of post: its kind's own hour curve when the account has
        enough posts of that kind, else this model."""
        kind = KIND_OF_POST_TYPE.get(post_type, "")
        if kind not in self.type_hour_lift:
            return self
        if kind not in self._for_kind:
            self._for_kind[kind] = AudienceModel(
                zone=self.zone,
                own_weight=self.own_weight,
                hour_lift=self.type_hour_lift[kind],
                day_lift=self.day_lift,
                samples=self.type_samples.get(kind, 0),
                kind=kind,
            )
        return self._for_kind[kind]

    def slot(self, moment: datetime) -> Slot:
        """How good publishing at this instant is, and what the score is made of."""
        local = moment.astimezone(ZoneInfo(self.zone))
        day, hour = local.weekday(), local.hour
        return Slot(
            score=round(self._values[day][hour] / self._best, 3),
            prior=optimal_time.weight(day, hour),
            hour_lift=round(self.hour_lift[hour], 3),
            day_lift=round(self.day_lift[day], 3),
        )

    def score(self, moment: datetime) -> float:
        return self.slot(moment).score

    def explain(self, moment: datetime) -> str:
        slot = self.slot(moment)
        local = moment.astimezone(ZoneInfo(self.zone))
        day = WEEKDAYS[local.weekday()]
        general = f"the general Instagram curve rates {local:%H}:00 on {day} {slot.prior:.2f}"
        if self.samples == 0:
            return f"No history on this account yet: {general}."
        posts = f"{self.kind} posts" if self.kind else "posts"
        return (
            f"{posts.capitalize()} near {local:%H}:00 get {slot.hour_lift:.2f}x this account's average "
            f"engagement, and {day} {slot.day_lift:.2f}x; learned from {self.samples} {posts}, "
            f"which weigh {self.own_weight:.0%} against {general}."
        )


def fit(samples: list[Sample], *, zone: str, now: datetime) -> AudienceModel:
    usable = [s for s in samples if s.followers > 0 and s.engagement >= 0 and s.published_at <= now]
    if not usable:
        return AudienceModel.general(zone)
    tz = ZoneInfo(zone)
    weights = [
        0.5 ** (max(0.0, (now - s.published_at).total_seconds()) / 86400 / HALF_LIFE_DAYS) for s in usable
    ]
    rates = [s.engagement / s.followers for s in usable]
    lifts = _relative_to_type(usable, rates, weights)
    locals_ = [s.published_at.astimezone(tz) for s in usable]
    hours = [t.hour + t.minute / 60 for t in locals_]

    hour_lift = _hour_curve(weights, hours, lifts, [1.0] * 24)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for index, sample in enumerate(usable):
        by_kind[KIND_OF_MEDIA_TYPE.get(sample.media_type.upper(), "")].append(index)
    type_hour_lift, type_samples = {}, {}
    for kind, members in by_kind.items():
        if kind and len(members) >= TYPE_MIN_POSTS:
            type_hour_lift[kind] = _hour_curve(
                [weights[i] for i in members],
                [hours[i] for i in members],
                [lifts[i] for i in members],
                hour_lift,
            )
            type_samples[kind] = len(members)

    sums, totals = defaultdict(float), defaultdict(float)
    for w, lift, t in zip(weights, lifts, locals_, strict=True):
        sums[t.weekday()] += w * lift / hour_lift[t.hour]
        totals[t.weekday()] += w
    day_lift = [(sums[d] + LOCAL_SHRINK) / (totals[d] + LOCAL_SHRINK) for d in range(7)]

    effective = sum(weights)
    return AudienceModel(
        zone=zone,
        own_weight=effective / (effective + PRIOR_POSTS),
        hour_lift=hour_lift,
        day_lift=day_lift,
        samples=len(usable),
        type_hour_lift=type_hour_lift,
        type_samples=type_samples,
    )


def _hour_curve(
    weights: list[float], hours: list[float], lifts: list[float], towards: list[float]
) -> list[float]:
    """Each hour's kernel-weighted mean lift, shrunk towards `towards` where few posts fall."""
    curve = []
    for hour in range(24):
        near = [w * _kernel(hour - h) for w, h in zip(weights, hours, strict=True)]
        total = sum(near)
        curve.append(
            (sum(n * lift for n, lift in zip(near, lifts, strict=True)) + LOCAL_SHRINK * towards[hour])
            / (total + LOCAL_SHRINK)
        )
    return curve


def _kernel(distance_hours: float) -> float:
    around = abs(distance_hours) % 24
    around = min(around, 24 - around)
    return math.exp(-(around**2) / (2 * KERNEL_HOURS**2))


def _relative_to_type(samples: list[Sample], rates: list[float], weights: list[float]) -> list[float]:
    """Each rate over the weighted mean of its media type's (the whole account's for a
    type with too few posts to have a mean of its own)."""
    overall = _weighted_mean(rates, weights) or 1.0
    by_type: dict[str, list[int]] = defaultdict(list)
    for index, sample in enumerate(samples):
        by_type[sample.media_type].append(index)
    lifts = [0.0] * len(samples)
    for members in by_type.values():
        mean = overall
        if len(members) >= 5:
            mean = _weighted_mean([rates[i] for i in members], [weights[i] for i in members]) or overall
        for i in members:
            lifts[i] = rates[i] / mean
    return lifts


def _weighted_mean(values: list[float], weights: list[float]) -> float:
    total = sum(weights)
    return sum(v * w for v, w in zip(values, weights, strict=True)) / total if total else 0.0
