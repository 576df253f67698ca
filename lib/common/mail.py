"""Sending one email through the configured SMTP server (blocking: run it on a thread)."""

import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage

from lib.common.config import Settings


def send(
    settings: Settings,
    *,
    to: str,
    subject: str,
    body: str,
    attachments: Sequence[tuple[str, str, bytes]] = (),
) -> None:
    """`attachments`: (file name, content type, bytes) each."""
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    for filename, content_type, content in attachments:
        main, _, sub = content_type.partition("/")
        message.add_attachment(content, maintype=main, subtype=sub or "octet-stream", filename=filename)
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
        if settings.smtp_starttls:
            # The server's certificate and name are verified (starttls() alone checks
            # neither: anyone on the way could read the login and the mail).
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        smtp.send_message(message)
