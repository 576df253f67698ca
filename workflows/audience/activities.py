"""The audience workflow's activity: for each account, read its media's engagement from
Instagram (one page of 100 per call) and its follower count, and hand them to the
scheduler, which stores them and refits the account's model. Idempotent: a repeat stores
the same media again (newer counts replace older ones)."""

import logging
from datetime import UTC, datetime, timedelta

import grpc
from temporalio import activity

from lib.common.proto_time import to_timestamp
from lib.common.token_vault import TokenVault
from lib.instagram.errors import GraphApiError
from lib.instagram.graph_api import GraphApiClient
from protos import scheduler_pb2, scheduler_pb2_grpc
from workflows import credentials
from workflows.contracts.audience import LEARN_AUDIENCES_ACTIVITY, AccountToLearn, Learned, LearnRound

log = logging.getLogger(__name__)

# As much history as the scheduler learns from (services/scheduler/audience.py).
HISTORY_DAYS = 120
MAX_MEDIA = 1000


class AudienceActivities:
    def __init__(
        self, *, scheduler: scheduler_pb2_grpc.SchedulerStub, graph: GraphApiClient, vault: TokenVault
    ) -> None:
        self._scheduler = scheduler
        self._graph = graph
        self._vault = vault

    @activity.defn(name=LEARN_AUDIENCES_ACTIVITY)
    async def learn(self, request: LearnRound) -> Learned:
        targets = list(request.asked)
        if not targets:
            due = await self._scheduler.AudienceDue(
                scheduler_pb2.AudienceDueRequest(
                    limit=request.batch, stale_after_seconds=request.stale_after_seconds
                ),
                timeout=10,
            )
            targets = [AccountToLearn(a.user_id, a.account_id) for a in due.accounts]
        learned = 0
        for done, target in enumerate(targets):
            activity.heartbeat(done)
            learned += await self._learn_one(target)
        return Learned(
            accounts=learned, more=not request.asked and learned > 0 and len(targets) == request.batch
        )

    async def _learn_one(self, target: AccountToLearn) -> bool:
        try:
            account = await credentials.fetch(
                self._scheduler, self._vault, user_id=target.user_id, account_id=target.account_id
            )
        except grpc.aio.AioRpcError as err:
            if err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT):
                return False  # disconnected meanwhile
            raise
        followers, media = 0, []
        try:
            followers = await self._graph.on(account.graph_host).followers_count(
                account.ig_user_id, account.access_token
            )
            media = await self._graph.on(account.graph_host).media_engagement(
                account.ig_user_id,
                account.access_token,
                since=datetime.now(UTC) - timedelta(days=HISTORY_DAYS),
                max_items=MAX_MEDIA,
            )
        except GraphApiError as err:
            # Refit from what is stored; the account is tried again when its model is stale.
            log.info("audience of account %s not read from Instagram: %s", target.account_id, err)
        try:
            await self._scheduler.RecordAudience(
                scheduler_pb2.RecordAudienceRequest(
                    user_id=target.user_id,
                    account_id=target.account_id,
                    followers=followers,
                    media=[
                        scheduler_pb2.AudienceMedia(
                            media_id=m.id,
                            media_type=m.media_type,
                            published_at=to_timestamp(m.timestamp),
                            engagement=m.likes + m.comments,
                        )
                        for m in media
                    ],
                ),
                timeout=30,
            )
        except grpc.aio.AioRpcError as err:
            if err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT):
                log.warning("audience of account %s refused: %s", target.account_id, err.details())
                return False
            raise
        return True
