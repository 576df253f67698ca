"""Every Postflow container of each Kubernetes overlay and of docker-compose.yml, started on
this machine exactly as its manifest describes it (tests/deploy/pods.py: its command,
environment, mounts, user),
against real PostgreSQL, NATS and S3 and a Temporal dev server that has no namespace of
Postflow's yet: every Deployment's init containers (the migrations, the namespace) run to
success, and then it becomes ready by its own probe and stays up.

This is what an operator's first `kubectl apply -k` meets. Before it passed: the worker and
the scheduler never started, because nothing made Temporal's namespace (issue 28, item 1),
and every pod of the dev overlay crash-looped, trying to write beside its read-only key
(item 2)."""

import concurrent.futures
import os
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import yaml
from cryptography.fernet import Fernet

from devtools import compose_env, nats, postgres, stack, temporal
from lib.common import service_identity
from tests.deploy import kustomize, pods

pytestmark = pytest.mark.system

ROOT = stack.ROOT
OVERLAYS = ("dev", "prod")
COMPOSE_STEPS = ("migrate", "temporal-search-attributes")
READY_WITHIN_SECONDS = 120


def _operator_files(copy_root: Path, overlay: str) -> None:
    """What an operator adds before the first apply: the identity keys, and prod's
    secrets.env filled in as its comments say."""
    service_identity.ensure_keys(copy_root / "overlays" / overlay / "service-keys")
    if overlay != "prod":
        return
    filled = {
        "POSTFLOW_JWT_SECRET": secrets.token_urlsafe(48),
        "POSTFLOW_MEDIA_URL_SIGNING_KEY": secrets.token_urlsafe(48),
        "POSTFLOW_TOKEN_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "POSTFLOW_S3_ACCESS_KEY": "postflow",
        "POSTFLOW_S3_SECRET_KEY": secrets.token_urlsafe(24),
    }
    lines = []
    for line in (copy_root / "overlays/prod/secrets.env.example").read_text().splitlines():
        name = line.split("=", 1)[0]
        lines.append(f"{name}={filled[name]}" if name in filled else line)
    (copy_root / "overlays/prod/secrets.env").write_text("\n".join(lines) + "\n")


def _rendered(tmp_path: Path, overlay: str) -> list[dict]:
    copy_root = tmp_path / "deploy"
    shutil.copytree(ROOT / "deploy", copy_root)
    _operator_files(copy_root, overlay)
    return kustomize.render(copy_root / "overlays" / overlay)


@pytest.fixture(scope="module")
def as_the_pods_user():
    """The pods run as user 10001: this checkout's Python must be reachable by it. Only root
    can start a process as another user; the folders on the way may be root's own (0700
    /root holding pyenv), so they are opened for traversal (not listing) meanwhile."""
    if os.geteuid() != 0:
        pytest.skip("starting processes as the manifests' user 10001 needs root")
    opened = []
    python = Path(sys.executable)
    for folder in {*python.parents, *python.resolve().parents}:
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH:
            folder.chmod(mode | stat.S_IXOTH)
            opened.append((folder, mode))
    yield
    for folder, mode in opened:
        folder.chmod(mode)


@pytest.fixture(scope="module")
def servers(s3_server, tmp_path_factory):
    """NATS and a Temporal dev server, shared by the module's tests (each test gets its own
    database and a namespace the server has never had)."""
    logs = tmp_path_factory.mktemp("engines")
    nats_port, password = stack.free_port(), nats.new_password()
    temporal_port = stack.free_port()
    started = [
        subprocess.Popen(
            nats.command(port=nats_port, store_dir=logs / "nats", password=password),
            stdout=(logs / "nats.log").open("w"),
            stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            temporal.command(port=temporal_port, db_file=logs / "temporal.db", ui_port=None),
            stdout=(logs / "temporal.log").open("w"),
            stderr=subprocess.STDOUT,
        ),
    ]
    stack.wait_listening(nats_port, started[0])
    stack.wait_listening(temporal_port, started[1])
    yield nats.url(nats_port, password), f"127.0.0.1:{temporal_port}", s3_server
    for process in started:
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture
def engines(database_server_url, servers):
    url = postgres.create_scratch_database(database_server_url, prefix="postflow_pods")
    pod_url, forwarder = pods.reachable_over_tcp(url)
    nats_url, temporal_address, s3_endpoint = servers
    yield pods.Engines(
        database_url=pod_url,
        nats_url=nats_url,
        temporal_address=temporal_address,
        # The manifests' "default" exists on every dev server: a name none has stands for
        # the real server's empty list of namespaces.
        temporal_namespace=f"postflow-{uuid.uuid4().hex[:8]}",
        s3_endpoint=s3_endpoint,
    )
    if forwarder is not None:
        forwarder.close()
    postgres.drop_database(database_server_url, url)


