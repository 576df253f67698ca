"""Start Postflow's processes on free ports, for the tests and the benchmarks.

The same commands as the Procfile that `make run` uses; only ports and the database differ.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from devtools import nats, temporal
from lib.common import service_identity

ROOT = Path(__file__).resolve().parent.parent


def procfile_processes(path: Path = ROOT / "Procfile") -> dict[str, list[str]]:
    """name -> python arguments of each process in the Procfile: the one list of Postflow's
    processes, which make run (honcho) and the tests both start."""
    processes = {}
    for line in path.read_text().splitlines():
        name, _, command = line.partition(":")
        words = command.split()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if words[:2] != ["exec", "python"]:
            raise SystemExit(f"Procfile: {name} must be 'exec python -m <module>'")
        processes[name.strip()] = words[2:]
    return processes


# Meta's apps in tests and benchmarks (the simulator learns them, with the gateway's
# redirect URI, once the stack is up).
TEST_META_APPS = {
    "POSTFLOW_META_APP_ID": "100000000000001",
    "POSTFLOW_META_APP_SECRET": "test-facebook-app-secret",
    "POSTFLOW_INSTAGRAM_APP_ID": "100000000000002",
    "POSTFLOW_INSTAGRAM_APP_SECRET": "test-instagram-app-secret",
}

# The Graph API simulator is started on its own (tests share one across the session).
SERVICES = {name: args for name, args in procfile_processes().items() if name != "graph_simulator"}


_handed_out: set[int] = set()


def free_port() -> int:
    """A port nothing listens on, and one this process has not handed out before: the
    kernel may offer a port again once its socket is closed, before whoever it was given
    to has bound it (a stack asks for a dozen at once)."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port


@dataclass
class Stack:
    database_url: str
    env: dict[str, str]
    base_url: str
    log_dir: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    # name -> (command, environment): what restart() starts again.
    launches: dict[str, tuple[list[str], dict[str, str] | None]] = field(default_factory=dict)

    def launch(self, name: str, command: list[str], env: dict[str, str] | None) -> subprocess.Popen:
        """Start one process of the stack (again), its output added to <name>.log."""
        self.launches[name] = (command, env)
        log = (self.log_dir / f"{name}.log").open("a")
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.processes[name] = process
        return process

    def kill(self, *names: str, sig: int = signal.SIGKILL) -> None:
        """Signal these processes (all at once), then wait until each has gone."""
        for name in names:
            if self.processes[name].poll() is None:
                self.processes[name].send_signal(sig)
        for name in names:
            self.processes[name].wait(timeout=30)

    def restart(self, *names: str) -> None:
        """Start these again with the command, environment and ports they had."""
        for name in names:
            self.launch(name, *self.launches[name])
        for name in names:
            if name in ("temporal", "nats"):
                wait_listening(self._port_of(name), self.processes[name])

    def _port_of(self, engine: str) -> int:
        url = self.env["POSTFLOW_TEMPORAL_ADDRESS" if engine == "temporal" else "POSTFLOW_NATS_URL"]
        return int(url.rsplit(":", 1)[1])

    def stop(self) -> None:
        # Services first, Temporal (started first) last.
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text()[-4000:]}" for path in sorted(self.log_dir.glob("*.log"))
        )


