"""A member limited to some of a workspace's Instagram accounts (an admin's choice): the
gateway sends the limit with each call that acts on an account (gRPC metadata), and the
service that acts (the scheduler, the posts service's reviews) refuses an account outside
it. A call without the metadata is unlimited: owners, admins, members left unlimited, and
the services' own calls to each other."""

import contextlib
import functools
import uuid
from contextvars import ContextVar

from lib.common.errors import forbidden

METADATA_KEY = "x-postflow-member-accounts"
_allowed: ContextVar[frozenset[str] | None] = ContextVar("member_accounts", default=None)


def metadata(account_ids) -> tuple[tuple[str, str], ...]:
    """What a call carries for a member limited to account_ids (nothing: no limit)."""
    return ((METADATA_KEY, ",".join(account_ids)),) if account_ids else ()


@contextlib.contextmanager
def from_call(context):
    """Within: the limit the call came with, for require() and allows()."""
    sent = dict(context.invocation_metadata() or ()).get(METADATA_KEY)
    token = _allowed.set(frozenset(a for a in sent.split(",") if a) if sent else None)
    try:
        yield
    finally:
        _allowed.reset(token)


def limited() -> bool:
    return _allowed.get() is not None


def allows(account_id: uuid.UUID | str | None) -> bool:
    allowed = _allowed.get()
    return allowed is None or (account_id is not None and str(account_id) in allowed)


def require(account_id: uuid.UUID | str | None) -> None:
    if not allows(account_id):
        raise forbidden(
            "You may act only on the Instagram accounts an admin gave you, and this is not one of them"
        )


def scoped(handler):
    """A gRPC handler that acts within the limit its call came with."""

    @functools.wraps(handler)
    async def within(self, request, context):
        with from_call(context):
            return await handler(self, request, context)

    return within