def _compose(tmp_path: Path) -> list[dict]:
    """docker-compose.yml's Postflow services, with the .env an operator makes from
    .env.example (its empty secrets filled in) and the identity keys devtools makes."""
    dotenv = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            dotenv[name] = value
    dotenv |= {
        name: secrets.token_urlsafe(24)
        for name in ("POSTGRES_PASSWORD", "NATS_PASSWORD", "MINIO_ROOT_PASSWORD", "MINIO_POSTFLOW_PASSWORD")
    }
    dotenv |= {
        "POSTFLOW_JWT_SECRET": secrets.token_urlsafe(48),
        "POSTFLOW_MEDIA_URL_SIGNING_KEY": secrets.token_urlsafe(48),
        "POSTFLOW_TOKEN_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }
    keys_dir = tmp_path / "service-keys"
    service_identity.ensure_keys(keys_dir)
    keys = {path.name: path.read_text() for path in keys_dir.iterdir()}
    # As the operator's `python -m devtools.compose_env` makes them from .env.
    (tmp_path / ".env").write_text("".join(f"{k}={v}\n" for k, v in dotenv.items()))
    compose_env.write(tmp_path / ".env", tmp_path / "secrets" / "env")
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return pods.compose_workloads(compose, tmp_path, dotenv, keys)


@pytest.mark.parametrize("deployment", [*OVERLAYS, "compose"])
def test_every_container_starts_as_its_manifest_describes_it(deployment, engines, as_the_pods_user, tmp_path):
    objects = _compose(tmp_path) if deployment == "compose" else _rendered(tmp_path, deployment)
    # Outside pytest's own folder, which only root may enter.
    workdir = Path(tempfile.mkdtemp(prefix="postflow-pods-"))
    workdir.chmod(0o755)
    machine = pods.Machine(objects, engines, workdir)
    running: list[pods.Running] = []
    try:
        jobs = machine.of_kind("Job")
        if deployment == "compose":
            # compose's one-shot steps, in the order its depends_on gives them.
            assert list(jobs) == list(COMPOSE_STEPS), list(jobs)
            for name in COMPOSE_STEPS:
                step = machine.start(name, jobs[name])
                running.append(step)
                assert step.process.wait(timeout=180) == 0, f"{name} failed:\n{step.tail()}"
        else:
            assert not jobs, "a Job's template cannot change: re-applied with a new image, it fails"
        deployments = machine.of_kind("Deployment")
        # All at once, as an apply starts them: their init containers (the migrations, the
        # namespace) run side by side.
        with concurrent.futures.ThreadPoolExecutor(len(deployments)) as starting:
            started = {
                name: starting.submit(machine.start, name, workload) for name, workload in deployments.items()
            }
        failed = [future.exception() for future in started.values() if future.exception()]
        pods_up = [future.result() for future in started.values() if not future.exception()]
        running += pods_up
        assert not failed, failed
        waiting = {pod.name: pod for pod in pods_up}
        deadline = time.monotonic() + READY_WITHIN_SECONDS
        while waiting:
            for name, pod in list(waiting.items()):
                assert pod.process.poll() is None, (
                    f"{name} exited with {pod.process.returncode}:\n{pod.tail()}"
                )
                if machine.ready(pod):
                    del waiting[name]
            assert time.monotonic() < deadline, {name: pod.tail() for name, pod in waiting.items()}
            time.sleep(0.5)
        time.sleep(1)  # and stay up a moment (a crash right after the first probe)
        for pod in pods_up:
            assert pod.process.poll() is None, f"{pod.name} exited after it was ready:\n{pod.tail()}"
    finally:
        for one in running:
            if one.process.poll() is None:
                one.process.terminate()
        for one in running:
            try:
                one.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                one.process.kill()
        pods.remove(workdir)
