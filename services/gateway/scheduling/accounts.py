"""/api/v1/accounts: the Instagram accounts posts are published to."""

from fastapi import APIRouter, Response

from protos import scheduler_pb2
from services.gateway.deps import CurrentUser, SchedulerDep
from services.gateway.proto_json import model, to_json
from services.gateway.scheduling import schemas

router = APIRouter(prefix="/api/v1/accounts", tags=["accounts"])


@router.post("", status_code=201, response_model=model(scheduler_pb2.InstagramAccount))
async def connect_account(body: schemas.AccountConnectIn, user_id: CurrentUser, scheduler: SchedulerDep):
    account = await scheduler.ConnectAccount(
        scheduler_pb2.ConnectAccountRequest(
            user_id=user_id, ig_user_id=body.ig_user_id, access_token=body.access_token
        )
    )
    return to_json(account)


@router.get("", response_model=list[model(scheduler_pb2.InstagramAccount)])
async def list_accounts(user_id: CurrentUser, scheduler: SchedulerDep):
    result = await scheduler.ListAccounts(scheduler_pb2.ListAccountsRequest(user_id=user_id))
    return [to_json(a) for a in result.accounts]


@router.patch("/{account_id}", response_model=model(scheduler_pb2.InstagramAccount))
async def change_account(
    account_id: str, body: schemas.AccountUpdateIn, user_id: CurrentUser, scheduler: SchedulerDep
):
    account = await scheduler.UpdateAccount(
        scheduler_pb2.UpdateAccountRequest(
            user_id=user_id,
            account_id=account_id,
            min_gap_minutes=body.min_gap_minutes,
            is_default=body.is_default,
        )
    )
    return to_json(account)


@router.delete("/{account_id}", status_code=204)
async def disconnect_account(account_id: str, user_id: CurrentUser, scheduler: SchedulerDep):
    await scheduler.DisconnectAccount(scheduler_pb2.AccountRef(user_id=user_id, account_id=account_id))
    return Response(status_code=204)
