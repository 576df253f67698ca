"""Security headers on every gateway response: no MIME sniffing, no framing, no referrer,
and a Content-Security-Policy ready for a web app on this origin (the API's own JSON
needs none of it; /docs loads Swagger UI's files from its CDN)."""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

APP_POLICY = (
    "default-src 'self'; connect-src 'self'; img-src 'self' data: blob: https:; "
    "media-src 'self' blob: https:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"].startswith(DOCS_PATHS) else APP_POLICY

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    *COMMON,
                    (b"content-security-policy", policy.encode()),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)
