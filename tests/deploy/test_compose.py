"""docker-compose.yml, the Dockerfile and .env.example, checked without a Docker engine (none
runs on the development machines): every process they start exists, every setting they name
is one Postflow reads, the ports are the settings' own, every image is pinned, every
long-running service has a health check, and the image installs what pyproject.toml pins."""

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from devtools import compose_env
from devtools.stack import procfile_processes
from lib.common.config import Settings
from lib.common.process_secrets import SECRETS_OF

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
OURS = {name: s for name, s in SERVICES.items() if str(s.get("image", "")).startswith("postflow:")}
SETTINGS = {f"POSTFLOW_{name.upper()}" for name in Settings.model_fields}


def default(name: str):
    """The setting's own default (the tests' environment sets other ports for the stack)."""
    return Settings.model_fields[name].default


def _module(service: dict) -> str:
    command = service["command"]
    assert command[:2] == ["python", "-m"], command
    return command[2]


def test_every_process_of_the_procfile_runs_from_the_image_and_every_module_exists():
    procfile = {args[1] for args in procfile_processes().values()}
    modules = {_module(s) for s in OURS.values()}
    assert procfile | {"services.migrate", "workflows.search_attributes"} == modules
    for module in modules:
        assert importlib.util.find_spec(module) is not None, module
    for service in OURS.values():
        probe = service.get("healthcheck", {}).get("test", [])
        if "lib.common.health_probe" in probe:
            assert importlib.util.find_spec("lib.common.health_probe") is not None


def _environment_names(service: dict) -> set[str]:
    return set((service.get("environment") or {}).keys())


