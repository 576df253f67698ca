"""The hours the calendar suggests for its gaps: ranked by the account's audience model
(learned by the scheduler, asked for once per request), or by the general curve when there
is no account or the scheduler cannot answer in time."""

import logging
import uuid
from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import grpc

from lib.audience_model import AudienceModel
from protos import scheduler_pb2, scheduler_pb2_grpc

log = logging.getLogger(__name__)


async def model_of(
    scheduler: scheduler_pb2_grpc.SchedulerStub, user_id: uuid.UUID, account_id: uuid.UUID | None, zone: str
) -> AudienceModel:
    try:
        reply = await scheduler.GetAudienceModel(
            scheduler_pb2.AccountRef(user_id=str(user_id), account_id=str(account_id) if account_id else ""),
            timeout=3,
        )
    except grpc.aio.AioRpcError as err:
        log.warning("audience model of %s not read (%s); the general curve is used", user_id, err.code())
        return AudienceModel.general(zone)
    if len(reply.hour_lift) != 24 or len(reply.day_lift) != 7:
        return AudienceModel.general(zone)
    return AudienceModel(
        zone=reply.zone,
        own_weight=reply.own_weight,
        hour_lift=list(reply.hour_lift),
        day_lift=list(reply.day_lift),
        samples=reply.samples,
    )


def best_hours(model: AudienceModel, zone: ZoneInfo) -> Callable[[date, int], list[int]]:
    """(day, count) -> the day's count best local hours, best first (earlier on a tie)."""

    def ranked(day: date, count: int) -> list[int]:
        scores = {hour: model.score(datetime.combine(day, time(hour), tzinfo=zone)) for hour in range(24)}
        return sorted(range(24), key=lambda hour: (-scores[hour], hour))[:count]

    return ranked
