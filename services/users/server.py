"""gRPC face of the users service: translates requests to services.users.accounts."""

from protos import users_pb2, users_pb2_grpc
from services.common import auth_tokens
from services.common.config import Settings, get_settings
from services.common.db import Database
from services.common.grpc_errors import rpc_handlers
from services.common.grpc_server import run_service, serve
from services.common.ids import parse_id
from services.common.proto_time import to_timestamp
from services.users import accounts
from services.users.models import User


def _user_message(user: User) -> users_pb2.User:
    return users_pb2.User(
        id=str(user.id),
        email=user.email,
        name=user.name,
        timezone=user.timezone,
        created_at=to_timestamp(user.created_at),
    )


@rpc_handlers
class UsersServicer(users_pb2_grpc.UsersServicer):
    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings

    def _auth_result(self, user: User) -> users_pb2.AuthResult:
        token, ttl = auth_tokens.issue(settings=self._settings, user_id=str(user.id))
        return users_pb2.AuthResult(user=_user_message(user), access_token=token, expires_in_seconds=ttl)

    async def Register(self, request, context):
        user = await accounts.register(
            db=self._db,
            settings=self._settings,
            email=request.email,
            password=request.password,
            name=request.name,
            timezone=request.timezone,
        )
        return self._auth_result(user)

    async def Login(self, request, context):
        user = await accounts.authenticate(
            db=self._db, settings=self._settings, email=request.email, password=request.password
        )
        return self._auth_result(user)

    async def GetUser(self, request, context):
        user = await accounts.get(db=self._db, user_id=parse_id(request.user_id, "User"))
        return _user_message(user)


async def main(port: int) -> None:
    settings = get_settings()
    db = Database(settings)
    await serve(
        name="postflow.users.v1.Users",
        port=port,
        register=lambda server: users_pb2_grpc.add_UsersServicer_to_server(
            UsersServicer(db, settings), server
        ),
        on_stop=db.dispose,
    )


if __name__ == "__main__":
    run_service(main, port=get_settings().users_grpc_port)
