"""Whether a person may follow a workspace's events: asked of the users service. A person's
own id names their personal workspace, which they cannot leave, so that needs no asking
(and the brief's clients, which connect to their own id, never wait on it)."""

import logging

import grpc

from lib.common.errors import ServiceError
from lib.common.grpc_errors import ask
from protos import users_pb2, users_pb2_grpc

log = logging.getLogger(__name__)


class Memberships:
    def __init__(self) -> None:
        self._users: users_pb2_grpc.UsersStub | None = None

    def ask(self, users: users_pb2_grpc.UsersStub) -> None:
        self._users = users

    async def holds(self, user_id: str, workspace_id: str) -> bool | None:
        """True or False; None when the users service could not say (a socket already open
        then stays: its outage must not drop every live connection)."""
        if user_id == workspace_id:
            return True
        if self._users is None:
            return False
        try:
            await ask(
                self._users.GetAccess(
                    users_pb2.WorkspaceRef(user_id=user_id, workspace_id=workspace_id), timeout=5
                )
            )
        except ServiceError as err:
            if err.kind == "not_found":
                return False
            log.warning("membership of %s in %s not checked: %s", user_id, workspace_id, err)
            return None
        except (grpc.aio.AioRpcError, TimeoutError) as err:
            log.warning("membership of %s in %s not checked: %r", user_id, workspace_id, err)
            return None
        return True
