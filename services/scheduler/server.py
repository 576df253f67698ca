"""gRPC face of the scheduler service: translates requests into calls on its modules."""

from protos import scheduler_pb2, scheduler_pb2_grpc
from services.common.config import Settings, get_settings
from services.common.db import Database
from services.common.grpc_errors import rpc_handlers
from services.common.grpc_server import run_service, serve
from services.common.ids import parse_id
from services.common.proto_time import to_timestamp
from services.instagram.graph_api import GraphApiClient
from services.scheduler import accounts
from services.scheduler.models import InstagramAccount
from services.scheduler.token_vault import TokenVault


def _account_message(account: InstagramAccount) -> scheduler_pb2.InstagramAccount:
    return scheduler_pb2.InstagramAccount(
        id=str(account.id),
        ig_user_id=account.ig_user_id,
        username=account.username,
        connected_at=to_timestamp(account.connected_at),
    )


@rpc_handlers
class SchedulerServicer(scheduler_pb2_grpc.SchedulerServicer):
    def __init__(self, db: Database, graph: GraphApiClient, vault: TokenVault) -> None:
        self._db = db
        self._graph = graph
        self._vault = vault

    async def ConnectAccount(self, request, context):
        account = await accounts.connect(
            db=self._db,
            graph=self._graph,
            vault=self._vault,
            user_id=parse_id(request.user_id, "User"),
            ig_user_id=request.ig_user_id,
            access_token=request.access_token,
        )
        return _account_message(account)

    async def ListAccounts(self, request, context):
        rows = await accounts.list_connected(db=self._db, user_id=parse_id(request.user_id, "User"))
        return scheduler_pb2.AccountList(accounts=[_account_message(a) for a in rows])

    async def DisconnectAccount(self, request, context):
        account = await accounts.disconnect(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            account_id=parse_id(request.account_id, "Account"),
        )
        return _account_message(account)


def graph_client(settings: Settings) -> GraphApiClient:
    return GraphApiClient(
        base_url=settings.graph_api_base_url,
        version=settings.graph_api_version,
        timeout=settings.graph_api_timeout_seconds,
    )


async def main(port: int) -> None:
    settings = get_settings()
    db = Database(settings)
    graph = graph_client(settings)

    async def stop() -> None:
        await graph.close()
        await db.dispose()

    await serve(
        name="postflow.scheduler.v1.Scheduler",
        port=port,
        register=lambda server: scheduler_pb2_grpc.add_SchedulerServicer_to_server(
            SchedulerServicer(db, graph, TokenVault(settings)), server
        ),
        on_stop=stop,
    )


if __name__ == "__main__":
    run_service(main, port=get_settings().scheduler_grpc_port)
