"""Account connections and disconnections, kept in the user's audit log (the users
service owns it). Best effort: the change itself has happened whether or not the log
could be written, and a failure to write it is logged here."""

import logging
import uuid

import grpc

from lib.common import proto_struct
from protos import users_pb2, users_pb2_grpc

log = logging.getLogger(__name__)


class AuditTrail:
    def __init__(self, users: users_pb2_grpc.UsersStub) -> None:
        self._users = users

    async def record(self, user_id: uuid.UUID, kind: str, **detail: str) -> None:
        try:
            await self._users.RecordAudit(
                users_pb2.AuditEvent(user_id=str(user_id), kind=kind, detail=proto_struct.struct(detail)),
                timeout=5,
            )
        except grpc.aio.AioRpcError as err:
            log.warning("audit %s for %s not recorded: %s", kind, user_id, err.code())
