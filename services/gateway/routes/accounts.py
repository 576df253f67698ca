"""/api/v1/accounts: the Instagram accounts posts are published to."""

from fastapi import APIRouter, Response

from protos import scheduler_pb2
from services.gateway import convert, schemas
from services.gateway.deps import CurrentUser, SchedulerDep

router = APIRouter(prefix="/api/v1/accounts", tags=["accounts"])


@router.post("", status_code=201, response_model=schemas.AccountOut)
async def connect_account(body: schemas.AccountConnectIn, user_id: CurrentUser, scheduler: SchedulerDep):
    account = await scheduler.ConnectAccount(
        scheduler_pb2.ConnectAccountRequest(
            user_id=user_id, ig_user_id=body.ig_user_id, access_token=body.access_token
        )
    )
    return convert.account_dict(account)


@router.get("", response_model=list[schemas.AccountOut])
async def list_accounts(user_id: CurrentUser, scheduler: SchedulerDep):
    result = await scheduler.ListAccounts(scheduler_pb2.ListAccountsRequest(user_id=user_id))
    return [convert.account_dict(a) for a in result.accounts]


@router.patch("/{account_id}", response_model=schemas.AccountOut)
async def change_account(
    account_id: str, body: schemas.AccountUpdateIn, user_id: CurrentUser, scheduler: SchedulerDep
):
    account = await scheduler.UpdateAccount(
        scheduler_pb2.UpdateAccountRequest(
            user_id=user_id, account_id=account_id, min_gap_minutes=body.min_gap_minutes
        )
    )
    return convert.account_dict(account)


@router.delete("/{account_id}", status_code=204)
async def disconnect_account(account_id: str, user_id: CurrentUser, scheduler: SchedulerDep):
    await scheduler.DisconnectAccount(scheduler_pb2.AccountRef(user_id=user_id, account_id=account_id))
    return Response(status_code=204)
