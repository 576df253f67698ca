"""Run the scheduler service: python -m services.scheduler.main"""

import logging
from datetime import timedelta

from lib.common import service_identity, temporal_client
from lib.common.config import get_settings
from lib.common.db import Database
from lib.common.events import EventPublisher
from lib.common.grpc_server import run_service, serve
from lib.common.outbox import Outbox
from lib.common.token_vault import TokenVault
from lib.instagram.graph_api import GraphApiClient
from lib.instagram.meta_login import MetaLogin
from protos import media_pb2_grpc, posts_pb2_grpc, scheduler_pb2_grpc, users_pb2_grpc
from services.scheduler import accounts
from services.scheduler.account_health import AccountHealth
from services.scheduler.audience import Audiences
from services.scheduler.audit_trail import AuditTrail
from services.scheduler.meta_logins import Logins
from services.scheduler.models import OutboxEvent
from services.scheduler.preflight import Preflight
from services.scheduler.reconciler import Reconciler
from services.scheduler.scheduling import Scheduler
from services.scheduler.series import SeriesManager
from services.scheduler.server import SchedulerServicer

log = logging.getLogger(__name__)


async def main(port: int) -> None:
    settings = get_settings()
    db = Database(settings)
    await db.warm()
    graph = GraphApiClient.from_settings(settings)
    posts_channel = service_identity.channel(settings, caller="scheduler", service="posts")
    users_channel = service_identity.channel(settings, caller="scheduler", service="users")
    media_channel = service_identity.channel(settings, caller="scheduler", service="media")
    temporal = await temporal_client.connect(settings.temporal_address, settings.temporal_namespace)
    vault = TokenVault(settings)
    if rewritten := await accounts.reencrypt(db=db, vault=vault):
        log.info("re-encrypted %d Instagram tokens under the first key", rewritten)
    scheduler = Scheduler(
        db=db,
        posts=posts_pb2_grpc.PostsStub(posts_channel),
        temporal=temporal,
        graph=graph,
        vault=vault,
        settings=settings,
        users=users_pb2_grpc.UsersStub(users_channel),
        audiences=Audiences(db),
    )

    series = SeriesManager(
        db=db, posts=posts_pb2_grpc.PostsStub(posts_channel), temporal=temporal, settings=settings
    )

    preflight = Preflight(
        db=db,
        posts=posts_pb2_grpc.PostsStub(posts_channel),
        media=media_pb2_grpc.MediaStub(media_channel),
        graph=graph,
        vault=vault,
        settings=settings,
        scheduler=scheduler,
    )
    audit = AuditTrail(users_pb2_grpc.UsersStub(users_channel))
    login = MetaLogin(settings, graph)
    publisher = EventPublisher(
        settings.nats_url, settings.events_retention_hours * 3600, settings.events_replicas
    )
    events = Outbox(db, OutboxEvent, publisher)
    events.start()
    health = AccountHealth(
        db=db,
        events=events,
        scheduler=scheduler,
        temporal=temporal,
        login=login,
        vault=vault,
        settings=settings,
    )

    async def stop() -> None:
        await events.close()
        await publisher.close()
        await graph.close()
        await preflight.close()
        await media_channel.close()
        await posts_channel.close()
        await users_channel.close()
        await db.dispose()

    await serve(
        name="postflow.scheduler.v1.Scheduler",
        identity="scheduler",
        port=port,
        register=lambda server: scheduler_pb2_grpc.add_SchedulerServicer_to_server(
            SchedulerServicer(
                db,
                graph,
                vault,
                scheduler,
                series,
                settings,
                audit,
                Logins(db=db, vault=vault, login=login, settings=settings, audit=audit, health=health),
                login,
                health,
                Reconciler(
                    scheduler=scheduler,
                    temporal=temporal,
                    missed_grace=timedelta(hours=settings.missed_post_grace_hours),
                ),
                preflight,
            ),
            server,
        ),
        on_stop=stop,
    )


if __name__ == "__main__":
    run_service(main, process="scheduler", port=get_settings().scheduler_grpc_port)
