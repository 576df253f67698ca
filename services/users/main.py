"""Run the users service: python -m services.users.main"""

from lib.common.config import get_settings
from lib.common.db import Database
from lib.common.grpc_server import run_service, serve
from protos import users_pb2_grpc
from services.users.server import UsersServicer


async def main(port: int) -> None:
    settings = get_settings()
    db = Database(settings)
    await db.warm()
    await serve(
        name="postflow.users.v1.Users",
        identity="users",
        port=port,
        register=lambda server: users_pb2_grpc.add_UsersServicer_to_server(
            UsersServicer(db, settings), server
        ),
        on_stop=db.dispose,
    )


if __name__ == "__main__":
    run_service(main, process="users", port=get_settings().users_grpc_port)
