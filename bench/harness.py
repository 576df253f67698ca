"""What every benchmark needs: a scratch database, the whole system started, results saved."""

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devtools import postgres, stack
from services.migrate import migrate_all

RESULTS = Path(".data/bench")


@contextmanager
def running_system(
    extra_env: dict[str, str] | None = None, workers: int = 1
) -> Iterator[tuple[stack.Stack, str]]:
    """Every process on free ports against a scratch database; yields it and the Graph API
    simulator's URL, and removes it all afterwards."""
    server = postgres.server_url()
    database = postgres.create_scratch_database(server, prefix="postflow_bench")
    migrate_all(database)
    logs = Path(tempfile.mkdtemp(prefix="postflow-bench-"))
    simulator_process, simulator = stack.start_simulator(logs)
    try:
        running = stack.start(
            database,
            logs,
            extra_env={
                "POSTFLOW_META_SIMULATOR_URL": simulator,
                # The load generator signs hundreds of users up from one address, and one
                # user schedules a thousand posts as fast as it can.
                "POSTFLOW_AUTH_ATTEMPTS_PER_IP_PER_MINUTE": "1000000",
                "POSTFLOW_API_REQUESTS_PER_USER_PER_SECOND": "100000",
                "POSTFLOW_API_BURST_PER_USER": "100000",
                **(extra_env or {}),
            },
            workers=workers,
        )
        try:
            yield running, simulator
        finally:
            running.stop()
    finally:
        simulator_process.terminate()
        postgres.drop_database(server, database)


def save(name: str, results: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"\nresults written to {path}")
