"""Run the media service: python -m services.media.main"""

from lib.common import service_identity
from lib.common.config import get_settings
from lib.common.db import Database
from lib.common.events import EventPublisher
from lib.common.grpc_server import run_service, serve
from lib.common.outbox import Outbox
from protos import media_pb2_grpc, posts_pb2_grpc
from services.media.models import OutboxEvent
from services.media.processing import VideoProcessor
from services.media.server import MediaServicer
from services.media.storage import open_storage


async def main(port: int) -> None:
    settings = get_settings()
    db = Database(settings)
    await db.warm()
    storage = open_storage(settings)
    posts_channel = service_identity.channel(settings, caller="media", service="posts")
    publisher = EventPublisher(
        settings.nats_url, settings.events_retention_hours * 3600, settings.events_replicas
    )
    events = Outbox(db, OutboxEvent, publisher)
    events.start()
    videos = VideoProcessor(db=db, storage=storage, settings=settings, events=events)
    await videos.resume()

    async def stop() -> None:
        await videos.stop()
        await events.close()
        await publisher.close()
        await posts_channel.close()
        await db.dispose()

    await serve(
        name="postflow.media.v1.Media",
        identity="media",
        port=port,
        register=lambda server: media_pb2_grpc.add_MediaServicer_to_server(
            MediaServicer(db, storage, settings, posts_pb2_grpc.PostsStub(posts_channel), videos), server
        ),
        on_stop=stop,
    )


if __name__ == "__main__":
    run_service(main, process="media", port=get_settings().media_grpc_port)
