"""Connecting Instagram accounts: the token is checked with Instagram, then kept encrypted."""

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, tuple_, update
from sqlalchemy.exc import IntegrityError

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import ServiceError, Violation, conflict, invalid, invalid_field, not_found
from lib.common.events import AccountChanged
from lib.common.outbox import Outbox
from lib.common.token_vault import TokenVault
from lib.instagram import errors as graph_errors
from lib.instagram import meta_login
from lib.instagram.graph_api import GraphApiClient
from lib.instagram.meta_login import MetaLogin
from services.scheduler.audit_trail import AuditTrail
from services.scheduler.models import InstagramAccount

_IG_USER_ID = re.compile(r"^[0-9]{1,30}$")
_TOKEN = re.compile(r"^[\x21-\x7e]+$")
MAX_TOKEN_LENGTH = 4096
# A wave's check that its accounts are still connected: a publishing worker's busy limit
# (200 by default) with room to spare.
MAX_CHECKED_AT_ONCE = 1000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Grant:
    """What Meta gave for one Instagram account: its token and what is known of it."""

    ig_user_id: str
    username: str
    access_token: str
    login_type: str
    scopes: list[str] | None = None
    expires_at: datetime | None = None
    page_id: str | None = None
    page_name: str | None = None


async def connect(
    *,
    db: Database,
    graph: GraphApiClient,
    vault: TokenVault,
    user_id: uuid.UUID,
    ig_user_id: str,
    access_token: str,
    audit: AuditTrail,
    events: Outbox,
    login_type: str = "",
    login: MetaLogin | None = None,
) -> InstagramAccount:
    """A pasted token (a system user's, for agencies): checked with Instagram on the host it
    works on, then stored sealed (in place of the account's token if it is connected)."""
    problems = []
    if not _IG_USER_ID.match(ig_user_id):
        problems.append(
            Violation("ig_user_id", "must be the numeric id of an Instagram professional account")
        )
    if not access_token.strip() or len(access_token) > MAX_TOKEN_LENGTH:
        problems.append(Violation("access_token", f"must be 1 to {MAX_TOKEN_LENGTH} characters"))
    elif not _TOKEN.match(access_token.strip()):
        # It travels in an HTTP header: a token is printable ASCII, and anything else made
        # the request fail before it left (a 502 instead of a 422).
        problems.append(Violation("access_token", "must be printable ASCII, as Instagram issues it"))
    if login_type and login_type not in meta_login.LOGIN_TYPES:
        problems.append(Violation("login_type", "must be instagram or facebook"))
    if problems:
        raise invalid(problems)
    token = access_token.strip()
    # Instagram Login's tokens start IG (Meta's prefixes); system users' are Facebook's.
    login_type = login_type or (meta_login.INSTAGRAM if token.startswith("IG") else meta_login.FACEBOOK)
    try:
        username = await graph.on(meta_login.HOST_OF[login_type]).account_username(ig_user_id, token)
    except graph_errors.NotFound as err:
        raise invalid_field("ig_user_id", f"Instagram knows no such account ({err.message})") from err
    except graph_errors.AuthorizationError as err:
        raise invalid_field("access_token", f"Instagram refused the token: {err.message}") from err
    except graph_errors.GraphApiError as err:
        raise ServiceError(
            "unavailable",
            "instagram_unavailable",
            f"Instagram could not be reached to check the token: {err}",
        ) from err
    scopes, expires_at = None, None
    if login_type == meta_login.FACEBOOK and login is not None and login.configured(meta_login.FACEBOOK):
        try:
            info = await login.debug_token(token)
        except graph_errors.GraphApiError as err:
            log.warning("debug_token of a pasted token failed: %s", err)
        else:
            scopes = list(info.scopes)
            expires_at = info.expiry
            if missing := meta_login.missing_scopes(login_type, scopes):
                raise invalid_field("access_token", missing_permission_message(missing))
    return await store(
        db=db,
        vault=vault,
        user_id=user_id,
        grant=Grant(ig_user_id, username, token, login_type, scopes, expires_at),
        audit=audit,
        events=events,
    )