def start_simulator(log_dir: Path) -> tuple[subprocess.Popen, str]:
    """The Graph API simulator on a free port; returns the process and its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "POSTFLOW_ENVIRONMENT": os.environ.get("POSTFLOW_ENVIRONMENT", "local"),
        "POSTFLOW_GRAPH_SIMULATOR_PORT": str(port),
        # Its world in the log folder: a restart of it (tests do) forgets nothing.
        "POSTFLOW_GRAPH_SIMULATOR_STATE_FILE": str(log_dir / "graph_simulator.pickle"),
        "PYTHONPATH": str(ROOT),
    }
    log_dir.mkdir(parents=True, exist_ok=True)
    log = (log_dir / "graph_simulator.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "devtools.graph_simulator.main"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"graph simulator exited with {process.returncode}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return process, base_url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("graph simulator did not start")


# The processes that serve /metrics on a port of their own.
METRICS_PORTS = ("users", "posts", "scheduler", "media", "worker", "worker_sdk")


def start(
    database_url: str, log_dir: Path, extra_env: dict[str, str] | None = None, workers: int = 1
) -> Stack:
    """Start every service against database_url (already migrated) and wait until healthy;
    `workers` publishing worker processes, all on the same task queue."""
    log_dir.mkdir(parents=True, exist_ok=True)
    gateway_port = free_port()
    keys_dir = os.environ.get("POSTFLOW_SERVICE_KEYS_DIR", str(ROOT / ".data" / "service-keys"))
    # Before any process starts: they would otherwise race to create them.
    service_identity.ensure_keys(Path(keys_dir))
    env = {
        **os.environ,
        "POSTFLOW_ENVIRONMENT": os.environ.get("POSTFLOW_ENVIRONMENT", "local"),
        "POSTFLOW_SERVICE_KEYS_DIR": keys_dir,
        "POSTFLOW_DATABASE_URL": database_url,
        "POSTFLOW_USERS_GRPC_PORT": str(free_port()),
        "POSTFLOW_POSTS_GRPC_PORT": str(free_port()),
        "POSTFLOW_SCHEDULER_GRPC_PORT": str(free_port()),
        "POSTFLOW_MEDIA_GRPC_PORT": str(free_port()),
        "POSTFLOW_REALTIME_PORT": str(free_port()),
        "POSTFLOW_REALTIME_GRPC_PORT": str(free_port()),
        **{f"POSTFLOW_{name.upper()}_METRICS_PORT": str(free_port()) for name in METRICS_PORTS},
        "POSTFLOW_PUBLIC_BASE_URL": f"http://127.0.0.1:{gateway_port}",
        "POSTFLOW_MEDIA_DIR": str(log_dir / "media"),
        "POSTFLOW_GATEWAY_PORT": str(gateway_port),
        "PYTHONPATH": str(ROOT),
        **TEST_META_APPS,
        **(extra_env or {}),
    }
    stack = Stack(database_url, env, f"http://127.0.0.1:{gateway_port}", log_dir)
    if "POSTFLOW_NATS_URL" not in (extra_env or {}):
        nats_port, password = free_port(), nats.new_password()
        env["POSTFLOW_NATS_URL"] = nats.url(nats_port, password)
        stack.launch(
            "nats", nats.command(port=nats_port, store_dir=log_dir / "nats", password=password), None
        )
        wait_listening(nats_port, stack.processes["nats"])
    if "POSTFLOW_TEMPORAL_ADDRESS" not in (extra_env or {}):
        temporal_port = free_port()
        env["POSTFLOW_TEMPORAL_ADDRESS"] = f"127.0.0.1:{temporal_port}"
        stack.launch(
            "temporal",
            temporal.command(port=temporal_port, db_file=log_dir / "temporal.db", ui_port=None),
            None,
        )
        wait_listening(temporal_port, stack.processes["temporal"])
    processes = dict(SERVICES) | {f"worker-{n}": SERVICES["worker"] for n in range(2, workers + 1)}
    for name, args in processes.items():
        # Each worker its own metrics port.
        own = {}
        if name.startswith("worker-"):
            own = {f"POSTFLOW_{port}_METRICS_PORT": str(free_port()) for port in ("WORKER", "WORKER_SDK")}
        stack.launch(name, [sys.executable, *args], env | own)
    try:
        wait_healthy(stack)
        if simulator := env.get("POSTFLOW_META_SIMULATOR_URL"):
            register_meta_apps(simulator, env, f"{stack.base_url}/connect/callback")
    except Exception:
        stack.stop()
        raise
    return stack


def register_meta_apps(simulator: str, env: dict[str, str], redirect_uri: str) -> None:
    """Tell the simulator of the stack's Meta apps, as their dashboard would know them."""
    for login, prefix in (("facebook", "POSTFLOW_META_APP"), ("instagram", "POSTFLOW_INSTAGRAM_APP")):
        if not env.get(f"{prefix}_ID"):
            continue
        httpx.post(
            f"{simulator}/_simulator/apps",
            json={
                "app_id": env[f"{prefix}_ID"],
                "secret": env[f"{prefix}_SECRET"],
                "login": login,
                "redirect_uris": [redirect_uri],
            },
            timeout=10,
        ).raise_for_status()


def wait_listening(port: int, process: subprocess.Popen, timeout: float = 30.0) -> None:
    """Until something listens on port (a server we started), or the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{process.args[0]} did not start listening on {port}")


def wait_healthy(stack: Stack, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        for name, process in stack.processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}\n{stack.logs()}")
        try:
            reply = httpx.get(f"{stack.base_url}/readyz", timeout=2)
            if reply.status_code == 200:
                return
            last = reply.text
        except httpx.HTTPError as exc:
            last = repr(exc)
        time.sleep(0.1)
    raise RuntimeError(f"services not healthy after {timeout}s: {last}\n{stack.logs()}")
