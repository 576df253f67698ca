"""An Instagram account's credentials for the worker's activities: asked of the scheduler
at every step (never cached, nor put in workflow history: an account disconnected a second
before its post is due publishes nothing), received sealed, opened here where they are used."""

from dataclasses import dataclass

from lib.common.token_vault import TokenVault
from protos import scheduler_pb2, scheduler_pb2_grpc


@dataclass(frozen=True)
class Credentials:
    ig_user_id: str
    access_token: str
    # The Graph API host the token works on (graph.instagram.com or graph.facebook.com).
    graph_host: str = "graph.facebook.com"
    # The token as the scheduler sealed it: names it when reporting that Instagram refused it.
    sealed_access_token: bytes = b""
    # connected, or needs_reauth (Instagram refused the token: a reconnect is awaited).
    health: str = "connected"


async def fetch(
    scheduler: scheduler_pb2_grpc.SchedulerStub, vault: TokenVault, *, user_id: str, account_id: str
) -> Credentials:
    """Raises the scheduler's AioRpcError (NOT_FOUND: the account was disconnected)."""
    reply = await scheduler.GetPublishingCredentials(
        scheduler_pb2.AccountRef(user_id=user_id, account_id=account_id), timeout=10
    )
    return Credentials(
        reply.ig_user_id,
        vault.open(reply.sealed_access_token),
        reply.graph_host or "graph.facebook.com",
        reply.sealed_access_token,
        reply.health or "connected",
    )
