"""Notifications out of the house: email through SMTP, and webhooks as signed JSON POSTs.

The sends wait in a table (notification_deliveries, written with the notification), and
every realtime replica works through the ones that are due: each claimed for a lease with
SKIP LOCKED (no two replicas send the same one at once), retried with backoff, and left
delivered or given up with the reason. A restart loses none: what the stopped process had
claimed is due again when its lease runs out. A send can reach a receiver twice (a process
stopped between sending and recording it): receivers tell by the notification `id`."""

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import smtplib
import time
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select, update

from lib.common import mail, metrics
from lib.common import public_target as webhook_target
from lib.common.config import Settings
from lib.common.db import Database
from services.realtime.models import Delivery, Notification

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Postflow-Signature"
# A claimed send is not claimed again before this: longer than one attempt can take.
LEASE = timedelta(seconds=60)
BATCH = 20
EMAIL_ATTEMPTS = 3
# Sends left due by other replicas (or a stopped process) are found at least this often.
POLL_SECONDS = 5.0


def payload(row: Notification) -> dict:
    return {
        "id": str(row.id),
        "type": row.type,
        "title": row.title,
        "message": row.message,
        "post_id": row.post_id,
        "media_id": row.media_id,
        "created_at": row.created_at.isoformat(),
    }


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """t=<unix time>,v1=<hex HMAC-SHA256 of "<t>." + body>: the receiver recomputes it, and
    refuses old timestamps (replays)."""
    digest = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _send_email(settings: Settings, to: str, row: Notification) -> None:
    # A post's notification links to it (a reminder's post holds its media to download).
    link = f"\n\nOpen it: {settings.public_base_url}/#/compose/{row.post_id}" if row.post_id else ""
    mail.send(
        settings,
        to=to,
        subject=f"Postflow: {row.title}",
        body=f"{row.message}{link}\n\n(Change what you receive in Postflow's notification settings.)",
    )


class Deliveries:
    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings
        self._http = httpx.AsyncClient(timeout=settings.webhook_timeout_seconds, follow_redirects=False)
        self._wake = asyncio.Event()
        self._next_retry = float("inf")  # loop time of the soonest retry this process set
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="deliveries")

    def wake(self) -> None:
        """New sends are waiting: look now rather than at the next poll."""
        self._wake.set()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self._http.aclose()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            # Cleared before looking: a wake() from now on is not missed.
            self._wake.clear()
            try:
                claimed = await self._claim()
            except Exception:  # noqa: BLE001 - the database is away: try again shortly
                log.warning("deliveries: could not read the due sends", exc_info=True)
                claimed = []
            if claimed:
                await asyncio.gather(*(self._contained(d, n) for d, n in claimed))
                continue
            wait = min(POLL_SECONDS, max(0.0, self._next_retry - loop.time()))
            self._next_retry = float("inf")
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await self._wake.wait()

    async def _claim(self) -> list[tuple[Delivery, Notification]]:
        now = datetime.now(UTC)
        async with self._db.transaction() as session:
            rows = (
                await session.execute(
                    select(Delivery, Notification)
                    .join(Notification, Notification.id == Delivery.notification_id)
                    .where(
                        Delivery.delivered_at.is_(None),
                        Delivery.failed_at.is_(None),
                        Delivery.next_attempt_at <= now,
                    )
                    .order_by(Delivery.next_attempt_at)
                    .limit(BATCH)
                    .with_for_update(of=Delivery, skip_locked=True)
                )
            ).all()
            for delivery, _ in rows:
                delivery.next_attempt_at = now + LEASE
        return [(delivery, notification) for delivery, notification in rows]

    async def _contained(self, delivery: Delivery, notification: Notification) -> None:
        """One attempt, whatever it meets: a failure stays with its own send (recorded, retried
        with backoff, or due again after its lease), never stopping the others."""
        try:
            await self._attempt(delivery, notification)
        except Exception:  # noqa: BLE001 - e.g. the database is away: the lease brings it back
            log.exception("%s for notification %s: attempt not recorded", delivery.channel, notification.id)

    async def _attempt(self, delivery: Delivery, notification: Notification) -> None:
        try:
            if delivery.channel == "email":
                attempts, backoff = EMAIL_ATTEMPTS, 2.0
                error, final = await self._email(delivery.address, notification)
            else:
                attempts, backoff = self._settings.webhook_attempts, 0.5
                error, final = await self._webhook(delivery.address, delivery.secret, notification)
        except Exception as err:  # noqa: BLE001 - any surprise is this send's failure alone
            log.exception("%s for notification %s failed unexpectedly", delivery.channel, notification.id)
            error, final = f"unexpected: {err!r}"[:500], False
        done = delivery.attempts + 1
        now = datetime.now(UTC)
        values: dict = {"attempts": done, "last_error": error}
        if not error:
            values["delivered_at"] = now
            result = "delivered"
        elif final or done >= attempts:
            values["failed_at"] = now
            result = "failed"
            log.warning("%s for notification %s not delivered: %s", delivery.channel, notification.id, error)
        else:
            result = "retrying"
            delay = backoff * 2 ** (done - 1)
            values["next_attempt_at"] = now + timedelta(seconds=delay)
            loop = asyncio.get_running_loop()
            self._next_retry = min(self._next_retry, loop.time() + delay)
        async with self._db.autocommit() as connection:
            await connection.execute(update(Delivery).where(Delivery.id == delivery.id).values(**values))
        metrics.NOTIFICATION_DELIVERIES.labels(delivery.channel, result).inc()

    async def _email(self, to: str, row: Notification) -> tuple[str, bool]:
        """('', _) when sent, else (why, whether trying again is pointless)."""
        try:
            await asyncio.to_thread(_send_email, self._settings, to, row)
        except (OSError, smtplib.SMTPException) as err:
            return repr(err), False
        return "", False

    async def _webhook(self, url: str, secret: str, row: Notification) -> tuple[str, bool]:
        try:
            # Checked again now, and sent to the address checked (DNS rebinding).
            where = await webhook_target.target(url, self._settings.webhook_allow_private_hosts)
        except webhook_target.Unresolved as unresolved:
            return str(unresolved), False
        except webhook_target.Refused as refused:
            return f"refused: {refused}", True
        body = json.dumps(payload(row)).encode()
        headers = {
            "content-type": "application/json",
            SIGNATURE_HEADER: signature(secret, int(time.time()), body),
            **where.headers,
        }
        try:
            # The whole exchange is bounded, not just each read: a receiver that trickles its
            # answer a byte at a time is cut off. Only the status is used; the body is not read.
            async with asyncio.timeout(self._settings.webhook_timeout_seconds):
                async with self._http.stream(
                    "POST", where.url, content=body, headers=headers, extensions=where.extensions
                ) as reply:
                    status = reply.status_code
        except TimeoutError:
            return f"the receiver did not answer within {self._settings.webhook_timeout_seconds:g} s", False
        except httpx.HTTPError as err:
            return repr(err)[:500], False
        if status < 300:
            return "", False
        # The receiver refused this body: sending it again will not help.
        final = 400 <= status < 500 and status not in (408, 429)
        return f"the receiver answered {status}", final
