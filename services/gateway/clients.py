"""gRPC channels and stubs to the services, opened once per gateway process."""

from dataclasses import dataclass

import grpc

from protos import posts_pb2_grpc, users_pb2_grpc
from services.common.config import Settings


@dataclass
class Clients:
    users: users_pb2_grpc.UsersStub
    posts: posts_pb2_grpc.PostsStub
    # Service name -> channel, for health checks and closing.
    channels: dict[str, grpc.aio.Channel]

    @classmethod
    def open(cls, settings: Settings) -> "Clients":
        users_channel = grpc.aio.insecure_channel(settings.users_grpc_target)
        posts_channel = grpc.aio.insecure_channel(settings.posts_grpc_target)
        return cls(
            users=users_pb2_grpc.UsersStub(users_channel),
            posts=posts_pb2_grpc.PostsStub(posts_channel),
            channels={"users": users_channel, "posts": posts_channel},
        )

    async def close(self) -> None:
        for channel in self.channels.values():
            await channel.close()
