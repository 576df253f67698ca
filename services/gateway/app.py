"""The public REST API: authentication, request validation, translation to gRPC."""

from contextlib import asynccontextmanager

import grpc
import httpx
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from grpc_health.v1 import health_pb2, health_pb2_grpc

from lib.common import tracing
from lib.common.auth_tokens import VerifiedTokens
from lib.common.config import Settings, get_settings
from lib.common.gc_tuning import settle_after_startup
from lib.common.http_timing import HttpTiming, metrics_endpoint
from services.gateway import api_docs, errors, security_headers, web_app
from services.gateway.auth import routes as auth
from services.gateway.body_limit import BodyLimitMiddleware
from services.gateway.calendar import routes as calendar
from services.gateway.campaigns import routes as campaigns
from services.gateway.clients import Clients
from services.gateway.media import routes as media
from services.gateway.notifications import live
from services.gateway.notifications import routes as notifications
from services.gateway.notifications.live import Connections
from services.gateway.posts import (
    comments,
    hashtag_groups,
    hashtags,
    imports,
    review_links,
    reviews,
    templates,
    versions,
)
from services.gateway.posts import routes as posts
from services.gateway.rate_limits import GatewayLimits
from services.gateway.reports import routes as reports
from services.gateway.scheduling import accounts, best_times, recurrence, schedule_templates
from services.gateway.scheduling import routes as scheduling
from services.gateway.security_headers import SecurityHeadersMiddleware
from services.gateway.sessions import LiveSessions
from services.gateway.workspaces import routes as workspaces
from services.gateway.workspaces.access import WorkspaceAccesses


async def _realtime_state(http: httpx.AsyncClient, settings: Settings) -> str:
    try:
        reply = await http.get(f"http://{settings.realtime_host}:{settings.realtime_port}/readyz")
        return "SERVING" if reply.status_code == 200 else f"HTTP_{reply.status_code}"
    except httpx.HTTPError:
        return "UNAVAILABLE"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.clients = Clients.open(settings)
        await app.state.clients.connect(within=3)
        # One client for the readiness checks, not one per probe (a probe every few seconds).
        app.state.probe_http = httpx.AsyncClient(timeout=2)
        settle_after_startup()
        yield
        await app.state.probe_http.aclose()
        await app.state.clients.close()

    app = FastAPI(
        title="Postflow API",
        version="0.1.0",
        description="Plan, version and publish Instagram posts. Authenticate with "
        "`Authorization: Bearer <access_token>` from /api/v1/auth/login.",
        lifespan=lifespan,
        telemetry=tracing.fastapi_telemetry(),
        # Served from this origin instead (api_docs.py).
        docs_url=None,
        redoc_url=None,
    )
    api_docs.install(app)
    app.state.settings = settings
    app.state.verified_tokens = VerifiedTokens(settings)
    app.state.limits = GatewayLimits(settings)
    app.state.live_sessions = LiveSessions(settings.session_check_seconds)
    app.state.workspace_accesses = WorkspaceAccesses(settings.session_check_seconds)
    app.state.live_connections = Connections(settings.realtime_max_connections_per_user)
    # Not FastAPI's max_body_size: its 413 is plain text, and every error here is JSON.
    upload_limit = max(settings.media_max_image_bytes, settings.media_max_video_bytes)
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_request_bytes,
        streamed={media.UPLOAD_PATH: upload_limit + 64 * 1024},
    )
    # Added last, so it runs first: even the body limit's 413 carries the headers.
    app.add_middleware(SecurityHeadersMiddleware, media_origins=security_headers.media_origins(settings))
    # Outermost: the time a client waits, refusals included.
    app.add_middleware(HttpTiming)
    errors.install(app)
    for module in (
        auth,
        best_times,
        posts,
        versions,
        reviews,
        comments,
        review_links,
        scheduling,
        recurrence,
        templates,
        hashtags,
        hashtag_groups,
        imports,
        accounts,
        media,
        live,
        notifications,
        calendar,
        campaigns,
        schedule_templates,
        reports,
        workspaces,
    ):
        app.include_router(module.router, responses=errors.ERROR_RESPONSES)

    app.add_api_route("/metrics", metrics_endpoint, methods=["GET"], include_in_schema=False)

    @app.get("/healthz", tags=["operations"])
    async def healthz():
        """Alive: the gateway answers (whatever the services behind it do: see /readyz)."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["operations"])
    async def readyz():
        """Ready (200) while the users service serves: every signed-in request checks its
        session there. Another service away is "degraded", still 200: the media service down
        must not take the posts, the calendar and scheduling out of the load balancer (its
        own calls answer 503). Every service's state is in the answer."""
        states = {}
        for name, channel in app.state.clients.channels.items():
            try:
                reply = await health_pb2_grpc.HealthStub(channel).Check(
                    health_pb2.HealthCheckRequest(), timeout=2
                )
                states[name] = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
            except grpc.aio.AioRpcError as exc:
                states[name] = exc.code().name
        states["realtime_websocket"] = await _realtime_state(app.state.probe_http, settings)
        healthy = all(state == "SERVING" for state in states.values())
        ready = states.get("users") == "SERVING"
        return JSONResponse(
            {"status": "ok" if healthy else "degraded", "services": states}, 200 if ready else 503
        )

    web_app.install(app)
    return app
