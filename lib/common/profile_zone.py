"""A user's own time zone, as their profile states it: what a time without an offset or
zone means when a request names none (the brief's clients never send one)."""

import uuid

from lib.common.grpc_errors import ask
from protos import users_pb2, users_pb2_grpc

FALLBACK = "UTC"


async def of_user(users: users_pb2_grpc.UsersStub, user_id: uuid.UUID | str) -> str:
    user = await ask(users.GetUser(users_pb2.GetUserRequest(user_id=str(user_id)), timeout=10))
    return user.timezone or FALLBACK
