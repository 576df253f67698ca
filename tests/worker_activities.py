"""The publishing worker's activities, built in the test process as the worker builds them
(its service identity, the system's services, the Graph API simulator), for tests that run
them under a test Temporal or an ActivityEnvironment."""

from contextlib import asynccontextmanager

from lib.common.events import EventPublisher
from lib.common.token_vault import TokenVault
from lib.instagram.graph_api import GraphApiClient
from protos import media_pb2_grpc, posts_pb2_grpc, scheduler_pb2_grpc
from tests.grpc_clients import aio_channel, settings_of
from workflows.publishing.activities import PublishingActivities


@asynccontextmanager
async def publishing_activities(system, graph_simulator: str, *, poll_seconds: float, graph_timeout: float):
    posts = aio_channel(system, caller="worker", service="posts")
    scheduler = aio_channel(system, caller="worker", service="scheduler")
    media = aio_channel(system, caller="worker", service="media")
    graph = GraphApiClient(meta_url=graph_simulator, version="v25.0", timeout=graph_timeout)
    events = EventPublisher(system.env["POSTFLOW_NATS_URL"], 3600)
    try:
        yield PublishingActivities(
            posts=posts_pb2_grpc.PostsStub(posts),
            scheduler=scheduler_pb2_grpc.SchedulerStub(scheduler),
            media=media_pb2_grpc.MediaStub(media),
            graph=graph,
            events=events,
            vault=TokenVault(settings_of(system)),
            poll_seconds=poll_seconds,
        )
    finally:
        await events.close()
        await graph.close()
        for channel in (posts, scheduler, media):
            await channel.close()
