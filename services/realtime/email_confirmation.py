"""Notification email goes only to addresses whose owner clicked the link mailed to them:
Postflow must not become a way to mail someone who never asked for it.

A new or changed address gets a single-use link (the token is stored as its SHA-256); the
same unconfirmed address saved again is mailed again at most once a minute, and another
address not before ten minutes after the last link (429): saving preferences with a new
address each time would otherwise mail any number of strangers."""

import asyncio
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy import update

from lib.common import mail
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import invalid_field, rate_limited
from services.realtime.models import Preferences

log = logging.getLogger(__name__)

RESEND_AFTER = timedelta(minutes=1)
ANOTHER_ADDRESS_AFTER = timedelta(minutes=10)
CONFIRM_PATH = "/api/v1/notifications/email/confirm"


def digest(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


@dataclass(frozen=True)
class Plan:
    """The confirmation columns to store, and the token to mail ('' : nothing to mail)."""

    values: dict
    token: str


def plan(current: Preferences | None, address: str, now: datetime) -> Plan:
    if not address:
        return Plan(
            {"email_confirmed_at": None, "email_confirm_hash": None, "email_confirm_sent_at": None}, ""
        )
    same = current is not None and current.email_address == address
    if same and current.email_confirmed_at is not None:
        return Plan({}, "")
    if same and current.email_confirm_sent_at and now - current.email_confirm_sent_at < RESEND_AFTER:
        return Plan({}, "")
    last = current.email_confirm_sent_at if current is not None else None
    if not same and last is not None and now - last < ANOTHER_ADDRESS_AFTER:
        raise rate_limited(
            "A confirmation link went out minutes ago; wait before giving another address",
            (last + ANOTHER_ADDRESS_AFTER - now).total_seconds(),
        )
    token = secrets.token_urlsafe(32)
    values = {"email_confirmed_at": None, "email_confirm_hash": digest(token), "email_confirm_sent_at": now}
    return Plan(values, token)


async def mail_link(settings: Settings, address: str, token: str) -> None:
    """Best effort: a failed send is logged; saving the preferences again sends another."""
    link = f"{settings.public_base_url.rstrip('/')}{CONFIRM_PATH}?{urlencode({'token': token})}"
    body = (
        "Someone asked Postflow to send notifications to this address.\n\n"
        f"If it was you, confirm it by opening this link:\n{link}\n\n"
        "If it was not you, ignore this email: nothing more will be sent."
    )
    try:
        await asyncio.to_thread(
            mail.send, settings, to=address, subject="Confirm your Postflow notification address", body=body
        )
    except Exception:  # noqa: BLE001 - SMTP away or refusing: the user can save again
        log.warning("confirmation email to a notification address not sent", exc_info=True)


async def confirm(db: Database, token: str) -> str:
    """The address the token confirms (once); a 422 naming the token otherwise."""
    async with db.transaction() as session:
        address = await session.scalar(
            update(Preferences)
            .where(Preferences.email_confirm_hash == digest(token), Preferences.email_confirmed_at.is_(None))
            .values(email_confirmed_at=datetime.now(UTC), email_confirm_hash=None)
            .returning(Preferences.email_address)
        )
    if address is None:
        raise invalid_field(
            "token", "is not valid: it was used already or belongs to an address changed since"
        )
    return address
