"""Connecting an account through Meta's login ("Connect with Instagram" / "Connect with
Facebook"): start (a single-use state bound to the person, the dialog's address), complete
(the code Meta sent back, exchanged for a long-lived token; the permissions checked; the
account stored, or a Facebook login's accounts kept for the person to pick), choose.

A forged, replayed, expired or someone else's state is refused before any exchange: the
state is a random value whose SHA-256 alone is stored, used up by one atomic update.
"""

import hashlib
import json
import logging
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, or_, select, update

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import ServiceError, invalid_field, not_found, rate_limited
from lib.common.token_vault import TokenVault
from lib.instagram import errors as graph_errors
from lib.instagram import meta_login
from lib.instagram.meta_login import MetaLogin
from services.scheduler import accounts
from services.scheduler.account_health import AccountHealth
from services.scheduler.audit_trail import AuditTrail
from services.scheduler.models import InstagramAccount
from services.scheduler.models import MetaLogin as LoginRow

log = logging.getLogger(__name__)
MAX_FIELD = 2048
MAX_OPEN_LOGINS = 10
DENIED = {
    meta_login.INSTAGRAM: "You did not allow Postflow to use your Instagram account",
    meta_login.FACEBOOK: "You did not allow Postflow to use your Facebook Pages' Instagram accounts",
}


@dataclass
class Started:
    id: uuid.UUID
    login_type: str
    authorize_url: str
    expires_at: datetime


@dataclass
class Completed:
    login_id: uuid.UUID
    # connected, or choose (a Facebook login's accounts wait for the person's pick)
    status: str
    accounts: list[InstagramAccount] = field(default_factory=list)
    choices: list[dict] = field(default_factory=list)


def _hash(state: str) -> bytes:
    return hashlib.sha256(state.encode()).digest()


