"""Notifications out of the house: email through SMTP, and webhooks as signed JSON POSTs
retried with backoff. Both run beside the notifier, never holding it up; a delivery that
still fails after its tries is logged (the notification stays in the user's list)."""

import asyncio
import hashlib
import hmac
import json
import logging
import smtplib
import time
from email.message import EmailMessage

import httpx

from services.common.config import Settings
from services.realtime.models import Notification

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Postflow-Signature"


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
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = f"Postflow: {row.title}"
    message.set_content(f"{row.message}\n\n(Change what you receive in Postflow's notification settings.)")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        smtp.send_message(message)


class Deliveries:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._http = httpx.AsyncClient(timeout=settings.webhook_timeout_seconds, follow_redirects=False)
        self._tasks: set[asyncio.Task] = set()

    def email(self, to: str, row: Notification) -> None:
        self._start(self._email(to, row))

    def webhook(self, url: str, secret: str, row: Notification) -> None:
        self._start(self._webhook(url, secret, row))

    def _start(self, work) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _email(self, to: str, row: Notification) -> None:
        for attempt in range(3):
            try:
                await asyncio.to_thread(_send_email, self._settings, to, row)
                return
            except (OSError, smtplib.SMTPException) as err:
                log.warning("email for notification %s, attempt %d: %r", row.id, attempt + 1, err)
                await asyncio.sleep(2**attempt)

    async def _webhook(self, url: str, secret: str, row: Notification) -> None:
        body = json.dumps(payload(row)).encode()
        for attempt in range(self._settings.webhook_attempts):
            headers = {
                "content-type": "application/json",
                SIGNATURE_HEADER: signature(secret, int(time.time()), body),
            }
            try:
                reply = await self._http.post(url, content=body, headers=headers)
                if reply.status_code < 300:
                    return
                # The receiver refused this body: sending it again will not help.
                if 400 <= reply.status_code < 500 and reply.status_code not in (408, 429):
                    log.warning("webhook %s refused notification %s: %s", url, row.id, reply.status_code)
                    return
            except httpx.HTTPError as err:
                log.warning("webhook %s, attempt %d: %r", url, attempt + 1, err)
            await asyncio.sleep(0.5 * 2**attempt)
        log.warning("webhook %s: notification %s not delivered", url, row.id)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._http.aclose()
