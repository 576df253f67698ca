"""The realtime service: the ASGI app (/ws/posts/{user_id}, /healthz, /readyz), and, in the same
process and event loop, its gRPC server (notifications, preferences) and the notifier."""

import asyncio
from contextlib import asynccontextmanager

from fastapi import FastAPI, WebSocket
from fastapi.responses import JSONResponse

from lib.common import grpc_server, metrics, service_identity, tracing
from lib.common.auth_tokens import VerifiedTokens
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.events import EventPublisher
from lib.common.http_timing import HttpTiming, metrics_endpoint
from protos import realtime_pb2_grpc, users_pb2_grpc
from services.realtime import connection
from services.realtime.delivery import Deliveries
from services.realtime.hub import Hub
from services.realtime.memberships import Memberships
from services.realtime.notifier import Notifier
from services.realtime.server import RealtimeServicer


def create_app(settings: Settings) -> FastAPI:
    retention = settings.events_retention_hours * 3600
    hub = Hub(settings.nats_url, retention, settings.events_replicas)
    tokens = VerifiedTokens(settings)
    memberships = Memberships()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        db = Database(settings)
        await db.warm()
        users_channel = service_identity.channel(settings, caller="realtime", service="users")
        memberships.ask(users_pb2_grpc.UsersStub(users_channel))
        publisher = EventPublisher(settings.nats_url, retention, settings.events_replicas)
        await publisher.connect()
        await hub.start()
        deliveries = Deliveries(db, settings)
        deliveries.start()
        notifier = Notifier(hub.jetstream, db, publisher, deliveries)
        await notifier.start()
        grpc_service = await grpc_server.start(
            name="postflow.realtime.v1.Realtime",
            identity="realtime",
            port=settings.realtime_grpc_port,
            register=lambda server: realtime_pb2_grpc.add_RealtimeServicer_to_server(
                RealtimeServicer(db, settings), server
            ),
        )
        yield
        # Clients are told to come back (1001) and resume from their last event id.
        hub.end_all(connection.GOING_AWAY, "server shutting down; reconnect with last_event_id")
        await grpc_service.stop(grace=2)
        await notifier.stop()
        await deliveries.close()
        await asyncio.sleep(0.2)
        await hub.stop()
        await publisher.close()
        await users_channel.close()
        await db.dispose()

    app = FastAPI(
        title="Postflow realtime",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        telemetry=tracing.fastapi_telemetry(),
    )
    app.state.hub = hub
    app.add_middleware(HttpTiming)
    app.add_api_route("/metrics", metrics_endpoint, methods=["GET"], include_in_schema=False)
    metrics.WEBSOCKET_CONNECTIONS.set_function(lambda: hub.connections)

    @app.get("/healthz")
    async def healthz():
        """Alive: the process answers."""
        return {"status": "ok", "connections": hub.connections}

    @app.get("/readyz")
    async def readyz():
        """Ready: connected to NATS, where every event it passes on comes from."""
        ready = hub.nats_connected
        return JSONResponse(
            {"status": "ok" if ready else "degraded", "nats": "connected" if ready else "disconnected"},
            200 if ready else 503,
        )

    @app.websocket("/ws/posts/{user_id}")
    async def posts_events(websocket: WebSocket, user_id: str):
        await connection.serve(websocket, user_id, hub, tokens, settings, memberships)

    return app
