"""A workspace's own time zone (a personal workspace's is its owner's profile zone): what a
time without an offset or zone means when a request names none (the brief's clients never
send one)."""

import uuid

from lib.common.grpc_errors import ask
from protos import users_pb2, users_pb2_grpc

FALLBACK = "UTC"


async def of_workspace(users: users_pb2_grpc.UsersStub, workspace_id: uuid.UUID | str) -> str:
    answer = await ask(
        users.GetWorkspaceZone(users_pb2.WorkspaceZoneRequest(workspace_id=str(workspace_id)), timeout=10)
    )
    return answer.timezone or FALLBACK