def missing_permission_message(missing: list[str]) -> str:
    return (
        f"Meta did not grant {', '.join(missing)}: Postflow cannot publish without "
        f"{'it' if len(missing) == 1 else 'them'}. Connect again and leave "
        f"{'it' if len(missing) == 1 else 'them'} ticked"
    )


def changed(account: InstagramAccount, change: str, **details) -> AccountChanged:
    """The account_changed event of `account` (the user's open tabs and channels hear it)."""
    return AccountChanged(
        user_id=str(account.user_id),
        account_id=str(account.id),
        username=account.username,
        change=change,
        **details,
    )


async def store(
    *, db: Database, vault: TokenVault, user_id: uuid.UUID, grant: Grant, audit: AuditTrail, events: Outbox
) -> InstagramAccount:
    """The account with this token: the user's connected row for the Instagram account gets
    it in place (same id, schedule untouched, health back to connected), else a new row."""
    values = {
        "username": grant.username,
        "token_ciphertext": vault.seal(grant.access_token),
        "login_type": grant.login_type,
        "graph_host": meta_login.HOST_OF[grant.login_type],
        "scopes": grant.scopes,
        "token_expires_at": grant.expires_at,
        "token_refreshed_at": func.now(),
        "token_checked_at": func.now(),
        "health": "connected",
        "health_reason": None,
        "needs_reauth_since": None,
        "expiry_warned_at": None,
        "page_id": grant.page_id,
        "page_name": grant.page_name,
    }
    mine = (
        InstagramAccount.user_id == user_id,
        InstagramAccount.ig_user_id == grant.ig_user_id,
        InstagramAccount.disconnected_at.is_(None),
    )
    for _ in range(2):  # a second connect racing this one: the loser updates the winner's row
        async with db.transaction() as session:
            replaced = await session.scalar(
                update(InstagramAccount).where(*mine).values(**values).returning(InstagramAccount)
            )
            if replaced is not None:
                await events.queue(session, [changed(replaced, "reconnected")])
        if replaced is not None:
            events.sent()
            await audit.record(
                user_id, "account_reconnected", account_id=str(replaced.id), username=grant.username
            )
            return replaced
        account = InstagramAccount(id=uuid.uuid4(), user_id=user_id, ig_user_id=grant.ig_user_id, **values)
        try:
            async with db.transaction() as session:
                session.add(account)
                await session.flush()
                await events.queue(session, [changed(account, "connected")])
        except IntegrityError:
            continue
        events.sent()
        async with db.reading() as session:
            account = await session.get(InstagramAccount, account.id)
        await audit.record(user_id, "account_connected", account_id=str(account.id), username=grant.username)
        return account
    raise conflict("account_busy", f"@{grant.username} is being connected by another request; try again")


async def list_connected(*, db: Database, user_id: uuid.UUID) -> list[InstagramAccount]:
    async with db.reading() as session:
        rows = await session.scalars(
            select(InstagramAccount)
            .where(InstagramAccount.user_id == user_id, InstagramAccount.disconnected_at.is_(None))
            .order_by(InstagramAccount.connected_at)
        )
        return list(rows)


async def disconnect(
    *, db: Database, user_id: uuid.UUID, account_id: uuid.UUID, audit: AuditTrail, events: Outbox
) -> InstagramAccount:
    """Forget the token at once; the row stays so that past posts still name the account."""
    async with db.transaction() as session:
        account = await session.scalar(
            update(InstagramAccount)
            .where(
                InstagramAccount.id == account_id,
                InstagramAccount.user_id == user_id,
                InstagramAccount.disconnected_at.is_(None),
            )
            .values(disconnected_at=func.now(), token_ciphertext=None, is_default=False)
            .returning(InstagramAccount)
        )
        if account is not None:
            await events.queue(session, [changed(account, "disconnected")])
    if account is None:
        raise not_found("Account")
    events.sent()
    await audit.record(user_id, "account_disconnected", account_id=str(account.id), username=account.username)
    return account


