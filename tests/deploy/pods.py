"""A rendered manifest's container, run on this machine as its manifest describes it: its
command, the environment its ConfigMaps and Secrets give it, only the files it mounts
(read-only ones owned by root, readable by the pod's group), its user and groups, and a
probe taken as the kubelet would take it.

What cannot be the cluster's is rewritten, and only that:
- addresses: the cluster's names (a Service, an engine's `*.svc`) become 127.0.0.1, and each
  port setting gets a free local port (every process here shares one network);
- the engines: PostgreSQL, NATS (one server: one copy of the event stream), Temporal and S3
  are the test's, the Temporal namespace a new one the server does not have;
- mount paths: a mounted folder is a local folder, /tmp the pod's own (TMPDIR);
- the image's own environment: PATH to this checkout's Python, PYTHONPATH to the code, HOME.
"""

import base64
import os
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from devtools import stack
from lib.common.config import Settings

ROOT = stack.ROOT
# The ports Postflow's processes listen on, by setting: each gets a local one.
PORT_SETTINGS = {
    name: field_info.default
    for name, field_info in Settings.model_fields.items()
    if name.endswith("_port") and name not in ("temporal_ui_port", "smtp_port")
}
# Where the cluster's engines are, by setting; their values are the test's.
ENGINE_SETTINGS = (
    "POSTFLOW_DATABASE_URL",
    "POSTFLOW_NATS_URL",
    "POSTFLOW_TEMPORAL_ADDRESS",
    "POSTFLOW_TEMPORAL_NAMESPACE",
    "POSTFLOW_S3_ENDPOINT",
    "POSTFLOW_META_SIMULATOR_URL",
    # The copies of the event stream a NATS cluster keeps: the test's NATS is one server.
    "POSTFLOW_EVENTS_REPLICAS",
)
HOST_SETTINGS = re.compile(
    r"^POSTFLOW_(\w+_GRPC_HOST|REALTIME_HOST|GATEWAY_HOST|GRPC_LISTEN_HOST|GRAPH_SIMULATOR_HOST)$"
)


@dataclass
class Engines:
    database_url: str
    nats_url: str
    temporal_address: str
    temporal_namespace: str
    s3_endpoint: str


@dataclass
class Running:
    name: str
    process: subprocess.Popen
    probe: list[str] | None  # a command whose exit status 0 means ready
    env: dict[str, str]
    user: dict
    log: Path

    def tail(self) -> str:
        return self.log.read_text()[-3000:]


