"""`make bench`: the moments users meet besides the settled one, measured from outside with
the posts API's 100 users (create/get/update about every 0.5 s, ~200 req/s):

1. the first minute after the system starts, from the moment it answers /readyz, with no
   warm-up, in 10-second windows;
2. the minute after a burst of posts published in the same second, once the worker has been
   restarted: every one of those posts' metrics workflows wakes, and with the same cadence
   they would all collect at once (their waits are jittered: workflows/metrics/workflows.py);
3. the settled minute that follows, to compare.

The metrics cadence is scaled so that the five-minute collections come every 15 s. Prints
numbers and writes .data/bench/moments.json; it asserts nothing.
"""

import argparse
import asyncio
import time
from datetime import UTC, datetime, timedelta

from bench.harness import running_system, save
from bench.posts_api import make_users, steady_load
from bench.scheduling import Bench, wait_published
from bench.stats import Recorder, percentile

METRICS_SCALE = 0.05  # five minutes -> 15 s


async def windows(base_url: str, clients, seconds: float, window: float) -> list[dict]:
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
        return await windows(base_url, clients, seconds, 10)
    finally:
        for client in clients:
            await client.close()


async def burst(base_url: str, simulator: str, posts: int) -> list[str]:
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
        return markers
    finally:
        await bench.close()


async def after_burst(running, simulator: str, posts: int, seconds: float) -> tuple[list[dict], list[dict]]:
    await burst(running.base_url, simulator, posts)
    running.kill("worker", sig=15)
    running.restart("worker")
    clients = await make_users(running.base_url, 100)
    try:
        after = await windows(running.base_url, clients, seconds, 10)
        settled = await windows(running.base_url, clients, seconds, 10)
    finally:
        for client in clients:
            await client.close()
    return after, settled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 s windows, a burst of 300")
    args = parser.parse_args()
    seconds, posts = (30, 300) if args.quick else (60, 1000)
    results = {}
    env = {"POSTFLOW_METRICS_INTERVAL_SCALE": str(METRICS_SCALE)}
    with running_system(env) as (running, simulator):
        results["first_minute"] = asyncio.run(first_minute(running.base_url, seconds))
        _print("1. The first minute after start (10 s windows, no warm-up)", results["first_minute"])
        after, settled = asyncio.run(after_burst(running, simulator, posts, seconds))
        results["after_burst"], results["settled"] = after, settled
        _print(f"2. After a burst of {posts} published together, the worker restarted", after)
        _print("3. Settled, the minute after", settled)
    save("moments", results)


if __name__ == "__main__":
    main()
