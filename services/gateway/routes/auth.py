"""POST /api/v1/auth/register, /login; GET /api/v1/auth/me."""

from fastapi import APIRouter, Request

from protos import users_pb2
from services.gateway import convert, schemas
from services.gateway.deps import CurrentUser, UsersDep

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


@router.post("/register", status_code=201, response_model=schemas.TokenOut)
async def register(body: schemas.RegisterIn, users: UsersDep, request: Request):
    request.app.state.limits.sign_in_attempt(request, body.email)
    result = await users.Register(
        users_pb2.RegisterRequest(
            email=body.email, password=body.password, name=body.name, timezone=body.timezone
        ),
    )
    return convert.token_dict(result)


@router.post("/login", response_model=schemas.TokenOut)
async def login(body: schemas.LoginIn, users: UsersDep, request: Request):
    request.app.state.limits.sign_in_attempt(request, body.email)
    result = await users.Login(users_pb2.LoginRequest(email=body.email, password=body.password))
    return convert.token_dict(result)


@router.get("/me", response_model=schemas.UserOut)
async def me(user_id: CurrentUser, users: UsersDep):
    user = await users.GetUser(users_pb2.GetUserRequest(user_id=user_id))
    return convert.user_dict(user)
