"""Registering people and checking their logins."""

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.emails import is_email_address
from lib.common.errors import Violation, conflict, invalid, not_found, unauthenticated
from lib.common.timezones import is_valid_zone
from services.users import audit, lockout, workspaces
from services.users.models import User
from services.users.passwords import hash_password, needs_rehash, verify_password

_MAX_PASSWORD = 1024
_MAX_NAME = 200


def password_problem(settings: Settings, password: str) -> str:
    """Why the password cannot be used, or ''."""
    if len(password) < settings.password_min_length:
        return f"must be at least {settings.password_min_length} characters"
    if len(password) > _MAX_PASSWORD:
        return f"must be at most {_MAX_PASSWORD} characters"
    return ""


def _check_registration(settings: Settings, email: str, password: str, name: str, timezone: str) -> None:
    problems = []
    if not is_email_address(email):
        problems.append(Violation("email", "must be an email address like name@example.com"))
    if problem := password_problem(settings, password):
        problems.append(Violation("password", problem))
    if problem := _name_problem(name):
        problems.append(Violation("name", problem))
    if timezone and (problem := _zone_problem(timezone)):
        problems.append(Violation("timezone", problem))
    if problems:
        raise invalid(problems)


def _zone_problem(timezone: str) -> str:
    return "" if is_valid_zone(timezone) else f"{timezone[:64]!r} is not an IANA time zone, e.g. Europe/Paris"


async def register(
    *, db: Database, settings: Settings, email: str, password: str, name: str, timezone: str
) -> User:
    """Create a user; an email already registered (in any letter case) is a conflict."""
    email = email.strip()
    _check_registration(settings, email, password, name, timezone)
    user = User(
        email=email.lower(),
        name=name.strip(),
        timezone=timezone or "UTC",
        password_hash=await hash_password(password),
    )
    try:
        async with db.transaction() as session:
            session.add(user)
            await session.flush()
            workspace = workspaces.personal(user)
            session.add(workspace)
            await session.flush()
            session.add(workspaces.owner_of(workspace))
    except IntegrityError as exc:
        raise conflict("email_taken", "An account with this email already exists") from exc
    return user


async def authenticate(
    *, db: Database, settings: Settings, email: str, password: str, origin: audit.Origin | None = None
) -> User:
    """The user whose email and password these are; one message for every failure. Failures
    lock the address for longer and longer (lockout); a hash made with older argon2
    parameters is remade."""
    earlier_failures = await lockout.refuse_if_locked(db=db, email=email)
    async with db.reading() as session:
        user = await session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if not await verify_password(user.password_hash if user else None, password):
        await lockout.record_failure(db=db, settings=settings, email=email)
        if user is not None:
            await audit.record(db, user_id=user.id, kind="sign_in_failed", origin=origin or audit.Origin())
        raise unauthenticated("Email or password is incorrect")
    if earlier_failures:
        await lockout.clear(db=db, email=email)
    if needs_rehash(user.password_hash):
        user.password_hash = await hash_password(password)
        async with db.transaction() as session:
            await session.execute(
                update(User).where(User.id == user.id).values(password_hash=user.password_hash)
            )
    return user


def _name_problem(name: str) -> str:
    if len(name) > _MAX_NAME:
        return f"must be at most {_MAX_NAME} characters"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "must not contain control characters"
    return ""


async def update_profile(*, db: Database, user_id, name: str | None, timezone: str | None) -> User:
    """Changes the name and/or the time zone given; the others stay."""
    problems = []
    if name is not None and (problem := _name_problem(name)):
        problems.append(Violation("name", problem))
    if timezone is not None and (problem := _zone_problem(timezone)):
        problems.append(Violation("timezone", problem))
    if problems:
        raise invalid(problems)
    values = {}
    if name is not None:
        values["name"] = name.strip()
    if timezone is not None:
        values["timezone"] = timezone
    if not values:
        return await get(db=db, user_id=user_id)
    async with db.transaction() as session:
        user = await session.scalar(update(User).where(User.id == user_id).values(**values).returning(User))
    if user is None:
        raise not_found("User")
    return user


async def get(*, db: Database, user_id: str) -> User:
    async with db.reading() as session:
        user = await session.get(User, user_id)
    if user is None:
        raise not_found("User")
    return user
