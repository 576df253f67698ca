"""gRPC channels and stubs to the services, opened once per gateway process."""

from dataclasses import dataclass

import grpc

from protos import posts_pb2_grpc, users_pb2_grpc
from services.common.config import Settings


class DefaultTimeout(grpc.aio.UnaryUnaryClientInterceptor):
    """Give every call a deadline, so a stuck service is a 504, never a hung request."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    async def intercept_unary_unary(self, continuation, client_call_details, request):
        if client_call_details.timeout is None:
            client_call_details = client_call_details._replace(timeout=self.seconds)
        return await continuation(client_call_details, request)


@dataclass
class Clients:
    users: users_pb2_grpc.UsersStub
    posts: posts_pb2_grpc.PostsStub
    # Service name -> channel, for health checks and closing.
    channels: dict[str, grpc.aio.Channel]

    @classmethod
    def open(cls, settings: Settings) -> "Clients":
        interceptors = [DefaultTimeout(settings.grpc_timeout_seconds)]
        users_channel = grpc.aio.insecure_channel(settings.users_grpc_target, interceptors=interceptors)
        posts_channel = grpc.aio.insecure_channel(settings.posts_grpc_target, interceptors=interceptors)
        return cls(
            users=users_pb2_grpc.UsersStub(users_channel),
            posts=posts_pb2_grpc.PostsStub(posts_channel),
            channels={"users": users_channel, "posts": posts_channel},
        )

    async def close(self) -> None:
        for channel in self.channels.values():
            await channel.close()
