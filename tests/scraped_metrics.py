"""Reading a process's GET /metrics the way Prometheus does, for tests."""

import time

import httpx
from prometheus_client.parser import text_string_to_metric_families


def sample(url: str, name: str, **labels: str) -> float:
    """The sample `name` with exactly these labels (0 when the process has not made it yet)."""
    reply = httpx.get(url, timeout=10)
    assert reply.status_code == 200, reply.text
    for family in text_string_to_metric_families(reply.text):
        for found in family.samples:
            if found.name == name and found.labels == labels:
                return found.value
    return 0.0


def wait_for(url: str, name: str, at_least: float, timeout: float = 20.0, **labels: str) -> float:
    deadline = time.monotonic() + timeout
    while True:
        value = sample(url, name, **labels)
        if value >= at_least or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def metrics_url(system, process: str) -> str:
    """Where `process` answers GET /metrics in the tests' system."""
    env = system.env
    if process == "gateway":
        return f"{system.base_url}/metrics"
    if process == "realtime":
        return f"http://127.0.0.1:{env['POSTFLOW_REALTIME_PORT']}/metrics"
    return f"http://127.0.0.1:{env[f'POSTFLOW_{process.upper()}_METRICS_PORT']}/metrics"
