"""`make run`: PostgreSQL (configured or embedded), migrations, then every process via honcho."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from devtools import nats, postgres, temporal
from lib.common import service_identity
from lib.common.config import get_settings
from services.migrate import migrate_all

ROOT = Path(__file__).resolve().parent.parent
# make run's Meta: the simulator stands in for every Meta host, with these apps registered.
LOCAL_META_APPS = {
    "POSTFLOW_META_SIMULATOR_URL": "http://127.0.0.1:"
    + os.environ.get("POSTFLOW_GRAPH_SIMULATOR_PORT", "8010"),
    "POSTFLOW_META_APP_ID": "100000000000001",
    "POSTFLOW_META_APP_SECRET": "local-facebook-app-secret",
    "POSTFLOW_INSTAGRAM_APP_ID": "100000000000002",
    "POSTFLOW_INSTAGRAM_APP_SECRET": "local-instagram-app-secret",
}


def _announce_when_ready(base_url: str, settings) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                print(
                    f"\n  Postflow is up.\n  API:      {base_url}/api/v1\n"
                    f"  API docs: {base_url}/docs\n"
                    f"  Temporal UI: http://127.0.0.1:{settings.temporal_ui_port}\n"
                    f"  Instagram Graph API simulator (not Instagram): {settings.meta_simulator_url}\n"
                    "  Stop:     Ctrl-C\n",
                    flush=True,
                )
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    print("\n  Postflow did not become healthy within 60 s; see the logs above.\n", flush=True)


def main() -> int:
    # make run is a local run: built-in development keys and the local Graph API simulator.
    # (Unset means production, which refuses both.)
    os.environ.setdefault("POSTFLOW_ENVIRONMENT", "local")
    for name, value in LOCAL_META_APPS.items():
        os.environ.setdefault(name, value)
    database_url = postgres.server_url()
    where = "configured" if os.environ.get("POSTFLOW_DATABASE_URL") else "embedded, under .data/postgres"
    print(f"PostgreSQL: {where}", flush=True)
    migrate_all(database_url)

    settings = get_settings()
    # Every process's identity key, made once before they start (they would race).
    service_identity.ensure_keys(Path(settings.service_keys_dir))
    env = {
        **os.environ,
        "POSTFLOW_DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONUNBUFFERED": "1",
    }
    base_url = f"http://{settings.gateway_host}:{settings.gateway_port}"
    procfile = ROOT / "Procfile"
    extra_processes = []
    if not os.environ.get("POSTFLOW_TEMPORAL_ADDRESS"):
        # No cluster named: run Temporal's dev server, its SQLite file under .data/.
        port = int(settings.temporal_address.rsplit(":", 1)[1])
        command = temporal.command(
            port=port, db_file=postgres.DATA_DIR / "temporal.db", ui_port=settings.temporal_ui_port
        )
        extra_processes.append(f"temporal: exec {' '.join(command)}")
    if not os.environ.get("POSTFLOW_NATS_URL"):
        port = int(settings.nats_url.rsplit(":", 1)[1])
        password = nats.new_password()
        command = nats.command(port=port, store_dir=postgres.DATA_DIR / "nats", password=password)
        extra_processes.append(f"nats: exec {' '.join(command)}")
        env["POSTFLOW_NATS_URL"] = nats.url(port, password)
    if extra_processes:
        procfile = postgres.DATA_DIR / "Procfile"
        procfile.write_text("\n".join(extra_processes) + "\n" + (ROOT / "Procfile").read_text())
    threading.Thread(target=_announce_when_ready, args=(base_url, settings), daemon=True).start()
    honcho = subprocess.Popen(
        [sys.executable, "-m", "honcho", "start", "-f", str(procfile), "-d", str(ROOT)], cwd=ROOT, env=env
    )

    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True
        # A terminal's Ctrl-C reaches honcho too; a signal sent to this process alone must
        # still stop everything, so pass it on (honcho ignores a repeat while stopping).
        if honcho.poll() is None:
            honcho.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    code = honcho.wait()
    return 0 if stopping else code


if __name__ == "__main__":
    sys.exit(main())
