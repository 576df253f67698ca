"""A scheduled report, mailed: one message per recipient (no one sees the others'
addresses), with the PDF and the CSV attached."""

import asyncio

from lib.common import mail
from lib.common.config import Settings
from lib.common.emails import is_email_address
from lib.common.errors import ServiceError, Violation, invalid

MAX_RECIPIENTS = 10
# What one report may attach: generous for a PDF with charts, bounded for the mail server.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


async def send(
    settings: Settings,
    *,
    recipients: list[str],
    subject: str,
    body: str,
    attachments: list[tuple[str, str, bytes]],
) -> int:
    if not settings.smtp_host:
        # Not "unavailable": that is retried, and no retry brings a server nobody configured.
        # The run is marked with this reason instead, and the next one tries again.
        raise ServiceError("conflict", "no_mail_server", "No SMTP server is configured (POSTFLOW_SMTP_HOST)")
    problems = [
        Violation(f"recipients.{i}", "must be an email address")
        for i, r in enumerate(recipients)
        if not is_email_address(r)
    ]
    if not 1 <= len(recipients) <= MAX_RECIPIENTS:
        problems.append(Violation("recipients", f"1 to {MAX_RECIPIENTS} addresses"))
    if sum(len(a[2]) for a in attachments) > MAX_ATTACHMENT_BYTES:
        problems.append(Violation("attachments", f"at most {MAX_ATTACHMENT_BYTES} bytes in all"))
    if problems:
        raise invalid(problems)
    for address in recipients:
        await asyncio.to_thread(
            mail.send, settings, to=address, subject=subject[:200], body=body, attachments=attachments
        )
    return len(recipients)
