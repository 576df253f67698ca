"""`make bench` (realtime): fan-out of events to WebSocket clients.

1,000 WebSocket clients over 100 users (10 tabs each) connected to the realtime service;
events published to NATS JetStream as the services publish theirs, spread over the users;
latency from the publish to each client's receipt (p50/p95/p99/max), deliveries missed,
and the realtime process's memory per connection. Prints numbers; asserts nothing.
"""

import argparse
import asyncio
import json
import time
from pathlib import Path

import aiohttp
import nats
from websockets.asyncio.client import connect

from bench.harness import running_system, save
from bench.stats import percentile
from lib.common.events import PostStatusUpdate

USERS = 100
TABS = 10


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def register(base_url: str, count: int) -> list[tuple[str, str]]:
    users = []
    async with aiohttp.ClientSession(base_url=base_url) as http:
        for n in range(count):
            body = {"email": f"rt-{time.time_ns()}-{n}@example.com", "password": "bench password"}
            async with http.post("/api/v1/auth/register", json=body) as reply:
                token = (await reply.json())["access_token"]
            async with http.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}) as reply:
                users.append(((await reply.json())["id"], token))
    return users


async def run(
    ws_base: str, base_url: str, nats_url: str, measured_pid: int, events: int, rate: float
) -> dict:
    users = await register(base_url, USERS)
    before = rss_mb(measured_pid)
    latencies: list[float] = []
    received = 0
    all_received = asyncio.Event()

    async def tab(user_id: str, token: str, ready: asyncio.Event, stop: asyncio.Event) -> None:
        nonlocal received
        async with connect(f"{ws_base}/ws/posts/{user_id}?token={token}", max_queue=None) as socket:
            # Subscribed once the server says "connected": events from then on reach this tab.
            assert json.loads(await socket.recv())["type"] == "connected"
            ready.set()
            while not stop.is_set():
                try:
                    message = json.loads(await asyncio.wait_for(socket.recv(), 1))
                except TimeoutError:
                    continue
                if message.get("type") == "post_status_update":
                    latencies.append(time.time() - message["metadata"]["sent_at"])
                    received += 1
                    if received == events * TABS:
                        all_received.set()

    stop = asyncio.Event()
    readies, tasks = [], []
    for user_id, token in users:
        for _ in range(TABS):
            ready = asyncio.Event()
            readies.append(ready)
            tasks.append(asyncio.create_task(tab(user_id, token, ready, stop)))
    await asyncio.gather(*(r.wait() for r in readies))
    await asyncio.sleep(2)
    connected = rss_mb(measured_pid)

    connection = await nats.connect(nats_url)
    js = connection.jetstream()
    started = time.monotonic()
    for n in range(events):
        user_id = users[n % USERS][0]
        event = PostStatusUpdate(
            user_id=user_id,
            post_id=f"post-{n}",
            status="published",
            previous_status="publishing",
            metadata={"sent_at": time.time()},
        )
        await js.publish(event.subject, json.dumps(event.to_json()).encode())
        # Open loop at `rate` events per second.
        delay = started + (n + 1) / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
    await connection.close()
    try:
        await asyncio.wait_for(all_received.wait(), 10)
    except TimeoutError:
        pass  # reported as deliveries_received < deliveries_expected
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    ms = [v * 1000 for v in latencies]
    return {
        "connections": USERS * TABS,
        "users": USERS,
        "events": events,
        "events_per_second": rate,
        "deliveries_expected": events * TABS,
        "deliveries_received": received,
        "latency_ms": {
            "p50": round(percentile(ms, 50), 2),
            "p95": round(percentile(ms, 95), 2),
            "p99": round(percentile(ms, 99), 2),
            "max": round(max(ms), 2) if ms else None,
        },
        "rss_mb": {"before": round(before, 1), "connected": round(connected, 1)},
        "kb_per_connection": round((connected - before) * 1024 / (USERS * TABS), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer events")
    parser.add_argument("--via-gateway", action="store_true", help="through the gateway's /ws forwarding")
    args = parser.parse_args()
    events = 200 if args.quick else 1000
    results = {}
    with running_system() as (running, _):
        port = running.env["POSTFLOW_REALTIME_PORT"]
        routes = {"direct": f"ws://127.0.0.1:{port}"}
        if args.via_gateway:
            routes["gateway"] = running.base_url.replace("http://", "ws://")
        for name, ws_base in routes.items():
            # Memory: the realtime service's for direct connections (measured first, on a
            # fresh process); the gateway's own cost of forwarding for the gateway route.
            process = "realtime" if name == "direct" else "gateway"
            results[name] = asyncio.run(
                run(
                    ws_base,
                    running.base_url,
                    running.env["POSTFLOW_NATS_URL"],
                    running.processes[process].pid,
                    events,
                    rate=100.0,
                )
            )
            results[name]["memory_of"] = process
            print(name, json.dumps(results[name], indent=2))
    save("realtime", results)


if __name__ == "__main__":
    main()
