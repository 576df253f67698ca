"""Run an async gRPC server with grpc.health.v1 and a clean shutdown on SIGINT/SIGTERM
(`serve`), or only start one in a process that runs something else too (`start`)."""

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable

import grpc
import uvloop
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from lib.common import metrics, process_telemetry, service_identity, tracing
from lib.common.config import get_settings
from lib.common.gc_tuning import settle_after_startup
from lib.common.grpc_timing import Timing

log = logging.getLogger(__name__)


def run_service(main: Callable[[int], Awaitable[None]], *, process: str, port: int) -> None:
    """Entry point of a service process: logs, traces, uvloop, main(port)."""
    settings = get_settings()
    process_telemetry.setup(process, settings)
    uvloop.run(main(port))


class RunningServer:
    """A started gRPC server and its health service."""

    def __init__(self, server: grpc.aio.Server, health_servicer: health.aio.HealthServicer) -> None:
        self._server = server
        self._health = health_servicer

    async def stop(self, grace: float = 5) -> None:
        await self._health.enter_graceful_shutdown()
        await self._server.stop(grace=grace)


async def start(
    *, name: str, identity: str, port: int, register: Callable[[grpc.aio.Server], None]
) -> RunningServer:
    """Start serving on `port` (with grpc.health.v1) and return; for a process whose loop and
    signals belong to something else (the realtime service runs beside uvicorn). Every call
    but health checks must come from a known service allowed to make it (`identity` is this
    service's name in service_identity)."""
    settings = get_settings()
    server = grpc.aio.server(
        interceptors=[
            *tracing.grpc_server_interceptors(),
            Timing(),
            service_identity.caller_check(settings, identity),
        ]
    )
    register(server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    host = settings.grpc_listen_host
    bound = server.add_insecure_port(f"{host}:{port}")
    if port and bound != port:
        raise SystemExit(f"{name}: could not listen on port {port}")
    await server.start()
    await health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    log.info("%s gRPC listening on %s:%s", name, host, bound)
    # The realtime service has its own HTTP port for /metrics; the others have this one.
    metrics.serve(getattr(settings, f"{identity}_metrics_port", 0), host, identity)
    return RunningServer(server, health_servicer)


async def serve(
    *,
    name: str,
    identity: str,
    port: int,
    register: Callable[[grpc.aio.Server], None],
    on_stop: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Serve until a signal arrives; `register` adds the service's servicers to the server."""
    running = await start(name=name, identity=identity, port=port, register=register)
    settle_after_startup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await running.stop()
    if on_stop is not None:
        await on_stop()
    log.info("%s stopped", name)
