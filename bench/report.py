"""`make bench`'s last step: bench/REPORT.md from the results the benchmarks saved in
.data/bench/, each figure beside its target and the brief's requirement, with the machine
and the date. `python -m bench.report` writes it again from the saved results."""

import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench.harness import RESULTS

REPORT = Path(__file__).resolve().parent / "REPORT.md"
# A user of the CRUD benchmark makes about 2 requests a second (one every ~0.5 s).
REQUESTS_PER_USER_PER_SECOND = 2.0


# A partial run of bench.scheduling (--burst-only, --throughput-only) saves its own file;
# one newer than the full run's replaces those figures.
PARTIAL_RUNS = {"scheduling": ("scheduling-burst", "scheduling-throughput")}


def _load(name: str) -> dict:
    path = RESULTS / f"{name}.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    for partial in PARTIAL_RUNS.get(name, ()):
        later = RESULTS / f"{partial}.json"
        if later.exists() and (not path.exists() or later.stat().st_mtime > path.stat().st_mtime):
            results.update(json.loads(later.read_text()))
    return results


def _first_line(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (
        (out.stdout or out.stderr).strip().splitlines()[0]
        if (out.stdout or out.stderr).strip()
        else "unknown"
    )


def machine() -> list[str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = models[0] if models else cpu
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{total_kb / 1024 / 1024:.1f} GiB"
    bin_dir = Path(sys.executable).parent
    from devtools import postgres  # noqa: PLC0415 - only for its version

    try:
        import psycopg  # noqa: PLC0415

        with psycopg.connect(postgres.server_url().replace("postgresql+psycopg", "postgresql")) as conn:
            pg = conn.execute("SHOW server_version").fetchone()[0]
    except Exception as exc:  # noqa: BLE001 - a report without the version is still a report
        pg = f"unknown ({type(exc).__name__})"
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores available; memory {memory}",
        f"- OS: {platform.system()} {platform.release()}; Python {platform.python_version()}",
        f"- PostgreSQL {pg}; {_first_line([str(bin_dir / 'temporal'), '--version'])} "
        "(its dev server, SQLite); "
        f"{_first_line([str(bin_dir / 'nats-server'), '--version'])} with JetStream",
        "- Every Postflow process, PostgreSQL, Temporal, NATS and the Graph API simulator on this "
        "one machine; load generated on it too, through the public HTTP API and WebSocket.",
    ]


def _ms(value) -> str:
    return "n/a" if value is None else f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def _s(value) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def _met(ok: bool | None) -> str:
    return "—" if ok is None else "yes" if ok else "**no**"


def rows() -> list[tuple[str, str, str, str, str]]:
    """(what, measured, target, the brief's requirement, met)."""
    api, sched, media, live = _load("posts_api"), _load("scheduling"), _load("media"), _load("realtime")
    out = []
    missing = "not measured (run `make bench`)"

    users = api.get("users_100")
    if users:
        p95s = {op: users[op]["p95"] for op in ("create", "get", "update") if op in users}
        measured = f"{users['rate']:.0f} req/s: " + ", ".join(f"{op} p95 {_ms(v)}" for op, v in p95s.items())
        out.append(
            (
                "CRUD, 100 concurrent users",
                measured,
                "p95 < 30 ms (issue 14)",
                "< 300 ms; 100+ users",
                _met(max(p95s.values()) < 30),
            )
        )
    else:
        out.append(
            ("CRUD, 100 concurrent users", missing, "p95 < 30 ms (issue 14)", "< 300 ms; 100+ users", "—")
        )

    bulk = api.get("bulk_50", {})
    if bulk:
        worst = max(bulk.items(), key=lambda item: item[1]["p95"])
        out.append(
            (
                "Bulk actions on 50 posts (tag, untag, duplicate, delete, restore)",
                f"slowest: {worst[0]} p95 {_ms(worst[1]['p95'])}",
                "—",
                "< 2 s",
                _met(worst[1]["p95"] < 2000),
            )
        )
    brief_bulk = sched.get("brief_bulk_50")
    if brief_bulk:
        out.append(
            (
                "Bulk schedule of 50 posts (the brief's call)",
                f"p50 {_ms(brief_bulk['p50_ms'])}, max {_ms(brief_bulk['max_ms'])}",
                "< 1 s (issue 14)",
                "< 5 s",
                _met(brief_bulk["max_ms"] < 1000),
            )
        )

    throughput = sched.get("throughput")
    if throughput:
        out.append(
            (
                "One schedule call, 8 clients at once",
                f"p50 {_ms(throughput['p50_ms'])}, p95 {_ms(throughput['p95_ms'])}",
                "—",
                "< 500 ms",
                _met(throughput["p95_ms"] < 500),
            )
        )
        floor = sched.get("temporal_floor", {})
        floor_text = (
            f"; the same workflows started straight to Temporal: {_s(floor.get('seconds'))}" if floor else ""
        )
        out.append(
            (
                f"{throughput['calls']:,} schedule calls, {throughput['clients']} clients",
                f"{_s(throughput['seconds'])} ({throughput['per_second']:.0f} calls/s){floor_text}",
                "< 5 s (issue 14)",
                "—",
                _met(throughput["seconds"] < 5),
            )
        )

    library = api.get("library_10k", {})
    for op, label in (
        ("calendar month view, 3 months", "Calendar, 3-month view, 10,000 posts"),
        ("calendar week view", "Calendar, week view, 10,000 posts"),
        ("calendar gaps, 30 days", "Calendar gaps, 30 days, 10,000 posts"),
    ):
        if op in library:
            out.append(
                (
                    label,
                    f"p50 {_ms(library[op]['p50'])}, p95 {_ms(library[op]['p95'])}",
                    "—",
                    "< 2 s (3-month view)",
                    _met(library[op]["p95"] < 2000),
                )
            )
    if not library:
        out.append(("Calendar at 10,000 posts", missing, "—", "< 2 s (3-month view)", "—"))

    steady = sched.get("steady")
    if steady:
        out.append(
            (
                "Publish lateness, steady 10,000 posts/hour",
                f"{steady['published']} posts: p50 {_ms(steady['p50_ms'])}, p99 {_ms(steady['p99_ms'])}, max {_ms(steady['max_ms'])}; missing {steady['missing']}, early {steady['early']}",
                "p99 < 500 ms (issue 14)",
                "within 1 minute; 1,000+ posts/hour",
                _met(steady["p99_ms"] < 500 and not steady["missing"] and not steady["early"]),
            )
        )
    burst = sched.get("burst")
    if burst:
        out.append(
            (
                f"Publish lateness, burst: {burst['published'] + burst['missing']:,} posts due the same second",
                f"last {_ms(burst['max_ms'])} late (p50 {_ms(burst['p50_ms'])}, p95 {_ms(burst['p95_ms'])}); missing {burst['missing']}, early {burst['early']}",
                "last < 10 s (issue 14)",
                "within 1 minute",
                _met(burst["max_ms"] < 10_000 and not burst["missing"] and not burst["early"]),
            )
        )
    if "baseline_to_postflow_p99" in sched:
        base = sched["baseline"]
        out.append(
            (
                "Baseline: a loop polling every minute, same steady load",
                f"p99 {_s(base['p99_ms'] / 1000)}: {sched['baseline_to_postflow_p99']:,.0f}× Postflow's p99",
                "—",
                "—",
                "—",
            )
        )

    for route, label in (
        ("direct", "WebSocket fan-out, 1,000 tabs of 100 users, 100 events/s"),
        ("gateway", "The same through the gateway's /ws"),
    ):
        if route in live:
            result = live[route]
            latency = result["latency_ms"]
            complete = result["deliveries_received"] == result["deliveries_expected"]
            out.append(
                (
                    label,
                    f"p50 {_ms(latency['p50'])}, p99 {_ms(latency['p99'])}, max {_ms(latency['max'])}; {result['deliveries_received']:,} of {result['deliveries_expected']:,} delivered; {result['kb_per_connection']} KB a connection",
                    "—",
                    "< 100 ms",
                    _met(latency["p99"] < 100 and complete),
                )
            )
    if not live:
        out.append(("WebSocket fan-out", missing, "—", "< 100 ms", "—"))

    pipeline = media.get("pipeline", {})
    through = media.get("api", {})
    if "photo" in pipeline:
        answered = through.get("photo_upload_seconds", {})
        out.append(
            (
                "Image: a 12-megapixel JPEG",
                f"processed in {_s(pipeline['photo']['seconds'])}; upload answered p50 {_s(answered.get('p50'))}",
                "—",
                "< 10 s",
                _met(pipeline["photo"]["seconds"] < 10),
            )
        )
    for name, label in (
        ("h264", "Video: a minute of 1080p30 H.264"),
        ("hevc", "Video: a minute of 1080p30 HEVC (iPhone)"),
    ):
        if name in pipeline:
            ready = through.get(f"video_{name}", {}).get("ready_seconds")
            out.append(
                (
                    label,
                    f"processed in {_s(pipeline[name]['seconds'])}; upload to ready {_s(ready)}",
                    "—",
                    "< 60 s",
                    _met((ready or pipeline[name]["seconds"]) < 60),
                )
            )
    if not pipeline:
        out.append(("Image and video processing", missing, "—", "< 10 s image, < 60 s video", "—"))
    return out


def capacity_lines() -> list[str]:
    api, sched = _load("posts_api"), _load("scheduling")
    lines = ["## The load one machine sustains", ""]
    users = api.get("capacity")
    if users:
        best = users["best_rate_p95_under_100ms"]
        lines.append(
            f"- **Users**: {best:.0f} requests/s with every operation's p95 at or under 100 ms, about "
            f"**{best / REQUESTS_PER_USER_PER_SECOND:.0f} concurrent users** at the CRUD benchmark's pace "
            f"(one request every ~0.5 s each). Offered in steps: "
            + ", ".join(f"{s['rate']:.0f}/s → p95 {_ms(s['p95'])}" for s in users["steps"])
            + "."
        )
    else:
        lines.append("- Users: not measured (run `make bench`).")
    ramp = sched.get("capacity")
    if ramp:
        lines.append(
            f"- **Posts per hour**: **{ramp['best_per_hour_p99_under_500ms']:,}** posts/hour published with "
            f"p99 lateness at or under 500 ms, each rate held for {ramp['window_seconds']:.0f} s (the posts "
            "scheduled through the API before they came due). Offered in steps: "
            + ", ".join(
                f"{s['per_hour']:,}/h → p99 {_ms(s['p99_ms'])}"
                + (f", {s['missing']} missing" if s["missing"] else "")
                for s in ramp["steps"]
            )
            + "."
        )
    else:
        lines.append("- Posts per hour: not measured (run `make bench`).")
    return lines


def moments_lines() -> list[str]:
    """The moments users meet besides the settled one (bench/moments.py)."""
    found = _load("moments")
    lines = ["## The moments users meet", ""]
    if not found:
        return [*lines, "- Not measured (run `make bench`)."]
    titles = {
        "first_minute": "The first minute after start (no warm-up)",
        "after_burst": "The minute right after a burst published together",
        "metrics_due": "Five minutes later, the burst's first metrics due (the worker restarted)",
        "settled": "Settled, the minute after that",
    }
    for key, title in titles.items():
        windows = found.get(key, [])
        if windows:
            p95s = ", ".join(_ms(w["p95"]) for w in windows)
            rate = sum(w["rate"] for w in windows) / len(windows)
            lines.append(f"- **{title}**: p95 by 10-s window {p95s}, at {rate:.0f} requests/s.")
    return lines


def write(path: Path = REPORT) -> str:
    table = ["| What | Measured | Target | The brief | Met |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(row)} |" for row in rows()]
    text = "\n".join(
        [
            "# Postflow benchmark report",
            "",
            f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (rerun it to regenerate;",
            "`python -m bench.report` rewrites this page from the results in `.data/bench/`).",
            "",
            "## The machine",
            "",
            *machine(),
            "",
            "## Figures",
            "",
            'Targets are the ones the issues set (issue 14 for scale); "the brief" is the product',
            "brief's Performance Benchmarks. Every figure is measured, never estimated.",
            "",
            *table,
            "",
            *capacity_lines(),
            "",
            *moments_lines(),
            "",
        ]
    )
    path.write_text(text)
    return text


if __name__ == "__main__":
    print(write())
