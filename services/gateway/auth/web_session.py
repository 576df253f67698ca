"""The web app's session: its refresh token lives in a cookie no script can read, so that
a script injected into the page could not carry a session away for a month; the app keeps
only the short-lived access token, in memory.

A request asks for this with `X-Postflow-Client: web`. The cookie is HttpOnly, sent only to
/api/v1/auth and only by this site (SameSite=Strict); the header is one a form on another
site cannot send without a CORS preflight, which the gateway never grants."""

from fastapi import Request, Response

from lib.common.config import Settings

COOKIE = "postflow_refresh"
PATH = "/api/v1/auth"
# Beside it, readable by the app and holding no secret: "there is a session to resume", so
# that a visitor who never signed in is not sent a refresh bound to fail (a 401 every
# browser logs as an error in its console).
MARKER = "postflow_signed_in"
CLIENT_HEADER = "x-postflow-client"
WEB = "web"


def wanted(request: Request) -> bool:
    return request.headers.get(CLIENT_HEADER) == WEB


def keep(response: Response, result: dict, request: Request, settings: Settings) -> dict:
    """The refresh token moved from the answer's body to the cookie."""
    secure = request.url.scheme == "https" or settings.public_base_url.startswith("https://")
    response.set_cookie(
        COOKIE,
        result["refresh_token"],
        max_age=int(result["refresh_expires_in"]),
        path=PATH,
        httponly=True,
        samesite="strict",
        secure=secure,
    )
    response.set_cookie(
        MARKER,
        "1",
        max_age=int(result["refresh_expires_in"]),
        path="/",
        samesite="strict",
        secure=secure,
    )
    return {**result, "refresh_token": ""}


def refresh_token(request: Request) -> str:
    """The cookie's refresh token, for a request from the web app ("" otherwise)."""
    return request.cookies.get(COOKIE, "") if wanted(request) else ""


def forget(response: Response) -> None:
    response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="strict")
    response.delete_cookie(MARKER, path="/", samesite="strict")
