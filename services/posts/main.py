"""Run the posts service: python -m services.posts.main"""

from lib.common import service_identity
from lib.common.config import get_settings
from lib.common.db import Database
from lib.common.events import EventPublisher
from lib.common.grpc_server import run_service, serve
from lib.common.outbox import Outbox
from protos import media_pb2_grpc, posts_pb2_grpc, scheduler_pb2_grpc, users_pb2_grpc
from services.posts.models import OutboxEvent
from services.posts.server import PostsServicer
from services.posts.waiting_gauge import WaitingGauge


async def main(port: int) -> None:
    settings = get_settings()
    db = Database(settings)
    await db.warm()
    publisher = EventPublisher(
        settings.nats_url, settings.events_retention_hours * 3600, settings.events_replicas
    )
    events = Outbox(db, OutboxEvent, publisher)
    events.start()
    waiting = WaitingGauge(db)
    waiting.start()
    media_channel = service_identity.channel(settings, caller="posts", service="media")
    users_channel = service_identity.channel(settings, caller="posts", service="users")
    scheduler_channel = service_identity.channel(settings, caller="posts", service="scheduler")

    async def stop() -> None:
        await waiting.close()
        await events.close()
        await publisher.close()
        await media_channel.close()
        await users_channel.close()
        await scheduler_channel.close()
        await db.dispose()

    await serve(
        name="postflow.posts.v1.Posts",
        identity="posts",
        port=port,
        register=lambda server: posts_pb2_grpc.add_PostsServicer_to_server(
            PostsServicer(
                db,
                settings,
                events,
                media_pb2_grpc.MediaStub(media_channel),
                users_pb2_grpc.UsersStub(users_channel),
                scheduler_pb2_grpc.SchedulerStub(scheduler_channel),
            ),
            server,
        ),
        on_stop=stop,
    )


if __name__ == "__main__":
    run_service(main, process="posts", port=get_settings().posts_grpc_port)
