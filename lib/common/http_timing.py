"""ASGI middleware observing every HTTP request's latency in metrics.HTTP_REQUEST_SECONDS,
by route template (`/api/v1/posts/{post_id}`, never the path itself: one series per route,
not per post), and the `GET /metrics` answer for the gateway and realtime."""

import time

from fastapi import Request
from fastapi.responses import Response

from lib.common import metrics

UNMATCHED = "unmatched"


class HttpTiming:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_and_note(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route = getattr(scope.get("route"), "path", UNMATCHED)
            metrics.HTTP_REQUEST_SECONDS.labels(scope["method"], route, str(status)).observe(
                time.perf_counter() - started
            )


PROXIED = ("x-forwarded-for", "forwarded")


async def metrics_endpoint(request: Request) -> Response:
    """For a scraper inside the deployment: a request that came through a proxy (the
    Ingress, which always says whom it forwards for) is answered as if there were nothing."""
    if any(header in request.headers for header in PROXIED):
        return Response(status_code=404)
    body, content_type = metrics.exposition()
    return Response(body, media_type=content_type)
