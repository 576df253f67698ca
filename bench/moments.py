"""`make bench`: the moments users meet besides the settled one, measured from outside with
the posts API's 100 users (create/get/update about every 0.5 s, ~200 req/s), on the
configuration `make run` has (the real metrics cadence):

1. the first minute after the system starts, from the moment it answers /readyz, with no
   warm-up, in 10-second windows;
2. the minute right after a burst of posts published in the same second;
3. five minutes later, when those posts' first metrics collections come due, the worker
   restarted meanwhile so that each collection replays its workflow (the issue's "the
   system restarted"): without the jitter they came due in one second; now over a minute;
4. the settled minute that follows, to compare.

Prints numbers and writes .data/bench/moments.json; it asserts nothing.
"""

import argparse
import asyncio
import time
from datetime import UTC, datetime, timedelta

from bench.harness import running_system, save
from bench.posts_api import make_users, steady_load
from bench.scheduling import Bench, wait_published
from bench.stats import Recorder, percentile

# The first metrics collection, five minutes after publishing (workflows/contracts/metrics.py).
FIRST_COLLECTION_SECONDS = 300


async def windows(clients, seconds: float, window: float) -> list[dict]:
    """The users' load for `seconds`, summed up every `window` seconds."""
    found = []
    for _ in range(int(seconds / window)):
        recorder, rate = await steady_load(clients, window, think=0.5)
        found.append(_summary(recorder, rate))
    return found


def _summary(recorder: Recorder, rate: float) -> dict:
    values = recorder.all_samples()
    return {
        "rate": rate,
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "errors": sum(recorder.errors.values()),
        **{op: recorder.summary(op)["p95"] for op in ("create", "get", "update")},
    }


def _print(title: str, rows: list[dict]) -> None:
    print(f"\n{title}")
    print(
        f"    {'window':>8}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'create':>9}{'get':>9}{'update':>9}{'errors':>8}"
    )
    for index, row in enumerate(rows):
        print(
            f"    {index:>8}{row['rate']:>8.0f}{row['p50']:>9.1f}{row['p95']:>9.1f}"
            f"{row['create']:>9.1f}{row['get']:>9.1f}{row['update']:>9.1f}{row['errors']:>8}"
        )


async def first_minute(base_url: str, seconds: float) -> list[dict]:
    clients = await make_users(base_url, 100)
    try:
        return await windows(clients, seconds, 10)
    finally:
        for client in clients:
            await client.close()


async def burst(base_url: str, simulator: str, posts: int) -> float:
    """A burst of `posts` due in the same second; when the last went out (monotonic)."""
    bench = Bench(base_url, simulator)
    try:
        await bench.setup()
        created = await bench.create_posts(posts, f"moments-{time.time_ns()}")
        due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=max(20, posts // 20))
        plan = [
            (post_id, due, bench.accounts[n % len(bench.accounts)]) for n, (post_id, _) in enumerate(created)
        ]
        await bench.schedule_all(plan)
        markers = [marker for _, marker in created]
        seen = await wait_published(bench, markers, time.monotonic() + 300)
        print(f"\n    burst: {sum(m in seen for m in markers)} of {posts} published in the same second")
        return time.monotonic()
    finally:
        await bench.close()


async def after_burst(running, simulator: str, posts: int, seconds: float) -> dict[str, list[dict]]:
    published = await burst(running.base_url, simulator, posts)
    clients = await make_users(running.base_url, 100)
    try:
        found = {"after_burst": await windows(clients, seconds, 10)}
        # The worker restarted before the collections come due: none of their workflows
        # is in its cache, each collection replays its history.
        await asyncio.sleep(max(0.0, published + FIRST_COLLECTION_SECONDS - 60 - time.monotonic()))
        running.kill("worker", sig=15)
        running.restart("worker")
        await asyncio.sleep(max(0.0, published + FIRST_COLLECTION_SECONDS - 5 - time.monotonic()))
        found["metrics_due"] = await windows(clients, 90, 10)
        found["settled"] = await windows(clients, seconds, 10)
    finally:
        for client in clients:
            await client.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 s windows, a burst of 300")
    args = parser.parse_args()
    seconds, posts = (30, 300) if args.quick else (60, 1000)
    results = {}
    # A burst is many posts of one account in one second: no minimum gap between them.
    env = {"POSTFLOW_SCHEDULE_MIN_GAP_MINUTES": "0"}
    with running_system(env) as (running, simulator):
        results["first_minute"] = asyncio.run(first_minute(running.base_url, seconds))
        _print("1. The first minute after start (10 s windows, no warm-up)", results["first_minute"])
        results |= asyncio.run(after_burst(running, simulator, posts, seconds))
        _print(f"2. Right after a burst of {posts} published together", results["after_burst"])
        _print("3. Five minutes later, their first metrics due, the worker restarted", results["metrics_due"])
        _print("4. Settled, the minute after", results["settled"])
    save("moments", results)


if __name__ == "__main__":
    main()
