"""Carry ServiceError across gRPC: a status code plus a binary ErrorDetail trailer."""

import functools
import inspect
import logging

import grpc
from google.protobuf.message import Message
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from lib.common.errors import ServiceError, Violation, invalid_field
from lib.common.proto_text import nul_field
from protos import common_pb2

ERROR_TRAILER = "postflow-error-bin"
log = logging.getLogger(__name__)

_STATUS_BY_KIND = {
    "invalid": grpc.StatusCode.INVALID_ARGUMENT,
    "not_found": grpc.StatusCode.NOT_FOUND,
    "conflict": grpc.StatusCode.ABORTED,
    "unauthenticated": grpc.StatusCode.UNAUTHENTICATED,
    "forbidden": grpc.StatusCode.PERMISSION_DENIED,
    "too_large": grpc.StatusCode.OUT_OF_RANGE,
    "rate_limited": grpc.StatusCode.RESOURCE_EXHAUSTED,
    "unavailable": grpc.StatusCode.UNAVAILABLE,
}
_KIND_BY_STATUS = {status: kind for kind, status in _STATUS_BY_KIND.items()}


def to_detail(err: ServiceError) -> common_pb2.ErrorDetail:
    return common_pb2.ErrorDetail(
        code=err.code,
        message=err.message,
        violations=[common_pb2.FieldViolation(field=v.field, message=v.message) for v in err.violations],
        context=err.context,
    )


def from_rpc_error(exc: grpc.aio.AioRpcError) -> ServiceError | None:
    """The ServiceError a service raised, or None when the failure was not a domain error."""
    for key, value in exc.trailing_metadata() or ():
        if key == ERROR_TRAILER:
            detail = common_pb2.ErrorDetail.FromString(value)
            return from_detail(detail, _KIND_BY_STATUS.get(exc.code(), "invalid"))
    return None


def from_detail(detail: common_pb2.ErrorDetail, kind: str) -> ServiceError:
    """The ServiceError an error detail describes (one item's, in a reply about many)."""
    return ServiceError(
        kind=kind,
        code=detail.code,
        message=detail.message,
        violations=[Violation(v.field, v.message) for v in detail.violations],
        context=dict(detail.context),
    )


def rpc_handlers(servicer_cls: type) -> type:
    """Class decorator for servicers: every async RPC method refuses text PostgreSQL cannot
    store (NUL characters) and turns a ServiceError into a gRPC status with its detail."""
    for name, method in list(vars(servicer_cls).items()):
        if name.startswith("_"):
            continue
        if inspect.iscoroutinefunction(method):
            setattr(servicer_cls, name, _wrap(method))
        elif inspect.isasyncgenfunction(method):
            setattr(servicer_cls, name, _wrap_stream(method))
    return servicer_cls


# gRPC refuses metadata over 8 KB (the trailer and the status message together): a request
# with a hundred bad list items made an error too long to send, and the client saw a
# transport failure instead of the 422. Errors are cut to fit, the first problems kept.
MAX_ERROR_BYTES = 6000
MAX_MESSAGE_CHARS = 1000


def _bounded(err: ServiceError) -> tuple[bytes, str]:
    """The error's detail (serialized) and status message, within MAX_ERROR_BYTES together."""
    message = (
        err.message if len(err.message) <= MAX_MESSAGE_CHARS else err.message[:MAX_MESSAGE_CHARS] + " ..."
    )
    detail = to_detail(err)
    detail.message = message
    kept = list(err.violations)
    while len(detail.SerializeToString()) + len(message.encode()) > MAX_ERROR_BYTES and kept:
        kept = kept[: len(kept) // 2] if len(kept) > 1 else []
        dropped = len(err.violations) - len(kept)
        del detail.violations[:]
        detail.violations.extend(common_pb2.FieldViolation(field=v.field, message=v.message) for v in kept)
        detail.violations.append(
            common_pb2.FieldViolation(
                field=err.violations[len(kept)].field, message=f"... and {dropped} more problems"
            )
        )
    return detail.SerializeToString(), message


async def _abort(context: grpc.aio.ServicerContext, err: ServiceError):
    detail, message = _bounded(err)
    context.set_trailing_metadata(((ERROR_TRAILER, detail),))
    await context.abort(_STATUS_BY_KIND[err.kind], message)


def _check_text(request) -> None:
    # A client-streaming request is an iterator of messages: each part checks its own.
    bad_field = nul_field(request) if isinstance(request, Message) else None
    if bad_field:
        # REST bodies name content fields without the message's "content." prefix.
        raise invalid_field(bad_field.removeprefix("content."), "must not contain NUL characters")


def _wrap_stream(method):
    """The same for a server-streaming RPC (an async generator)."""

    @functools.wraps(method)
    async def handler(self, request, context: grpc.aio.ServicerContext):
        try:
            _check_text(request)
            async for item in method(self, request, context):
                yield item
        except ServiceError as err:
            await _abort(context, err)

    return handler


def _wrap(method):
    @functools.wraps(method)
    async def handler(self, request, context: grpc.aio.ServicerContext):
        try:
            _check_text(request)
            return await method(self, request, context)
        except ServiceError as err:
            await _abort(context, err)
        except DBAPIError as err:
            if not _database_away(err):
                raise
            log.warning("%s: the database is not reachable: %s", method.__name__, err.orig)
            await _abort(context, DATABASE_AWAY)

    return handler


# What a caller is told while PostgreSQL restarts or is unreachable (a 503 at the gateway):
# nothing was written, and trying again later works, without restarting anything.
DATABASE_AWAY = ServiceError(
    "unavailable", "database_unavailable", "The database could not answer right now; try again shortly"
)


def _database_away(err: DBAPIError) -> bool:
    """A lost or refused connection, not a statement's own error (a constraint, say)."""
    return err.connection_invalidated or isinstance(err, OperationalError | InterfaceError)


async def ask(call):
    """Await a call to another service; its domain error is re-raised as a ServiceError so
    that it travels on to this service's caller unchanged."""
    try:
        return await call
    except grpc.aio.AioRpcError as exc:
        err = from_rpc_error(exc)
        if err is None:
            raise
        raise err from exc
