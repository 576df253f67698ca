"""Security headers on every gateway response: no MIME sniffing, no framing, no referrer,
and a Content-Security-Policy ready for a web app on this origin (the API's own JSON
needs none of it; /docs is Swagger UI, served from this origin too)."""

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lib.common.config import Settings

APP_POLICY = (
    "default-src 'self'; connect-src 'self'; img-src 'self' data: blob: https:{media}; "
    "media-src 'self' blob: https:{media}; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
# Swagger UI's scripts from this origin only; its React sets inline styles.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
DOCS_PATHS = ("/docs",)
COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def media_origins(settings: Settings) -> list[str]:
    """Where the app's pictures and videos come from besides this origin and https: the S3
    endpoint and the CDN (over plain http on a local or test deployment), and the Graph API
    simulator standing in for Instagram's CDN (the profile grid's published pictures) in
    local runs."""
    origins = []
    if settings.s3_endpoint:
        origins.append(f"{'https' if settings.s3_secure else 'http'}://{settings.s3_endpoint}")
    if settings.s3_public_endpoint:
        scheme = "https" if settings.s3_public_secure else "http"
        origins.append(f"{scheme}://{settings.s3_public_endpoint}")
    for url in (
        settings.media_cdn_base_url,
        settings.public_base_url,
        settings.media_public_base_url,
        settings.meta_simulator_url,
    ):
        parts = urlsplit(url)
        if parts.scheme == "http" and parts.netloc:
            origins.append(f"http://{parts.netloc}")
    return sorted(set(origins))


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, media_origins: list[str] = ()) -> None:
        self.app = app
        extra = "".join(f" {origin}" for origin in media_origins)
        self.app_policy = APP_POLICY.format(media=extra)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"].startswith(DOCS_PATHS) else self.app_policy

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    *COMMON,
                    (b"content-security-policy", policy.encode()),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)
