"""The realtime service's ASGI app: /ws/posts/{user_id} and /healthz."""

import asyncio
from contextlib import asynccontextmanager

from fastapi import FastAPI, WebSocket

from services.common.auth_tokens import VerifiedTokens
from services.common.config import Settings
from services.realtime import connection
from services.realtime.hub import Hub


def create_app(settings: Settings) -> FastAPI:
    hub = Hub(settings.nats_url, settings.events_retention_hours * 3600)
    tokens = VerifiedTokens(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await hub.start()
        yield
        # Clients are told to come back (1001) and resume from their last event id.
        hub.end_all(connection.GOING_AWAY, "server shutting down; reconnect with last_event_id")
        await asyncio.sleep(0.2)
        await hub.stop()

    app = FastAPI(title="Postflow realtime", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.hub = hub

    @app.get("/healthz")
    async def healthz():
        return {"status": "ok", "connections": hub.connections}

    @app.websocket("/ws/posts/{user_id}")
    async def posts_events(websocket: WebSocket, user_id: str):
        await connection.serve(websocket, user_id, hub, tokens, settings)

    return app
