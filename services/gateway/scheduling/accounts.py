"""/api/v1/accounts: the Instagram accounts posts are published to."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from protos import posts_pb2, scheduler_pb2
from services.gateway import requests
from services.gateway.deps import ManagesAccounts, PostsDep, Reads, SchedulerDep
from services.gateway.proto_json import model, to_json
from services.gateway.scheduling import schemas

router = APIRouter(prefix="/api/v1/accounts", tags=["accounts"])
PublishedCount = Annotated[int, Query(ge=0, le=60, description="Published posts read from Instagram; 0: 12")]
ZoneQuery = Annotated[str, Query(max_length=requests.MAX_TEXT, description="IANA zone; absent: your own")]


@router.post("", status_code=201, response_model=model(scheduler_pb2.InstagramAccount))
async def connect_account(
    body: schemas.AccountConnectIn, workspace: ManagesAccounts, scheduler: SchedulerDep
):
    account = await scheduler.ConnectAccount(
        scheduler_pb2.ConnectAccountRequest(
            user_id=workspace.id,
            ig_user_id=body.ig_user_id,
            access_token=body.access_token,
            login_type=body.login_type or "",
        )
    )
    return to_json(account)


@router.post("/logins", status_code=201, response_model=model(scheduler_pb2.LoginStarted))
async def start_login(body: schemas.LoginStartIn, workspace: ManagesAccounts, scheduler: SchedulerDep):
    """Connect with Instagram or Facebook: send the person's browser to `authorize_url`.
    Meta sends it back to the redirect URI with `state` and `code` (or `error`), which go to
    POST /api/v1/accounts/logins/complete within the login's lifetime, once."""
    started = await scheduler.StartLogin(
        scheduler_pb2.StartLoginRequest(user_id=workspace.id, login_type=body.login_type)
    )
    return to_json(started)


@router.post("/logins/complete", response_model=model(scheduler_pb2.LoginResult))
async def complete_login(body: schemas.LoginCompleteIn, workspace: ManagesAccounts, scheduler: SchedulerDep):
    """The account is connected (an account already connected gets its new token in place:
    same id, schedule untouched); or, a Facebook login with several accounts, `choose` and
    its `choices` for POST /api/v1/accounts/logins/{login_id}/choose."""
    done = await scheduler.CompleteLogin(
        scheduler_pb2.CompleteLoginRequest(
            user_id=workspace.id,
            state=body.state,
            code=body.code,
            error=body.error,
            error_description=body.error_description,
        )
    )
    return to_json(done)


@router.post("/logins/{login_id}/choose", response_model=model(scheduler_pb2.LoginResult))
async def choose_login_accounts(
    login_id: str, body: schemas.LoginChooseIn, workspace: ManagesAccounts, scheduler: SchedulerDep
):
    done = await scheduler.ChooseLoginAccounts(
        scheduler_pb2.ChooseLoginAccountsRequest(
            user_id=workspace.id, login_id=login_id, ig_user_ids=body.ig_user_ids
        )
    )
    return to_json(done)


@router.get("", response_model=list[model(scheduler_pb2.InstagramAccount)])
async def list_accounts(workspace: Reads, scheduler: SchedulerDep):
    result = await scheduler.ListAccounts(
        scheduler_pb2.ListAccountsRequest(user_id=workspace.id), metadata=workspace.metadata
    )
    return [to_json(a) for a in result.accounts]


@router.patch("/{account_id}", response_model=model(scheduler_pb2.InstagramAccount))
async def change_account(
    account_id: str, body: schemas.AccountUpdateIn, workspace: ManagesAccounts, scheduler: SchedulerDep
):
    account = await scheduler.UpdateAccount(
        scheduler_pb2.UpdateAccountRequest(
            user_id=workspace.id,
            account_id=account_id,
            min_gap_minutes=body.min_gap_minutes,
            is_default=body.is_default,
        )
    )
    return to_json(account)


@router.delete("/{account_id}", status_code=204)
async def disconnect_account(account_id: str, workspace: ManagesAccounts, scheduler: SchedulerDep):
    await scheduler.DisconnectAccount(scheduler_pb2.AccountRef(user_id=workspace.id, account_id=account_id))
    return Response(status_code=204)


@router.get("/{account_id}/grid", response_model=model(posts_pb2.ProfileGrid))
async def profile_grid(
    account_id: Annotated[str, Path(max_length=requests.MAX_TEXT)],
    workspace: Reads,
    posts: PostsDep,
    published: Annotated[
        int, Query(ge=0, le=60, description="Published posts read from Instagram; 0: 12")
    ] = 0,
    timezone: Annotated[
        str, Query(max_length=requests.MAX_TEXT, description="IANA zone; absent: your own")
    ] = "",
):
    """The account's profile grid as it will look: its scheduled posts and planned drafts in
    the order Instagram will show them (the latest at the top left), then the profile's
    latest published posts, read from Instagram now (stories are not on the grid). Swapping
    two tiles is a calendar move of both (POST /api/v1/calendar/reschedule with each post at
    the other's time): the same checks, all or nothing. Where Instagram cannot be read,
    `instagram_unavailable` says why and the planned tiles still come."""
    found = await posts.GetProfileGrid(
        posts_pb2.ProfileGridRequest(
            user_id=workspace.id, account_id=account_id, published=published, timezone=timezone
        )
    )
    return to_json(found)
