"""A server interceptor that observes every gRPC call's latency and status code in
metrics.GRPC_SERVER_SECONDS (health checks aside: orchestrators probe them every few seconds)."""

import time

import grpc

from lib.common import metrics
from lib.common.service_identity import HEALTH_PREFIX


class Timing(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or details.method.startswith(HEALTH_PREFIX):
            return handler
        service, _, method = details.method.lstrip("/").rpartition("/")
        if handler.unary_unary is not None:
            return grpc.unary_unary_rpc_method_handler(
                _timed(handler.unary_unary, service, method),
                request_deserializer=handler.request_deserializer,
                response_serializer=handler.response_serializer,
            )
        if handler.stream_unary is not None:
            return grpc.stream_unary_rpc_method_handler(
                _timed(handler.stream_unary, service, method),
                request_deserializer=handler.request_deserializer,
                response_serializer=handler.response_serializer,
            )
        return handler  # a streamed answer: its time is the client's reading, not the service's


def _timed(behaviour, service: str, method: str):
    async def timed(request, context):
        started = time.perf_counter()
        failed = False
        try:
            return await behaviour(request, context)
        except BaseException:
            failed = True
            raise
        finally:
            code = context.code()
            if code is None:
                code = grpc.StatusCode.UNKNOWN if failed else grpc.StatusCode.OK
            name = code.name if isinstance(code, grpc.StatusCode) else _code_name(code)
            metrics.GRPC_SERVER_SECONDS.labels(service, method, name).observe(time.perf_counter() - started)

    return timed


def _code_name(value) -> str:
    for code in grpc.StatusCode:
        if code.value[0] == value:
            return code.name
    return str(value)
