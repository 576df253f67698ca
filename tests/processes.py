"""Extra service processes beside the session's system (same database, storage, NATS and
Temporal), started with settings of their own: a gateway with small limits, a media
service with a small quota."""

import subprocess
import sys
from pathlib import Path

from devtools import stack


def start_service(system, module: str, port: int, log: Path, **env: str) -> subprocess.Popen:
    """`python -m module` with the system's environment and `env` over it; returns once the
    process listens on `port`."""
    process = subprocess.Popen(
        [sys.executable, "-m", module],
        cwd=stack.ROOT,
        env={**system.env, **env},
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    stack.wait_listening(port, process)
    return process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=10)