MAX_GAP_MINUTES = 24 * 60
# A token that expires within this, and that Postflow cannot refresh, is shown as expiring.
EXPIRY_WARNING = timedelta(days=7)


def health(account: InstagramAccount) -> tuple[str, str]:
    """(health, why) as the accounts screen shows it: needs_reauth (Instagram refused the
    token), missing_permission (a publishing permission was not granted), expiring (within
    a week, and no refresh can extend it), else connected."""
    if account.health == "needs_reauth":
        return "needs_reauth", account.health_reason or "Instagram refused the token: reconnect the account"
    if account.scopes is not None:
        if missing := meta_login.missing_scopes(account.login_type, account.scopes):
            return "missing_permission", missing_permission_message(missing)
    expires = account.token_expires_at
    if expires is not None and expires - datetime.now(UTC) < EXPIRY_WARNING:
        return (
            "expiring",
            f"The token expires on {expires:%Y-%m-%d %H:%M} UTC: reconnect the account before then",
        )
    return "connected", ""


async def connected(*, db: Database, user_id: uuid.UUID, account_id: str) -> InstagramAccount:
    """The user's connected account named by a request, else a 422 on account_id."""
    try:
        parsed = uuid.UUID(account_id)
    except ValueError:
        parsed = None
    async with db.reading() as session:
        found = parsed and await session.scalar(
            select(InstagramAccount).where(
                InstagramAccount.id == parsed,
                InstagramAccount.user_id == user_id,
                InstagramAccount.disconnected_at.is_(None),
            )
        )
    if not found:
        raise invalid_field("account_id", "is not one of your connected Instagram accounts")
    return found


def min_gap(account: InstagramAccount, settings: Settings) -> float:
    """Minutes required between two posts on the account."""
    if account.min_gap_minutes is None:
        return settings.schedule_min_gap_minutes
    return account.min_gap_minutes


async def change_settings(
    *,
    db: Database,
    user_id: uuid.UUID,
    account_id: uuid.UUID,
    min_gap_minutes: float | None,
    is_default: bool | None = None,
) -> InstagramAccount:
    """Change an account's settings; None leaves a setting as it is. Making an account the
    default stops another from being it (one statement each, in one transaction)."""
    values: dict = {}
    if min_gap_minutes is not None:
        if not 0 <= min_gap_minutes <= MAX_GAP_MINUTES:
            raise invalid_field("min_gap_minutes", f"must be between 0 and {MAX_GAP_MINUTES} minutes")
        values["min_gap_minutes"] = min_gap_minutes
    if is_default is not None:
        values["is_default"] = is_default
    mine = (
        InstagramAccount.id == account_id,
        InstagramAccount.user_id == user_id,
        InstagramAccount.disconnected_at.is_(None),
    )
    async with db.transaction() as session:
        if is_default:
            await session.execute(
                update(InstagramAccount)
                .where(
                    InstagramAccount.user_id == user_id,
                    InstagramAccount.id != account_id,
                    InstagramAccount.is_default,
                )
                .values(is_default=False)
            )
        if values:
            account = await session.scalar(
                update(InstagramAccount).where(*mine).values(**values).returning(InstagramAccount)
            )
        else:
            account = await session.scalar(select(InstagramAccount).where(*mine))
        if account is None:
            # Undoes the other account's change too: nothing changes for an unknown account.
            raise not_found("Account")
    return account


