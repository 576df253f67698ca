"""Every failure becomes a JSON body: {"error": {"code", "message", "fields": [...]}}."""

import logging
import re

import grpc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from lib.common.errors import ServiceError
from lib.common.grpc_errors import from_rpc_error

log = logging.getLogger(__name__)

HTTP_STATUS_BY_KIND = {
    "invalid": 422,
    "not_found": 404,
    "conflict": 409,
    "unauthenticated": 401,
    "forbidden": 403,
    "too_large": 413,
    "unavailable": 503,
    "rate_limited": 429,
}


class FieldProblem(BaseModel):
    field: str = Field(description="Dotted path of the offending field, e.g. media.2.url")
    message: str
    # Where the field is (body, query, path), for request-shape errors.
    in_: str | None = Field(None, alias="in")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable reason, e.g. validation_error, version_conflict")
    message: str
    fields: list[FieldProblem]
    context: dict[str, str] | None = None


class ErrorOut(BaseModel):
    """The body of every error answer."""

    error: ErrorDetail


_ERRORS = {
    400: "The body could not be parsed",
    401: "Not signed in, or the session ended (WWW-Authenticate: Bearer)",
    404: "Not found, or not yours",
    405: "The path does not take this method (Allow lists those it takes)",
    409: "A conflict with the current state, e.g. a stale version",
    413: "The body or an upload is too large, or the storage quota is used up",
    422: "A field is not valid: error.fields names each one",
    429: "Too many requests (Retry-After says when to try again)",
    502: "A service failed",
    503: "A service is not reachable right now",
    504: "A service took too long to answer",
}
ERROR_RESPONSES: dict[int | str, dict] = {
    status: {"model": ErrorOut, "description": description} for status, description in _ERRORS.items()
}
# A request the HTTP server cannot parse at all never reaches the app: uvicorn answers it.
ERROR_RESPONSES[400] = {
    "model": ErrorOut,
    "description": "The body could not be parsed (JSON); a request the HTTP server itself could not "
    "read is answered in plain text",
    "content": {"text/plain": {"schema": {"type": "string"}}},
}


def error_body(code: str, message: str, fields: list[dict] | None = None, **context) -> dict:
    error = {"code": code, "message": message, "fields": fields or []}
    if context:
        error["context"] = context
    return {"error": error}


def service_error_response(err: ServiceError) -> JSONResponse:
    status = HTTP_STATUS_BY_KIND.get(err.kind, 400)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if "retry_after_seconds" in err.context:
        headers = {"Retry-After": err.context["retry_after_seconds"]}
    fields = [{"field": v.field, "message": v.message} for v in err.violations]
    return JSONResponse(error_body(err.code, err.message, fields, **err.context), status, headers=headers)


def _field_path(loc: tuple) -> tuple[str, str]:
    where = str(loc[0]) if loc else "body"
    rest = (
        [str(part) for part in loc[1:]]
        if where in ("body", "query", "path", "header")
        else list(map(str, loc))
    )
    return where, ".".join(rest) or where


async def _on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    fields = []
    for error in exc.errors():
        where, path = _field_path(tuple(error.get("loc", ())))
        # A validator's own words, without pydantic's "Value error, " in front of them.
        message = error.get("msg", "is not valid").removeprefix("Value error, ")
        if error.get("type") == "json_invalid":
            path, message = "body", "is not valid JSON"
        elif error.get("type") == "extra_forbidden":
            message = "is not a known field"
        fields.append({"field": path, "in": where, "message": message})
    summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields)
    return JSONResponse(error_body("validation_error", summary or "The request is not valid", fields), 422)


async def _on_service_error(request: Request, exc: ServiceError) -> JSONResponse:
    return service_error_response(exc)


async def _on_rpc_error(request: Request, exc: grpc.aio.AioRpcError) -> JSONResponse:
    err = from_rpc_error(exc)
    if err is not None:
        return service_error_response(err)
    if exc.code() == grpc.StatusCode.DEADLINE_EXCEEDED:
        return JSONResponse(error_body("upstream_timeout", "A service took too long to answer"), 504)
    if exc.code() == grpc.StatusCode.UNAVAILABLE:
        return JSONResponse(error_body("upstream_unavailable", "A service is not reachable right now"), 503)
    log.error("unexpected gRPC failure %s: %s", exc.code(), exc.details())
    return JSONResponse(error_body("upstream_error", "A service failed; try again"), 502)


def _documented_paths(app) -> list[tuple[re.Pattern, int, set[str]]]:
    """Each documented path as a regex, its number of parameters, and its methods."""
    if not hasattr(app.state, "documented_paths"):
        found = []
        for template, operations in app.openapi()["paths"].items():
            pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template))
            found.append((re.compile(f"^{pattern}$"), template.count("{"), {m.upper() for m in operations}))
        app.state.documented_paths = found
    return app.state.documented_paths


def _allowed_methods(request: Request) -> str:
    """The methods of the documented path this URL is (a literal path before a template:
    /media/branding is not /media/{media_id})."""
    matching = [(params, methods) for regex, params, methods in _documented_paths(request.app)
                if regex.match(request.url.path)]  # fmt: skip
    return ", ".join(sorted(min(matching, key=lambda m: m[0])[1])) if matching else ""


async def _on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}.get(
        exc.status_code, "http_error"
    )
    headers = exc.headers
    if exc.status_code == 405:
        headers = {**(exc.headers or {}), "Allow": _allowed_methods(request)}
    fields = None
    if exc.status_code == 400 and "parsing the body" in str(exc.detail):
        # FastAPI's answer when the JSON decoder itself fails (e.g. nesting past its depth).
        code, fields = "body_unparseable", [{"field": "body", "in": "body", "message": "could not be parsed"}]
    return JSONResponse(error_body(code, str(exc.detail), fields), exc.status_code, headers=headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(ServiceError, _on_service_error)
    app.add_exception_handler(grpc.aio.AioRpcError, _on_rpc_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
