"""POST /api/v1/auth/register, /login; GET /api/v1/auth/me."""

from fastapi import APIRouter

from protos import users_pb2
from services.gateway import convert, schemas
from services.gateway.deps import CurrentUser, Timeout, UsersDep

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


@router.post("/register", status_code=201, response_model=schemas.TokenOut)
async def register(body: schemas.RegisterIn, users: UsersDep, timeout: Timeout):
    result = await users.Register(
        users_pb2.RegisterRequest(
            email=body.email, password=body.password, name=body.name, timezone=body.timezone
        ),
        timeout=timeout,
    )
    return convert.token_dict(result)


@router.post("/login", response_model=schemas.TokenOut)
async def login(body: schemas.LoginIn, users: UsersDep, timeout: Timeout):
    result = await users.Login(
        users_pb2.LoginRequest(email=body.email, password=body.password), timeout=timeout
    )
    return convert.token_dict(result)


@router.get("/me", response_model=schemas.UserOut)
async def me(user_id: CurrentUser, users: UsersDep, timeout: Timeout):
    user = await users.GetUser(users_pb2.GetUserRequest(user_id=user_id), timeout=timeout)
    return convert.user_dict(user)
