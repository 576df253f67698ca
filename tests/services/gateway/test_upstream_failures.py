"""When a service behind the gateway is down, clients get a JSON 503, not a hang or a 500."""

import subprocess
import sys
import time

import httpx
import pytest

from devtools.stack import ROOT, free_port


def _gateway(system, tmp_path, away: tuple[str, ...]):
    """A gateway of its own, whose `away` services are at ports where nothing listens."""
    port = free_port()
    env = {
        **system.env,
        "POSTFLOW_GATEWAY_PORT": str(port),
        **{f"POSTFLOW_{name.upper()}_GRPC_PORT": str(free_port()) for name in away},
        "POSTFLOW_GRPC_TIMEOUT_SECONDS": "2",
    }
    log = (tmp_path / "gateway.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "services.gateway.main"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def gateway_without_services(system, tmp_path):
    yield from _gateway(system, tmp_path, ("posts", "users"))


@pytest.fixture
def gateway_without_media(system, tmp_path):
    yield from _gateway(system, tmp_path, ("media",))


def test_one_service_away_degrades_the_gateway_but_keeps_it_in_rotation(gateway_without_media, api):
    # The media service down must not take the whole API out of the load balancer.
    with httpx.Client(base_url=gateway_without_media, timeout=30) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["status"] == "degraded"
        assert ready.json()["services"]["media"] in ("UNAVAILABLE", "DEADLINE_EXCEEDED")
        assert ready.json()["services"]["users"] == "SERVING"
        token = api.new_user().client.headers["authorization"]
        assert client.get("/api/v1/posts", headers={"Authorization": token}).status_code == 200


def test_unreachable_services_are_503(gateway_without_services, api):
    token = api.new_user().client.headers["authorization"]
    with httpx.Client(base_url=gateway_without_services, timeout=30) as client:
        # Alive, but not ready: the services behind it are away, and readiness names them.
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["status"] == "degraded"
        for away in ("posts", "users"):
            assert ready.json()["services"][away] in ("UNAVAILABLE", "DEADLINE_EXCEEDED"), ready.json()
        reply = client.get("/api/v1/posts", headers={"Authorization": token})
        assert reply.status_code in (503, 504)
        assert reply.json()["error"]["code"] in ("upstream_unavailable", "upstream_timeout")
