"""The health probe the containers run, against the running processes."""

import os
import subprocess
import sys
import time
from pathlib import Path

from devtools.stack import ROOT, free_port


def _probe(*args: str) -> int:
    return subprocess.run(
        [sys.executable, "-m", "lib.common.health_probe", *args], cwd=ROOT, timeout=30
    ).returncode


def test_a_serving_grpc_service_and_a_healthy_gateway_pass_and_a_closed_port_fails(system):
    assert _probe("grpc", f"127.0.0.1:{system.env['POSTFLOW_POSTS_GRPC_PORT']}") == 0
    assert _probe("http", f"{system.base_url}/healthz") == 0
    # Ready: every service behind the gateway serving; the realtime service on NATS.
    assert _probe("http", f"{system.base_url}/readyz") == 0
    assert _probe("http", f"http://127.0.0.1:{system.env['POSTFLOW_REALTIME_PORT']}/readyz") == 0
    closed = free_port()
    assert _probe("grpc", f"127.0.0.1:{closed}") == 1
    assert _probe("http", f"http://127.0.0.1:{closed}/healthz") == 1
    assert _probe("http", "not a url") == 1


def test_a_file_touched_lately_passes_and_a_stale_or_missing_one_fails(tmp_path: Path):
    alive = tmp_path / "alive"
    alive.touch()
    assert _probe("fresh", str(alive)) == 0
    long_ago = time.time() - 120
    os.utime(alive, (long_ago, long_ago))
    assert _probe("fresh", str(alive)) == 1
    assert _probe("fresh", str(tmp_path / "missing")) == 1
    assert _probe("nonsense") == 2
