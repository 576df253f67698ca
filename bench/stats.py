"""Latency bookkeeping for the benchmarks."""

from collections import defaultdict


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


class Recorder:
    """Milliseconds per operation name, and failures."""

    def __init__(self) -> None:
        self.samples: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)

    def add(self, op: str, seconds: float, ok: bool) -> None:
        if ok:
            self.samples[op].append(seconds * 1000)
        else:
            self.errors[op] += 1

    def all_samples(self) -> list[float]:
        return [v for values in self.samples.values() for v in values]

    def summary(self, op: str) -> dict[str, float]:
        values = self.samples[op]
        return {
            "count": len(values),
            "errors": self.errors[op],
            "p50": percentile(values, 50),
            "p95": percentile(values, 95),
            "p99": percentile(values, 99),
            "max": max(values) if values else float("nan"),
        }

    def table(self) -> str:
        lines = [
            f"    {'operation':<14}{'count':>8}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
        ]
        for op in sorted(self.samples):
            s = self.summary(op)
            lines.append(
                f"    {op:<14}{s['count']:>8}{s['errors']:>8}{s['p50']:>9.1f}{s['p95']:>9.1f}{s['p99']:>9.1f}{s['max']:>9.1f}"
            )
        return "\n".join(lines)