def test_every_postflow_variable_named_is_a_setting_and_every_setting_is_in_the_example():
    named = set(COMPOSE["x-postflow-environment"])
    for service in OURS.values():
        named |= _environment_names(service)
    named = {n for n in named if n.startswith("POSTFLOW_")}
    assert named <= SETTINGS, named - SETTINGS
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^(?:# )?(POSTFLOW_[A-Z0-9_]+)=", example, re.MULTILINE))
    assert listed - {"POSTFLOW_IMAGE_TAG"} <= SETTINGS, listed - SETTINGS
    assert SETTINGS <= listed, SETTINGS - listed
    # What the compose file sets is commented out in the example, not set twice.
    for name in COMPOSE["x-postflow-environment"]:
        assert re.search(rf"^# {name}=", example, re.MULTILINE), name
    # No secret has a value in the example.
    for secret in ("POSTFLOW_JWT_SECRET", "POSTFLOW_TOKEN_ENCRYPTION_KEYS", "POSTFLOW_MEDIA_URL_SIGNING_KEY"):
        assert re.search(rf"^{secret}=$", example, re.MULTILINE), secret


@pytest.mark.parametrize(
    ("service", "port"),
    [
        ("users", default("users_grpc_port")),
        ("posts", default("posts_grpc_port")),
        ("scheduler", default("scheduler_grpc_port")),
        ("media", default("media_grpc_port")),
        ("realtime", default("realtime_port")),
        ("gateway", default("gateway_port")),
        ("graph-simulator", default("graph_simulator_port")),
    ],
)
def test_health_checks_probe_the_ports_the_settings_give(service, port):
    probe = SERVICES[service]["healthcheck"]["test"]
    assert probe[:4] == ["CMD", "python", "-m", "lib.common.health_probe"], probe
    assert f"127.0.0.1:{port}" in probe[-1], probe


def test_the_gateway_is_published_on_its_port_and_nothing_else_of_ours_is():
    port = default("gateway_port")
    assert SERVICES["gateway"]["ports"] == [f"{port}:{port}"]
    assert [name for name, s in OURS.items() if s.get("ports")] == ["gateway"]


def test_long_running_services_restart_and_the_temporal_ui_is_this_machines_only():
    for name, service in SERVICES.items():
        assert service.get("restart") in ("no", "unless-stopped"), name
    # No login: whoever reaches it can terminate any workflow.
    assert SERVICES["temporal-ui"]["ports"] == ["127.0.0.1:8233:8080"]


def test_the_worker_stops_after_its_own_grace_for_held_publishes():
    grace = SERVICES["worker"]["stop_grace_period"]
    seconds = int(grace[:-1]) * (60 if grace.endswith("m") else 1)
    assert default("worker_shutdown_grace_seconds") < seconds


def test_every_long_running_service_has_a_health_check_and_one_shots_do_not_restart():
    for name, service in SERVICES.items():
        if service.get("restart") == "no":
            continue
        assert "healthcheck" in service, name
        assert service["healthcheck"]["test"], name


def test_dependencies_name_services_that_exist_and_volumes_are_declared():
    for name, service in SERVICES.items():
        for needed in service.get("depends_on") or {}:
            assert needed in SERVICES, (name, needed)
        for volume in service.get("volumes") or []:
            source = volume.split(":")[0]
            if not source.startswith((".", "/")):
                assert source in COMPOSE["volumes"], (name, source)


def test_every_image_but_ours_is_pinned_to_a_version():
    for name, service in SERVICES.items():
        if name in OURS:
            continue
        image = service["image"]
        repository, _, tag = image.partition(":")
        assert tag and tag != "latest" and re.search(r"\d", tag), (name, image)


def test_the_graph_api_simulator_runs_in_the_dev_profile_only():
    assert SERVICES["graph-simulator"]["profiles"] == ["dev"]
    assert all("profiles" not in s for name, s in SERVICES.items() if name != "graph-simulator")


def test_the_image_is_pinned_non_root_and_installs_what_pyproject_pins():
    dockerfile = (ROOT / "Dockerfile").read_text()
    base = re.search(r"^FROM (\S+)", dockerfile, re.MULTILINE).group(1)
    assert re.fullmatch(r"python:3\.11\.\d+-slim-\w+", base), base
    assert re.search(r"^USER (?!root|0\b)\S+", dockerfile, re.MULTILINE)
    assert "COPY pyproject.toml" in dockerfile
    installs = re.findall(r"pip install ([^\n&\\]+)", dockerfile)
    # The project itself (its pinned dependencies), nothing named on the side.
    assert [i.strip() for i in installs] == ["."], installs
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert all("==" in pin for pin in pins), [p for p in pins if "==" not in p]
    # Every package directory a process imports is copied into the image.
    for package in ("lib", "protos", "services", "workflows", "devtools"):
        assert f"COPY {package} ./{package}" in dockerfile, package


def test_the_worker_is_probed_by_the_file_it_keeps_touching():
    from workflows.worker import ALIVE_FILE

    probe = SERVICES["worker"]["healthcheck"]["test"]
    assert probe[-2:] == ["fresh", f"/tmp/{ALIVE_FILE.name}"], probe


def test_every_process_carries_scrape_labels_for_the_port_it_serves_metrics_on():
    for name, setting in [
        ("users", "users_metrics_port"),
        ("posts", "posts_metrics_port"),
        ("scheduler", "scheduler_metrics_port"),
        ("media", "media_metrics_port"),
        ("worker", "worker_metrics_port"),
        ("realtime", "realtime_port"),
        ("gateway", "gateway_port"),
    ]:
        labels = SERVICES[name]["labels"]
        assert labels["prometheus.io/scrape"] == "true", name
        assert labels["prometheus.io/path"] == "/metrics", name
        assert int(labels["prometheus.io/port"]) == default(setting), name


PROCESSES = ("gateway", "users", "posts", "scheduler", "media", "realtime", "worker")


def test_each_process_mounts_only_its_own_keys_and_says_which_process_it_is():
    keys_step = SERVICES["service-keys"]
    made = {v.split(":")[0] for v in keys_step["volumes"]} - {"./secrets/service-keys"}
    assert made == {f"keys-{p}" for p in PROCESSES}
    assert "/keys/$$p.key" in keys_step["command"][0], "each volume gets its own private key only"
    for name, service in OURS.items():
        mounts = service.get("volumes", [])
        if name in PROCESSES:
            assert mounts == [f"keys-{name}:/run/postflow/service-keys:ro"], name
            assert service["environment"]["POSTFLOW_PROCESS"] == name
        else:  # the one-shot steps and the simulator make no gRPC calls
            assert mounts == [], name
    assert SERVICES["migrate"]["environment"]["POSTFLOW_PROCESS"] == "migrate"
    assert SERVICES["temporal-search-attributes"]["environment"]["POSTFLOW_PROCESS"] == "temporal-namespace"


def test_postflow_uses_its_own_minio_user_never_the_root_one():
    environment = COMPOSE["x-media-bucket"]
    for name in ("POSTFLOW_S3_ACCESS_KEY", "POSTFLOW_S3_SECRET_KEY"):
        assert "MINIO_ROOT" not in environment[name], name
    assert "MINIO_POSTFLOW" in environment["POSTFLOW_S3_SECRET_KEY"]
    step = SERVICES["minio-bucket"]["command"][0]
    # The user is allowed the bucket's objects, and nothing of MinIO's administration.
    assert "mc admin user add" in step and "policy attach postflow postflow-media" in step
    assert '"s3:*"' not in step and "admin:" not in step


def test_each_container_is_given_only_its_own_processs_secrets():
    """The engines' credentials by the compose file, the rest by the process's own env file
    (devtools/compose_env.py): both follow lib/common/process_secrets.py."""
    secrets = {f"POSTFLOW_{n.upper()}" for names in SECRETS_OF.values() for n in names}
    for name, service in OURS.items():
        if service.get("profiles"):
            continue
        process = service["environment"]["POSTFLOW_PROCESS"]
        assert service["env_file"] == f"secrets/env/{process}.env", name
        given = set(service["environment"]) & secrets
        assert given == {f"POSTFLOW_{n.upper()}" for n in SECRETS_OF[process]} & compose_env.SET_BY_COMPOSE, (
            name
        )
        # The engines' passwords appear only in the variables the process is given.
        for variable, value in service["environment"].items():
            for password in ("POSTGRES_PASSWORD", "NATS_PASSWORD", "MINIO_POSTFLOW_PASSWORD", "MINIO_ROOT"):
                if password in str(value):
                    assert variable in given, (name, variable)


def test_the_env_files_hold_every_setting_and_only_the_processs_own_secrets(tmp_path):
    example = (ROOT / ".env.example").read_text()
    env = tmp_path / ".env"
    filled = {
        "POSTFLOW_JWT_SECRET": "jwt-" + "x" * 40,
        "POSTFLOW_TOKEN_ENCRYPTION_KEYS": "token-key",
        "POSTFLOW_MEDIA_URL_SIGNING_KEY": "media-" + "y" * 40,
        "POSTFLOW_SMTP_PASSWORD": "smtp-password",
        "POSTFLOW_META_APP_SECRET": "meta-secret",
    }
    lines = [
        f"{line.split('=', 1)[0]}={filled[line.split('=', 1)[0]]}"
        if line.split("=", 1)[0] in filled
        else line
        for line in example.splitlines()
    ]
    env.write_text("\n".join(lines) + "\n")
    compose_env.write(env, tmp_path / "out")
    files = {path.stem: path.read_text() for path in (tmp_path / "out").iterdir()}
    assert set(files) == set(SECRETS_OF)
    for process, text in files.items():
        assert (tmp_path / "out" / f"{process}.env").stat().st_mode & 0o077 == 0, "readable by its owner only"
        assert "POSTFLOW_PUBLIC_BASE_URL=https://postflow.example.com" in text, process
        for name, value in filled.items():
            own = name.removeprefix("POSTFLOW_").lower() in SECRETS_OF[process]
            assert (value in text) == own, (process, name)
        assert "POSTGRES_PASSWORD" not in text and "MINIO_ROOT" not in text
