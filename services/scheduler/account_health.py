"""Keeping Instagram accounts connected, and saying so when one is not.

- A token Instagram refuses (190 and its subcodes, or a permission error) makes its account
  `needs_reauth`: the user hears it at once on their channels, with the posts at risk, and
  the account's due posts wait for a reconnect (workflows/publishing) instead of failing.
- A reconnect (the same Instagram account connected again) wakes the posts that wait.
- The upkeep round refreshes Instagram Login's 60-day tokens well before they end, asks
  Meta daily whether each Facebook Login (Page) token still works, and warns, once, of a
  token that will end and that nothing can refresh, with the posts that would fall after it.
"""

import asyncio
import logging
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from temporalio.client import Client
from temporalio.service import RPCError, RPCStatusCode

from lib.common.config import Settings
from lib.common.db import Database
from lib.common.events import POSTS_AT_RISK_LISTED
from lib.common.outbox import Outbox
from lib.common.token_vault import TokenVault
from lib.instagram import errors as graph_errors
from lib.instagram import meta_login
from lib.instagram.meta_login import MetaLogin
from services.scheduler import accounts
from services.scheduler.models import InstagramAccount
from services.scheduler.scheduling import Scheduler
from workflows.contracts.maintenance import UpkeepRound
from workflows.contracts.publishing import ACCOUNT_RECONNECTED_SIGNAL, workflow_id

log = logging.getLogger(__name__)

# Meta refuses to refresh an Instagram Login token younger than this
# (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
REFRESHABLE_AFTER = timedelta(hours=24)
# Page tokens are asked about this often (debug_token).
CHECK_EVERY = timedelta(days=1)
# How far ahead the posts of an account are looked for.
HORIZON = timedelta(days=400)
# Workflows woken at once after a reconnect.
SIGNALS_AT_ONCE = 20