async def chosen(*, db: Database, user_id: uuid.UUID, account_id: str) -> InstagramAccount:
    """The account a request names; naming none, the user's default account, or their only
    one. Several and no default: a 422 that lists them, so the client can ask which."""
    if account_id:
        return await connected(db=db, user_id=user_id, account_id=account_id)
    accounts = await list_connected(db=db, user_id=user_id)
    defaults = [account for account in accounts if account.is_default]
    if defaults:
        return defaults[0]
    if len(accounts) == 1:
        return accounts[0]
    if not accounts:
        raise invalid_field("account_id", "connect an Instagram account first (POST /api/v1/accounts)")
    listed = ", ".join(f"{account.id} (@{account.username})" for account in accounts)
    raise invalid_field(
        "account_id",
        f"you have {len(accounts)} connected accounts and no default; name one of {listed}, "
        "or make one the default (PATCH /api/v1/accounts/<id> with is_default)",
    )


@dataclass
class Credentials:
    ig_user_id: str
    access_token: str
    graph_host: str = "graph.facebook.com"


@dataclass
class SealedCredentials:
    ig_user_id: str
    # The token's Fernet ciphertext: only the publishing worker opens it.
    sealed_access_token: bytes
    graph_host: str = "graph.facebook.com"
    health: str = "connected"
    throttled_until: datetime | None = None


async def credentials(
    *, db: Database, vault: TokenVault, user_id: uuid.UUID, account_id: uuid.UUID
) -> Credentials:
    """The account's Instagram id and decrypted token, for the scheduler's own Graph calls."""
    account = await _connected_row(db, user_id, account_id)
    return Credentials(account.ig_user_id, vault.open(account.token_ciphertext), account.graph_host)


async def _connected_row(db: Database, user_id: uuid.UUID, account_id: uuid.UUID) -> InstagramAccount:
    async with db.reading() as session:
        account = await session.scalar(
            select(InstagramAccount).where(
                InstagramAccount.id == account_id,
                InstagramAccount.user_id == user_id,
                InstagramAccount.disconnected_at.is_(None),
            )
        )
    if account is None or account.token_ciphertext is None:
        raise not_found("Account")
    return account


async def sealed_credentials(*, db: Database, user_id: uuid.UUID, account_id: uuid.UUID) -> SealedCredentials:
    """The account's Instagram id and its token still encrypted, for the publishing worker."""
    account = await _connected_row(db, user_id, account_id)
    return SealedCredentials(
        account.ig_user_id,
        account.token_ciphertext,
        account.graph_host,
        account.health,
        account.throttled_until,
    )


async def still_connected(
    *, db: Database, accounts: list[tuple[uuid.UUID, uuid.UUID]]
) -> set[tuple[uuid.UUID, uuid.UUID]]:
    """Those of the (user_id, account_id) pairs whose account is connected, in one query."""
    if len(accounts) > MAX_CHECKED_AT_ONCE:
        raise invalid_field("accounts", f"at most {MAX_CHECKED_AT_ONCE} at once")
    if not accounts:
        return set()
    async with db.reading() as session:
        rows = await session.execute(
            select(InstagramAccount.user_id, InstagramAccount.id).where(
                tuple_(InstagramAccount.user_id, InstagramAccount.id).in_(accounts),
                InstagramAccount.disconnected_at.is_(None),
            )
        )
    return {(user_id, account_id) for user_id, account_id in rows}


async def reencrypt(*, db: Database, vault: TokenVault) -> int:
    """Every stored token under the first configured key (after a key was put first); how
    many were rewritten. Run at start: once the count is zero, old keys can be removed."""
    if not vault.rotating:
        return 0
    async with db.reading() as session:
        rows = (
            await session.execute(
                select(InstagramAccount.id, InstagramAccount.token_ciphertext).where(
                    InstagramAccount.token_ciphertext.is_not(None)
                )
            )
        ).all()
    rewritten = 0
    for account_id, ciphertext in rows:
        try:
            fresh = vault.rotated(ciphertext)
        except RuntimeError:
            log.error("the token of account %s cannot be decrypted with any configured key", account_id)
            continue
        if fresh is None:
            continue
        async with db.transaction() as session:
            await session.execute(
                update(InstagramAccount)
                .where(InstagramAccount.id == account_id, InstagramAccount.token_ciphertext == ciphertext)
                .values(token_ciphertext=fresh)
            )
        rewritten += 1
    return rewritten