@dataclass
class Machine:
    """One overlay's pods on this machine."""

    objects: list[dict]
    engines: Engines
    workdir: Path
    ports: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ports = {name: stack.free_port() for name in PORT_SETTINGS}
        # A port as a manifest names it (containerPort, a probe's) -> the local one.
        self._by_number = {default: self.ports[name] for name, default in PORT_SETTINGS.items()}

    def of_kind(self, kind: str) -> dict[str, dict]:
        return {o["metadata"]["name"]: o for o in self.objects if o["kind"] == kind}

    def _data(self, kind: str, name: str) -> dict[str, str]:
        found = self.of_kind(kind)[name]
        if kind == "Secret":
            return {k: base64.b64decode(v).decode() for k, v in found.get("data", {}).items()}
        return dict(found.get("data", {}))

    def _environment(self, container: dict) -> dict[str, str]:
        env: dict[str, str] = {}
        for source in container.get("envFrom", []):
            if "configMapRef" in source:
                env |= self._data("ConfigMap", source["configMapRef"]["name"])
            if "secretRef" in source:
                env |= self._data("Secret", source["secretRef"]["name"])
        for one in container.get("env", []):
            if "value" in one:
                env[one["name"]] = one["value"]
            else:
                kind, ref = next(
                    (kind, one["valueFrom"][key])
                    for kind, key in (("Secret", "secretKeyRef"), ("ConfigMap", "configMapKeyRef"))
                    if key in one["valueFrom"]
                )
                data = self._data(kind, ref["name"])
                if ref["key"] in data:
                    env[one["name"]] = data[ref["key"]]
                else:  # the kubelet refuses to start the container, unless it is optional
                    assert ref.get("optional"), f"{kind} {ref['name']} has no {ref['key']}"
        return env

    def _engine(self, name: str) -> str:
        e = self.engines
        return {
            "POSTFLOW_DATABASE_URL": e.database_url,
            "POSTFLOW_NATS_URL": e.nats_url,
            "POSTFLOW_TEMPORAL_ADDRESS": e.temporal_address,
            "POSTFLOW_TEMPORAL_NAMESPACE": e.temporal_namespace,
            "POSTFLOW_S3_ENDPOINT": e.s3_endpoint,
            "POSTFLOW_META_SIMULATOR_URL": f"http://127.0.0.1:{self.ports['graph_simulator_port']}",
            "POSTFLOW_EVENTS_REPLICAS": "1",
        }[name]

    def _volumes(self, name: str, pod: dict, user: dict) -> dict[str, Path]:
        """volume name -> a local folder holding what the volume holds (and nothing else),
        shared by the pod's containers."""
        read_only = {
            m["name"]
            for c in [*pod.get("initContainers", []), *pod["containers"]]
            for m in c.get("volumeMounts", [])
            if m.get("readOnly")
        }
        folders = {}
        for volume in pod.get("volumes", []):
            local = self.workdir / name / volume["name"]
            local.mkdir(parents=True)
            if "secret" in volume:
                data = self._data("Secret", volume["secret"]["secretName"])
                items = volume["secret"].get("items") or [{"key": k, "path": k} for k in data]
                for item in items:
                    path = local / item["path"]
                    path.write_text(data[item["key"]])
                    os.chown(path, 0, user["fsGroup"])
                    path.chmod(volume["secret"].get("defaultMode", 0o644))
            if "files" in volume:  # a compose volume a one-shot step filled: (text, owner, mode)
                for file_name, (text, owner, mode) in volume["files"].items():
                    path = local / file_name
                    path.write_text(text)
                    os.chown(path, owner, owner)
                    path.chmod(mode)
                os.chown(local, 0, 0)
                local.chmod(0o555 if volume["name"] in read_only else 0o777)
            elif volume["name"] in read_only or "secret" in volume:
                # Owned by root, read (and listed) by the pod's group only: nothing in it,
                # nor the folder itself, can be changed by the process.
                os.chown(local, 0, user["fsGroup"])
                local.chmod(0o550)
            else:
                os.chown(local, user["runAsUser"], user["fsGroup"])
                local.chmod(0o2770)
            folders[volume["name"]] = local
        return folders

    def _local(self, value: str, mounts: dict[str, Path]) -> str:
        for mount_path, local in sorted(mounts.items(), key=lambda m: -len(m[0])):
            if value == mount_path or value.startswith(mount_path + "/"):
                return str(local) + value[len(mount_path) :]
        return value

    def start(self, name: str, workload: dict) -> Running:
        """The pod's init containers, each run to its end (an AssertionError if one fails),
        then its container, started."""
        pod = workload["spec"]["template"]["spec"]
        security = pod.get("securityContext", {})
        user = {
            "runAsUser": security["runAsUser"],
            "runAsGroup": security.get("runAsGroup", security["runAsUser"]),
            "fsGroup": security.get("fsGroup", security.get("runAsGroup", security["runAsUser"])),
        }
        volumes = self._volumes(name, pod, user)
        for init in pod.get("initContainers", []):
            step = self._launch(f"{name}.{init['name']}", init, volumes, user)
            code = step.process.wait(timeout=180)
            assert code == 0, f"{name}'s init container {init['name']} exited with {code}:\n{step.tail()}"
        return self._launch(name, pod["containers"][0], volumes, user)

    def _launch(self, name: str, container: dict, volumes: dict[str, Path], user: dict) -> Running:
        mounts = {m["mountPath"]: volumes[m["name"]] for m in container.get("volumeMounts", [])}
        env = self._environment(container)
        for key, value in list(env.items()):
            if key in ENGINE_SETTINGS and value:
                env[key] = self._engine(key)
            elif HOST_SETTINGS.match(key):
                env[key] = "127.0.0.1"
            else:
                env[key] = self._local(value, mounts)
        env |= {f"POSTFLOW_{setting.upper()}": str(port) for setting, port in self.ports.items()}
        if "TMPDIR" not in env and "/tmp" in mounts:
            env["TMPDIR"] = str(mounts["/tmp"])
        # The image's own: its Python first on the PATH, the code importable, HOME its folder.
        env |= {
            "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
            "HOME": str(ROOT),
        }
        log = self.workdir / f"{name}.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                container["command"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                user=user["runAsUser"],
                group=user["runAsGroup"],
                extra_groups=[user["fsGroup"]],
            )
        return Running(name, process, self._probe(container, mounts), env, user, log)

    def _probe(self, container: dict, mounts: dict[str, Path]) -> list[str] | None:
        spec = (
            container.get("readinessProbe") or container.get("startupProbe") or container.get("livenessProbe")
        )
        if spec is None:
            return None
        named = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
        check = [sys.executable, "-m", "lib.common.health_probe"]
        if "grpc" in spec:
            return [*check, "grpc", f"127.0.0.1:{self._by_number[spec['grpc']['port']]}"]
        if "httpGet" in spec:
            port = spec["httpGet"]["port"]
            number = named[port] if isinstance(port, str) else port
            return [*check, "http", f"http://127.0.0.1:{self._by_number[number]}{spec['httpGet']['path']}"]
        # An address on this machine in the command (compose's health checks) is the process's
        # own port, moved like the rest.
        return [
            re.sub(r"127\.0\.0\.1:(\d+)", lambda m: f"127.0.0.1:{self._by_number.get(int(m[1]), m[1])}", arg)
            for arg in (self._local(arg, mounts) for arg in spec["exec"]["command"])
        ]

    def ready(self, running: Running) -> bool:
        if running.probe is None:
            return running.process.poll() is None
        # A probe of a port nothing listens on yet fails without starting a Python to ask.
        for port in re.findall(r"127\.0\.0\.1:(\d+)", " ".join(running.probe)):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", int(port))) != 0:
                    return False
        done = subprocess.run(
            running.probe,
            env=running.env,
            cwd=ROOT,
            capture_output=True,
            timeout=30,
            user=running.user["runAsUser"],
            group=running.user["runAsGroup"],
            extra_groups=[running.user["fsGroup"]],
        )
        return done.returncode == 0


def remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


class TcpToUnixSocket:
    """127.0.0.1:<port> forwarded to a unix socket: the embedded PostgreSQL listens on a
    socket in a folder only its owner may enter, and a pod reaches its database over TCP."""

    def __init__(self, socket_path: str) -> None:
        import socket
        import threading

        self._socket_path = socket_path
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._threading = threading
        self._socket = socket
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            server = self._socket.socket(self._socket.AF_UNIX)
            server.connect(self._socket_path)
            for source, target in ((client, server), (server, client)):
                self._threading.Thread(target=_pipe, args=(source, target), daemon=True).start()

    def close(self) -> None:
        self._listener.close()


def _pipe(source, target) -> None:
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass
    finally:
        for one in (source, target):
            try:
                one.shutdown(2)
            except OSError:
                pass


def reachable_over_tcp(url: str) -> tuple[str, "TcpToUnixSocket | None"]:
    """url as a pod would use it: unchanged when it names a host, else through a forwarder
    to its unix socket."""
    from sqlalchemy import make_url

    parsed = make_url(url)
    socket_dir = parsed.query.get("host")
    if parsed.host or not socket_dir:
        return url, None
    forwarder = TcpToUnixSocket(f"{socket_dir}/.s.PGSQL.{parsed.port or 5432}")
    tcp = parsed.set(host="127.0.0.1", port=forwarder.port, query={})
    return tcp.render_as_string(hide_password=False), forwarder


# --- docker-compose.yml -------------------------------------------------------------------

_VARIABLE = re.compile(r"\$\$|\$\{(\w+)(?:(:?[-?])([^}]*))?\}")


def interpolate(text: str, variables: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default}, ${VAR:?error} and $$ (a literal $)."""

    def one(match: re.Match) -> str:
        if match[0] == "$$":
            return "$"
        name, how, other = match[1], match[2], match[3]
        value = variables.get(name, "")
        if how and how.endswith("-") and not value:
            return other
        if how and how.endswith("?") and not value:
            raise AssertionError(f"compose would refuse to start: {other}")
        return value

    return _VARIABLE.sub(one, text)


def _env_file(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            found[name] = value
    return found


def compose_workloads(
    compose: dict, project: Path, dotenv: dict[str, str], keys: dict[str, str]
) -> list[dict]:
    """Postflow's services of docker-compose.yml (the default profile) as the pods above: the
    one-shot steps as Jobs, the others as Deployments. Each runs as the image's user (10001),
    with its `environment` (the compose file's variables from .env) over its `env_file`
    (relative to `project`), its named volumes as the one-shot steps fill them, and its own
    /tmp; its health check is its probe."""
    keys_step = compose["services"]["service-keys"]["command"][0]
    workloads = []
    for name, service in compose["services"].items():
        if not str(service.get("image", "")).startswith("postflow:") or service.get("profiles"):
            continue
        files = service.get("env_file") or []
        env = {}
        for one in [files] if isinstance(files, str) else files:
            env |= _env_file(project / one)
        env |= {k: interpolate(str(v), dotenv) for k, v in (service.get("environment") or {}).items()}
        volumes, mounts = [{"name": "tmp", "emptyDir": {}}], [{"name": "tmp", "mountPath": "/tmp"}]
        for entry in service.get("volumes", []):
            volume, path, *mode = entry.split(":")
            process = volume.removeprefix("keys-")
            assert "/keys/$$p.key" in keys_step and volume.startswith("keys-"), entry
            files = {n: (keys[n], 10001, 0o644) for n in keys if n.endswith(".pub")}
            files[f"{process}.key"] = (keys[f"{process}.key"], 10001, 0o600)
            volumes.append({"name": volume, "files": files})
            mounts.append({"name": volume, "mountPath": path, "readOnly": mode == ["ro"]})
        container = {
            "name": name,
            "command": [interpolate(arg, dotenv) for arg in service["command"]],
            "env": [{"name": k, "value": v} for k, v in env.items()],
            "volumeMounts": mounts,
        }
        if test := service.get("healthcheck", {}).get("test"):
            assert test[0] == "CMD", test
            container["readinessProbe"] = {"exec": {"command": test[1:]}}
        one_shot = service.get("restart") == "no"
        workloads.append(
            {
                "kind": "Job" if one_shot else "Deployment",
                "metadata": {"name": name},
                "spec": {
                    "template": {
                        "spec": {
                            "securityContext": {"runAsUser": 10001, "runAsGroup": 10001, "fsGroup": 10001},
                            "volumes": volumes,
                            "containers": [container],
                        }
                    }
                },
            }
        )
    return workloads