class AccountHealth:
    def __init__(
        self,
        *,
        db: Database,
        events: Outbox,
        scheduler: Scheduler,
        temporal: Client,
        login: MetaLogin,
        vault: TokenVault,
        settings: Settings,
    ) -> None:
        self._db = db
        # Public: connecting and disconnecting (accounts.py) write their events here too.
        self.events = events
        self._scheduler = scheduler
        self._temporal = temporal
        self._login = login
        self._vault = vault
        self._settings = settings

    async def token_refused(
        self, *, user_id: uuid.UUID, account_id: uuid.UUID, sealed_token: bytes, reason: str
    ) -> InstagramAccount | None:
        """Instagram refused this token of the account: it needs a reconnect. Only the token
        that was refused counts (one replaced since by a reconnect is left alone); the account
        when it changed now, None when it was already known (or replaced)."""
        account = await self._account(user_id, account_id)
        if account is None or account.health != "connected" or account.token_ciphertext != sealed_token:
            return None
        return await self._needs_reauth(account, reason)

    async def _needs_reauth(self, account: InstagramAccount, reason: str) -> InstagramAccount | None:
        hours = self._settings.reauth_wait_hours
        said = (
            f"Instagram refused the token of @{account.username} ({reason}). Reconnect the "
            f"account: its posts due meanwhile wait for it, up to {hours:g} hours"
        )
        at_risk = await self._posts_between(account, datetime.now(UTC) - self._waiting_for(), None)
        async with self._db.transaction() as session:
            changed = await session.scalar(
                update(InstagramAccount)
                .where(
                    InstagramAccount.id == account.id,
                    InstagramAccount.health == "connected",
                    InstagramAccount.token_ciphertext == account.token_ciphertext,
                )
                .values(health="needs_reauth", health_reason=said, needs_reauth_since=func.now())
                .returning(InstagramAccount)
            )
            if changed is not None:
                await self.events.queue(
                    session, [accounts.changed(changed, "needs_reauth", reason=said, **at_risk)]
                )
        if changed is not None:
            self.events.sent()
            log.warning("account %s needs a reconnect: %s", account.id, reason)
        return changed

    def _waiting_for(self) -> timedelta:
        # Posts due this long ago may still wait for a reconnect (a day of margin).
        return timedelta(hours=self._settings.reauth_wait_hours) + timedelta(days=1)

    async def reconnected(self, account: InstagramAccount) -> int:
        """Wake the account's posts that wait for a reconnect (each workflow waits for this
        signal, and asks the account again on its own every poll interval in case it is
        lost); how many were told. Never fails the connect that calls it."""
        try:
            return await self._wake_waiting(account)
        except Exception:  # noqa: BLE001 - the posts find the new token at their next poll
            log.warning("posts of account %s not woken after its reconnect", account.id, exc_info=True)
            return 0

    async def _wake_waiting(self, account: InstagramAccount) -> int:
        now = datetime.now(UTC)
        lead = timedelta(seconds=self._settings.publish_lead_seconds + 60)
        due = await self._scheduler.scheduled_on_account(
            account.user_id, account.id, now - self._waiting_for(), now + lead, skip=""
        )
        limit = asyncio.Semaphore(SIGNALS_AT_ONCE)

        async def wake(post_id: str) -> None:
            async with limit:
                try:
                    await self._temporal.get_workflow_handle(workflow_id(post_id)).signal(
                        ACCOUNT_RECONNECTED_SIGNAL
                    )
                except RPCError as err:
                    if err.status != RPCStatusCode.NOT_FOUND:
                        log.warning("post %s not woken after the reconnect: %s", post_id, err)

        await asyncio.gather(*(wake(post_id) for post_id in due))
        return len(due)

    async def keep_connected(self, as_of: datetime | None = None) -> UpkeepRound:
        """One upkeep round over every connected account, as of `as_of` (now by default):
        idempotent, and each account's step stands alone (one failing leaves the others)."""
        now = as_of or datetime.now(UTC)
        kept = UpkeepRound()
        async with self._db.reading() as session:
            rows = list(
                await session.scalars(
                    select(InstagramAccount).where(
                        InstagramAccount.disconnected_at.is_(None),
                        InstagramAccount.token_ciphertext.is_not(None),
                        InstagramAccount.health == "connected",
                    )
                )
            )
        for account in rows:
            try:
                await self._keep(account, now, kept)
            except Exception:  # noqa: BLE001 - one account's trouble must not stop the round
                log.exception("upkeep of account %s failed; the next round tries again", account.id)
        return kept

    async def _keep(self, account: InstagramAccount, now: datetime, kept: UpkeepRound) -> None:
        expires = account.token_expires_at
        if expires is not None and expires <= now:
            if await self._needs_reauth(account, "the token expired"):
                kept.needs_reauth += 1
            return
        if account.login_type == meta_login.INSTAGRAM and expires is not None:
            if await self._refresh_if_due(account, now, kept):
                return
        elif account.page_id and self._login.configured(meta_login.FACEBOOK):
            if not await self._check(account, now, kept):
                return
        await self._warn_if_ending(account, now, kept)

    async def _refresh_if_due(self, account: InstagramAccount, now: datetime, kept: UpkeepRound) -> bool:
        """Refreshes an Instagram Login token once it has fewer than the configured days left
        (and is old enough for Meta to allow it); True when the account was dealt with."""
        left = account.token_expires_at - now
        if left > timedelta(days=self._settings.token_refresh_days_before):
            return True
        obtained = account.token_refreshed_at or account.connected_at
        if obtained is not None and now - obtained < REFRESHABLE_AFTER:
            return False  # too young to refresh: it may still need a warning
        if not self._login.configured(meta_login.INSTAGRAM):
            return False
        try:
            issued = await self._login.instagram_refresh(self._vault.open(account.token_ciphertext))
        except graph_errors.AuthorizationError as err:
            if await self._needs_reauth(account, f"Meta refused to refresh the token: {err.message}"):
                kept.needs_reauth += 1
            return True
        expires_at = now + timedelta(seconds=issued.expires_in) if issued.expires_in else None
        async with self._db.transaction() as session:
            done = await session.scalar(
                update(InstagramAccount)
                .where(
                    InstagramAccount.id == account.id,
                    # Not over a token a reconnect put there meanwhile.
                    InstagramAccount.token_ciphertext == account.token_ciphertext,
                )
                .values(
                    token_ciphertext=self._vault.seal(issued.access_token),
                    token_expires_at=expires_at,
                    token_refreshed_at=now,
                    token_checked_at=now,
                    expiry_warned_at=None,
                )
                .returning(InstagramAccount)
            )
            if done is not None:
                details = {"expires_at": expires_at.isoformat() if expires_at else None}
                await self.events.queue(session, [accounts.changed(done, "refreshed", **details)])
        if done is not None:
            self.events.sent()
            kept.refreshed += 1
        return True

    async def _check(self, account: InstagramAccount, now: datetime, kept: UpkeepRound) -> bool:
        """A Page token, asked about once a day; False when it no longer works."""
        if account.token_checked_at is not None and now - account.token_checked_at < CHECK_EVERY:
            return True
        info = await self._login.debug_token(self._vault.open(account.token_ciphertext))
        kept.checked += 1
        if not info.is_valid:
            if await self._needs_reauth(account, f"Meta says the token is no longer valid: {info.error}"):
                kept.needs_reauth += 1
            return False
        async with self._db.transaction() as session:
            await session.execute(
                update(InstagramAccount)
                .where(InstagramAccount.id == account.id)
                .values(
                    token_checked_at=now,
                    scopes=list(info.scopes),
                    token_expires_at=info.expiry,
                )
            )
        return True

    async def _warn_if_ending(self, account: InstagramAccount, now: datetime, kept: UpkeepRound) -> None:
        """Once per token: it ends within the warning window, and nothing here can extend it."""
        expires = account.token_expires_at
        if expires is None or account.expiry_warned_at is not None or expires - now > accounts.EXPIRY_WARNING:
            return
        at_risk = await self._posts_between(account, expires, None)
        said = (
            f"The token of @{account.username} ends on {expires:%Y-%m-%d %H:%M} UTC and cannot be "
            "refreshed: reconnect the account before then"
        )
        async with self._db.transaction() as session:
            warned = await session.scalar(
                update(InstagramAccount)
                .where(InstagramAccount.id == account.id, InstagramAccount.expiry_warned_at.is_(None))
                .values(expiry_warned_at=now)
                .returning(InstagramAccount)
            )
            if warned is not None:
                event = accounts.changed(
                    warned, "expiring", reason=said, expires_at=expires.isoformat(), **at_risk
                )
                await self.events.queue(session, [event])
        if warned is not None:
            self.events.sent()
            kept.warned += 1

    async def _posts_between(self, account: InstagramAccount, start: datetime, end: datetime | None) -> dict:
        """The account's scheduled posts in [start, end): the first ones listed, and how many."""
        found = await self._scheduler.scheduled_on_account(
            account.user_id, account.id, start, end or datetime.now(UTC) + HORIZON, skip=""
        )
        ordered = sorted(found.items(), key=lambda item: item[1])
        return {
            "posts_at_risk": [
                {"post_id": post_id, "scheduled_for": when.isoformat()}
                for post_id, when in ordered[:POSTS_AT_RISK_LISTED]
            ],
            "posts_at_risk_total": len(ordered),
        }

    async def _account(self, user_id: uuid.UUID, account_id: uuid.UUID) -> InstagramAccount | None:
        async with self._db.reading() as session:
            return await session.scalar(
                select(InstagramAccount).where(
                    InstagramAccount.id == account_id,
                    InstagramAccount.user_id == user_id,
                    InstagramAccount.disconnected_at.is_(None),
                )
            )
