"""OpenTelemetry traces: one trace follows a post from the REST call through gRPC and
Temporal to the Graph API call and the NATS event.

Off unless POSTFLOW_OTLP_ENDPOINT is set: then every process records spans and exports
them (OTLP over HTTP), passes the trace on (over HTTP and gRPC as `traceparent`, in Temporal
headers, in NATS message headers), and its log lines carry the trace id. Off, nothing is
instrumented at all: in make bench, the instrumentation alone (spans that record nothing,
ids passed on) made the last of a burst of 1,000 due posts go out 9.1 s late instead of 4.6 s.
"""

from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext

from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

from lib.common.config import Settings

# Set by setup() when an OTLP endpoint is configured.
_enabled = False
# Requests that are probes or scrapes, not work: no spans.
UNTRACED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
# Paths whose own text is a credential: a span keeps the route, not the secret.
SECRET_PATHS = {
    "/api/v1/calendar/feed/": "/api/v1/calendar/feed/{token}.ics",
    "/media/files/": "/media/files/{key}",
}


class UrlRedaction(SpanProcessor):
    """No secret leaves in a span: query strings (signed media URLs, the email confirmation
    token) and credential paths are replaced before the span is recorded."""

    def on_start(self, span, parent_context=None) -> None:
        attributes = span.attributes or {}
        if "url.query" in attributes:
            span.set_attribute("url.query", "REDACTED")
        path = attributes.get("url.path")
        if isinstance(path, str):
            for prefix, template in SECRET_PATHS.items():
                if path.startswith(prefix):
                    span.set_attribute("url.path", template)


def untraced(scope) -> bool:
    """FastAPI's `exclude`: probes, scrapes and WebSocket connections (hours long, their
    events are traced where they are made) get no span."""
    return scope["type"] == "websocket" or scope.get("path") in UNTRACED_PATHS


def fastapi_telemetry() -> dict:
    """FastAPI's own OpenTelemetry support: one server span per request, with its route,
    when tracing is on (call after setup)."""
    return {
        "tracing": _enabled,
        "metrics": False,  # Prometheus has them (lib/common/metrics.py)
        "logs": False,
        "operation_spans": False,
        "exclude": untraced,
    }


def setup(process: str, settings: Settings) -> None:
    """When an endpoint is set: this process's tracer provider and exporter (once, at
    start), and the aiohttp client's spans. Otherwise nothing."""
    global _enabled
    if not settings.otlp_endpoint:
        return
    _enabled = True
    by_trace_id = TraceIdRatioBased(settings.trace_sample_ratio)
    provider = TracerProvider(
        resource=Resource.create({"service.name": f"postflow-{process}", "service.namespace": "postflow"}),
        # Decided by the trace id alone, in every process alike (so a trace is whole or
        # absent), whatever a caller's `traceparent` asks: no client can turn recording on.
        sampler=ParentBased(
            by_trace_id, remote_parent_sampled=by_trace_id, remote_parent_not_sampled=by_trace_id
        ),
    )
    provider.add_span_processor(UrlRedaction())
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter  # noqa: PLC0415

    endpoint = f"{settings.otlp_endpoint.rstrip('/')}/v1/traces"
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint, timeout=5)))
    trace.set_tracer_provider(provider)

    from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor  # noqa: PLC0415

    AioHttpClientInstrumentor().instrument()


def grpc_server_interceptors() -> list:
    if not _enabled:
        return []
    from opentelemetry.instrumentation.grpc import aio_server_interceptor  # noqa: PLC0415

    return [aio_server_interceptor()]


def grpc_client_interceptors() -> list:
    if not _enabled:
        return []
    from opentelemetry.instrumentation.grpc import aio_client_interceptors  # noqa: PLC0415

    return aio_client_interceptors()


def temporal_interceptor():
    """The Temporal SDK's interceptor: a workflow's spans and its activities' join the trace
    of the call that started it (the context travels in the workflow's headers). A worker
    with or without it replays the same histories (tests/workflows/test_replay.py)."""
    from temporalio.contrib.opentelemetry import TracingInterceptor  # noqa: PLC0415

    return TracingInterceptor()


def temporal_interceptors() -> list:
    return [temporal_interceptor()] if _enabled else []


def current_headers() -> dict[str, str]:
    """The current trace context as message headers (`traceparent`); empty outside a trace."""
    if not _enabled:
        return {}
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier


def context_of(headers: Mapping[str, str] | None) -> context.Context:
    """The trace context a message's headers carry (the current one when they carry none)."""
    return propagate.extract(headers or {})


def consuming(name: str, message) -> AbstractContextManager[trace.Span]:
    """A span for handling a NATS message, in the trace of whoever published it."""
    if not _enabled:
        return nullcontext(trace.INVALID_SPAN)
    return trace.get_tracer(__name__).start_as_current_span(
        name,
        context=context_of(message.headers),
        kind=trace.SpanKind.CONSUMER,
        attributes={
            "messaging.system": "nats",
            "messaging.destination.name": message.subject,
            "messaging.message.id": str(message.metadata.sequence.stream),
        },
    )
