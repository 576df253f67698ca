"""gRPC channels and stubs to the services, opened once per gateway process."""

import asyncio
import contextlib
import functools
from dataclasses import dataclass

import grpc

from lib.common import service_identity
from lib.common.config import Settings
from protos import media_pb2_grpc, posts_pb2_grpc, realtime_pb2_grpc, scheduler_pb2_grpc, users_pb2_grpc


class WithDeadline:
    """A stub whose every call has a deadline, so a stuck service is a 504, never a hang.

    (A grpc.aio interceptor does the same at several times the CPU cost per call.)
    """

    def __init__(self, stub, seconds: float) -> None:
        self._stub = stub
        self._seconds = seconds

    def __getattr__(self, name: str):
        method = functools.partial(getattr(self._stub, name), timeout=self._seconds)
        setattr(self, name, method)
        return method


# Spread calls over every worker (or every address DNS gives) instead of the first one.
CHANNEL_OPTIONS = [("grpc.lb_policy_name", "round_robin")]


@dataclass
class Clients:
    users: users_pb2_grpc.UsersStub
    posts: posts_pb2_grpc.PostsStub
    scheduler: scheduler_pb2_grpc.SchedulerStub
    # Uploads take as long as the bytes take to arrive: no deadline on this stub.
    media: media_pb2_grpc.MediaStub
    realtime: realtime_pb2_grpc.RealtimeStub
    # Service name -> channel, for health checks and closing.
    channels: dict[str, grpc.aio.Channel]

    @classmethod
    def open(cls, settings: Settings) -> "Clients":
        channels = {
            name: service_identity.channel(settings, caller="gateway", service=name, options=CHANNEL_OPTIONS)
            for name in ("realtime", "users", "posts", "scheduler", "media")
        }
        deadline = settings.grpc_timeout_seconds
        return cls(
            users=WithDeadline(users_pb2_grpc.UsersStub(channels["users"]), deadline),
            posts=WithDeadline(posts_pb2_grpc.PostsStub(channels["posts"]), deadline),
            scheduler=WithDeadline(scheduler_pb2_grpc.SchedulerStub(channels["scheduler"]), deadline),
            media=media_pb2_grpc.MediaStub(channels["media"]),
            realtime=WithDeadline(realtime_pb2_grpc.RealtimeStub(channels["realtime"]), deadline),
            channels=channels,
        )

    async def connect(self, within: float) -> None:
        """Each channel's connections made now, at start-up, rather than in the first
        requests' time; a service not up yet (all start together) is left to its first call."""

        async def ready(channel: grpc.aio.Channel) -> None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(channel.channel_ready(), within)

        await asyncio.gather(*(ready(channel) for channel in self.channels.values()))

    async def close(self) -> None:
        for channel in self.channels.values():
            await channel.close()
