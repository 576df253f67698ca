"""/api/v1/auth: register, log in, refresh, log out, change or reset the password, and
the account's audit log."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from lib.common.errors import unauthenticated
from protos import users_pb2
from services.gateway.auth import schemas, web_session
from services.gateway.deps import CurrentSession, CurrentUser, UsersDep
from services.gateway.proto_json import model, to_json

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


def _origin(request: Request) -> users_pb2.Origin:
    return users_pb2.Origin(
        ip=request.app.state.limits.client_ip(request),
        user_agent=request.headers.get("user-agent", "")[:300],
    )


def _answer(result: users_pb2.AuthResult, request: Request, response: Response) -> dict:
    """The tokens; for the web app (X-Postflow-Client: web), the refresh token in an HttpOnly
    cookie instead of the body (services/gateway/auth/web_session.py)."""
    if web_session.wanted(request):
        return web_session.keep(response, to_json(result), request, request.app.state.settings)
    return to_json(result)


@router.post("/register", status_code=201, response_model=model(users_pb2.AuthResult))
async def register(body: schemas.RegisterIn, users: UsersDep, request: Request, response: Response):
    request.app.state.limits.sign_in_attempt(request, body.email)
    result = await users.Register(
        users_pb2.RegisterRequest(
            email=body.email,
            password=body.password,
            name=body.name,
            timezone=body.timezone,
            origin=_origin(request),
        ),
    )
    return _answer(result, request, response)


@router.post("/login", response_model=model(users_pb2.AuthResult))
async def login(body: schemas.LoginIn, users: UsersDep, request: Request, response: Response):
    request.app.state.limits.sign_in_attempt(request, body.email)
    result = await users.Login(
        users_pb2.LoginRequest(email=body.email, password=body.password, origin=_origin(request))
    )
    return _answer(result, request, response)


@router.post("/refresh", response_model=model(users_pb2.AuthResult))
async def refresh(body: schemas.RefreshIn, users: UsersDep, request: Request, response: Response):
    """New tokens for a refresh token, which then no longer works (using it again ends the
    session). The web app sends none: its cookie holds it."""
    token = body.refresh_token or web_session.refresh_token(request)
    if not token:
        # No credential at all: a sign-in is what is missing, as for a wrong one.
        raise unauthenticated("No refresh token: send refresh_token, or sign in again")
    result = await users.Refresh(users_pb2.RefreshRequest(refresh_token=token, origin=_origin(request)))
    return _answer(result, request, response)


@router.post("/logout", status_code=204)
async def logout(claims: CurrentSession, users: UsersDep, request: Request):
    """Ends this session: its access and refresh tokens stop working."""
    await users.Logout(
        users_pb2.SessionRef(user_id=claims.user_id, session_id=claims.session_id, origin=_origin(request))
    )
    request.app.state.live_sessions.forget(claims.session_id)
    ended = Response(status_code=204)
    web_session.forget(ended)
    return ended


@router.post("/password", response_model=model(users_pb2.AuthResult))
async def change_password(
    body: schemas.PasswordChangeIn,
    claims: CurrentSession,
    users: UsersDep,
    request: Request,
    response: Response,
):
    """Ends every session of the account (other devices sign in again); answers new tokens."""
    result = await users.ChangePassword(
        users_pb2.ChangePasswordRequest(
            user_id=claims.user_id,
            session_id=claims.session_id,
            current_password=body.current_password,
            new_password=body.new_password,
            origin=_origin(request),
        )
    )
    request.app.state.live_sessions.forget(claims.session_id)
    return _answer(result, request, response)


@router.post("/password-reset", status_code=202)
async def request_password_reset(body: schemas.PasswordResetIn, users: UsersDep, request: Request):
    """Mails a single-use reset link if the address has an account (the answer is the same
    either way)."""
    request.app.state.limits.sign_in_attempt(request, body.email)
    await users.RequestPasswordReset(
        users_pb2.PasswordResetRequest(email=body.email, origin=_origin(request))
    )
    return {"status": "If the address has an account, a reset link is on its way"}


@router.post("/password-reset/confirm", status_code=204)
async def confirm_password_reset(body: schemas.PasswordResetConfirmIn, users: UsersDep, request: Request):
    request.app.state.limits.sign_in_attempt(request, None)
    await users.ResetPassword(
        users_pb2.ResetPasswordRequest(
            token=body.token, new_password=body.new_password, origin=_origin(request)
        )
    )
    return Response(status_code=204)


@router.get("/me", response_model=model(users_pb2.User))
async def me(user_id: CurrentUser, users: UsersDep):
    user = await users.GetUser(users_pb2.GetUserRequest(user_id=user_id))
    return to_json(user)


@router.patch("/me", response_model=model(users_pb2.User))
async def update_me(body: schemas.ProfileIn, user_id: CurrentUser, users: UsersDep):
    """Your name and time zone (the zone your times are read in when they name none, and
    the calendar's days); only the fields sent change."""
    user = await users.UpdateProfile(
        users_pb2.UpdateProfileRequest(user_id=user_id, **body.model_dump(exclude_unset=True))
    )
    return to_json(user)


@router.get("/audit", response_model=model(users_pb2.AuditList))
async def audit_log(
    user_id: CurrentUser,
    users: UsersDep,
    limit: Annotated[int, Query(ge=1, le=200, description="Newest first")] = 50,
):
    """Sign-ins, sessions ended, password changes and resets, accounts connected and disconnected."""
    listed = await users.ListAudit(users_pb2.ListAuditRequest(user_id=user_id, limit=limit))
    return to_json(listed)