class Logins:
    def __init__(
        self,
        *,
        db: Database,
        vault: TokenVault,
        login: MetaLogin,
        settings: Settings,
        audit: AuditTrail,
        health: AccountHealth,
    ) -> None:
        self._db, self._vault, self._login, self._settings, self._audit = db, vault, login, settings, audit
        self._health = health

    async def start(self, *, user_id: uuid.UUID, login_type: str) -> Started:
        if login_type not in meta_login.LOGIN_TYPES:
            raise invalid_field("login_type", "must be instagram or facebook")
        if not self._login.configured(login_type):
            variable = (
                "POSTFLOW_INSTAGRAM_APP_ID" if login_type == meta_login.INSTAGRAM else "POSTFLOW_META_APP_ID"
            )
            raise invalid_field(
                "login_type",
                f"Connect with {login_type.title()} is not set up on this Postflow: its operator sets "
                f"{variable} and its secret (README, Connecting Instagram)",
            )
        await self._make_room(user_id)
        state = secrets.token_urlsafe(32)
        row = LoginRow(
            id=uuid.uuid4(),
            user_id=user_id,
            login_type=login_type,
            state_hash=_hash(state),
            expires_at=datetime.now(UTC) + timedelta(seconds=self._settings.meta_login_ttl_seconds),
        )
        async with self._db.transaction() as session:
            session.add(row)
        return Started(row.id, login_type, self._login.authorize_url(login_type, state), row.expires_at)

    async def _make_room(self, user_id: uuid.UUID) -> None:
        """Expired logins go (with any Page tokens kept for a pick); a person may have a few
        logins open at once (tabs, a retry), not an unbounded number."""
        async with self._db.transaction() as session:
            await session.execute(delete(LoginRow).where(LoginRow.expires_at <= func.now()))
            open_now = await session.scalar(
                select(func.count())
                .select_from(LoginRow)
                .where(
                    LoginRow.user_id == user_id,
                    LoginRow.finished_at.is_(None),
                    # Not yet back from Meta, or back and waiting for the person's pick.
                    or_(LoginRow.used_at.is_(None), LoginRow.sealed_tokens.is_not(None)),
                )
            )
        if open_now >= MAX_OPEN_LOGINS:
            raise rate_limited(
                f"{open_now} logins are started and not finished: finish one, or wait until they expire",
                self._settings.meta_login_ttl_seconds,
            )

    async def _take(self, user_id: uuid.UUID, state: str) -> LoginRow:
        """The person's login this state stands for, used up now (once only)."""
        refused = invalid_field(
            "state", "is not a login you started here, or it was already used or has expired: connect again"
        )
        if not state or len(state) > MAX_FIELD:
            raise refused
        async with self._db.transaction() as session:
            row = await session.scalar(
                update(LoginRow)
                .where(
                    LoginRow.state_hash == _hash(state),
                    LoginRow.user_id == user_id,
                    LoginRow.used_at.is_(None),
                    LoginRow.expires_at > func.now(),
                )
                .values(used_at=func.now())
                .returning(LoginRow)
            )
        if row is None:
            raise refused
        return row

    async def complete(
        self, *, user_id: uuid.UUID, state: str, code: str, error: str, error_description: str
    ) -> Completed:
        # Before the state is used up: a malformed request costs the person nothing.
        if len(code) > MAX_FIELD:
            raise invalid_field("code", f"must be at most {MAX_FIELD} characters")
        if not code and not error:
            raise invalid_field(
                "code", "is missing: pass on what Meta added to the redirect URI (code, or error)"
            )
        row = await self._take(user_id, state)
        if error:
            said = f" (Meta said: {error_description[:300]})" if error_description else ""
            raise invalid_field("error", f"{DENIED[row.login_type]}{said}. Nothing was connected.")
        try:
            if row.login_type == meta_login.INSTAGRAM:
                return await self._instagram(row, code)
            return await self._facebook(row, code)
        except graph_errors.AuthorizationError as err:
            raise invalid_field("code", f"Meta refused the login: {err.message}. Connect again.") from err
        except graph_errors.GraphApiError as err:
            if err.retryable or err.http_status >= 500 or err.outcome_unknown:
                raise ServiceError(
                    "unavailable",
                    "instagram_unavailable",
                    f"Meta could not be reached to finish the login: {err}",
                ) from err
            raise invalid_field("code", f"Meta refused the login: {err.message}. Connect again.") from err

    async def _instagram(self, row: LoginRow, code: str) -> Completed:
        short = await self._login.instagram_code(code)
        if missing := meta_login.missing_scopes(meta_login.INSTAGRAM, short.scopes):
            raise invalid_field("scopes", accounts.missing_permission_message(missing))
        long = await self._login.instagram_long_lived(short)
        ig_user_id, username = await self._login.instagram_account(long.access_token)
        grant = accounts.Grant(
            ig_user_id=ig_user_id,
            username=username,
            access_token=long.access_token,
            login_type=meta_login.INSTAGRAM,
            scopes=list(short.scopes),
            expires_at=datetime.now(UTC) + timedelta(seconds=long.expires_in) if long.expires_in else None,
        )
        return Completed(row.id, "connected", await self._store(row, [grant]))

    async def _facebook(self, row: LoginRow, code: str) -> Completed:
        short = await self._login.facebook_code(code)
        long = await self._login.facebook_long_lived(short)
        info = await self._login.debug_token(long.access_token)
        if missing := meta_login.missing_scopes(meta_login.FACEBOOK, info.scopes):
            raise invalid_field("scopes", accounts.missing_permission_message(missing))
        pages = await self._login.facebook_pages(long.access_token)
        if not pages:
            raise invalid_field(
                "code",
                "None of the Facebook Pages you shared has an Instagram professional account linked to it. "
                "Link one in the Page's settings, or connect with Instagram instead.",
            )
        grants = {
            page.ig_user_id: accounts.Grant(
                ig_user_id=page.ig_user_id,
                username=page.username,
                access_token=page.access_token,
                login_type=meta_login.FACEBOOK,
                scopes=list(info.scopes),
                # A Page token from a long-lived user token does not expire.
                expires_at=None,
                page_id=page.page_id,
                page_name=page.page_name,
            )
            for page in pages
        }
        if len(grants) == 1:
            return Completed(row.id, "connected", await self._store(row, list(grants.values())))
        choices = [
            {
                "ig_user_id": g.ig_user_id,
                "username": g.username,
                "page_id": g.page_id,
                "page_name": g.page_name,
            }
            for g in grants.values()
        ]
        sealed = self._vault.seal(json.dumps({g.ig_user_id: g.access_token for g in grants.values()}))
        async with self._db.transaction() as session:
            await session.execute(
                update(LoginRow)
                .where(LoginRow.id == row.id)
                .values(choices={"scopes": list(info.scopes), "accounts": choices}, sealed_tokens=sealed)
            )
        return Completed(row.id, "choose", choices=choices)

    async def choose(self, *, user_id: uuid.UUID, login_id: uuid.UUID, ig_user_ids: list[str]) -> Completed:
        if not ig_user_ids:
            raise invalid_field("ig_user_ids", "pick at least one account")
        mine = (
            LoginRow.id == login_id,
            LoginRow.user_id == user_id,
            LoginRow.sealed_tokens.is_not(None),
            LoginRow.finished_at.is_(None),
            LoginRow.created_at > func.now() - timedelta(seconds=self._settings.meta_login_ttl_seconds),
        )
        async with self._db.reading() as session:
            row = await session.scalar(select(LoginRow).where(*mine))
        if row is None:
            raise not_found("Login")
        offered = {c["ig_user_id"]: c for c in row.choices["accounts"]}
        unknown = [i for i in ig_user_ids if i not in offered]
        if unknown:
            raise invalid_field("ig_user_ids", f"were not offered by this login: {', '.join(unknown[:5])}")
        async with self._db.transaction() as session:
            # Picked once: a second pick (two clicks) finds it finished.
            taken = await session.scalar(
                update(LoginRow).where(*mine).values(finished_at=func.now()).returning(LoginRow.id)
            )
        if taken is None:
            raise not_found("Login")
        page_tokens = json.loads(self._vault.open(row.sealed_tokens))
        grants = [
            accounts.Grant(
                ig_user_id=i,
                username=offered[i]["username"],
                access_token=page_tokens[i],
                login_type=meta_login.FACEBOOK,
                scopes=list(row.choices["scopes"]),
                page_id=offered[i]["page_id"],
                page_name=offered[i]["page_name"],
            )
            for i in dict.fromkeys(ig_user_ids)
        ]
        return Completed(row.id, "connected", await self._store(row, grants))

    async def _store(self, row: LoginRow, grants: list[accounts.Grant]) -> list[InstagramAccount]:
        stored = []
        for grant in grants:
            account = await accounts.store(
                db=self._db,
                vault=self._vault,
                user_id=row.user_id,
                grant=grant,
                audit=self._audit,
                events=self._health.events,
            )
            await self._health.reconnected(account)
            stored.append(account)
        await self._finish(row.id)
        return stored

    async def _finish(self, login_id: uuid.UUID) -> None:
        """Done: the Page tokens kept for the pick are forgotten."""
        async with self._db.transaction() as session:
            await session.execute(
                update(LoginRow)
                .where(LoginRow.id == login_id)
                .values(finished_at=func.now(), sealed_tokens=None)
            )
