"""An Instagram account's credentials for the worker's activities: asked of the scheduler
at every step (never cached, nor put in workflow history: an account disconnected a second
before its post is due publishes nothing), received sealed, opened here where they are used."""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import grpc

from lib.common.token_vault import TokenVault
from protos import scheduler_pb2, scheduler_pb2_grpc

log = logging.getLogger(__name__)


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
    # Instagram asked for fewer calls on the account until then (None: it did not).
    throttled_until: datetime | None = None

    def throttled_for(self) -> float:
        """Seconds left before the account may be called again (0: it may now)."""
        if self.throttled_until is None:
            return 0.0
        return max(0.0, (self.throttled_until - datetime.now(UTC)).total_seconds())


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
        reply.throttled_until.ToDatetime(tzinfo=UTC) if reply.HasField("throttled_until") else None,
    )


async def report_throttled(
    scheduler: scheduler_pb2_grpc.SchedulerStub, *, user_id: str, account_id: str, seconds: float
) -> None:
    """Tell every worker the account is paused for `seconds` (best effort: the caller waits
    anyway, and a lost report only means another caller learns it from Instagram)."""
    report = scheduler_pb2.ThrottleReport(user_id=user_id, account_id=account_id)
    report.until.FromDatetime(datetime.now(UTC) + timedelta(seconds=seconds))
    try:
        await scheduler.ReportThrottled(report, timeout=5)
    except grpc.aio.AioRpcError as err:
        log.warning("account %s: throttle not reported (%s)", account_id, err.code().name)
