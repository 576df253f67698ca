"""A container's health check: `python -m lib.common.health_probe grpc HOST:PORT` asks a
gRPC service's grpc.health.v1 (open, no identity needed); `... http URL` wants a 200;
`... fresh PATH` wants a file touched in the last FRESH_SECONDS (a process with no port, the
worker, touches one while its event loop runs). Exit status 0 when healthy, 1 otherwise
(what Docker and Kubernetes exec probes read)."""

import sys
import time
import urllib.request
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

TIMEOUT_SECONDS = 3.0


def grpc_serving(address: str) -> bool:
    with grpc.insecure_channel(address) as channel:
        try:
            answer = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=TIMEOUT_SECONDS
            )
        except grpc.RpcError:
            return False
    return answer.status == health_pb2.HealthCheckResponse.SERVING


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as reply:
            return reply.status == 200
    except (OSError, ValueError):  # ValueError: not a URL urllib can open
        return False


# Three of the worker's touches missed.
FRESH_SECONDS = 30.0


def fresh(path: str) -> bool:
    try:
        return time.time() - Path(path).stat().st_mtime < FRESH_SECONDS
    except OSError:
        return False


CHECKS = {"grpc": grpc_serving, "http": http_ok, "fresh": fresh}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in CHECKS:
        print(
            "usage: python -m lib.common.health_probe grpc HOST:PORT | http URL | fresh PATH", file=sys.stderr
        )
        return 2
    return 0 if CHECKS[argv[0]](argv[1]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
