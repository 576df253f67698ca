"""A scheduled report mailed where no SMTP server is configured: a standing refusal (the run
is marked with it), not an outage the worker would retry for ever."""

import pytest

from lib.common.config import Settings
from lib.common.errors import ServiceError
from services.realtime import report_mail


async def test_no_mail_server_is_a_refusal_not_an_outage():
    with pytest.raises(ServiceError) as refused:
        await report_mail.send(
            Settings(smtp_host=""), recipients=["a@example.com"], subject="s", body="b", attachments=[]
        )
    assert (refused.value.kind, refused.value.code) == ("conflict", "no_mail_server")


async def test_recipients_and_attachments_are_bounded():
    settings = Settings(smtp_host="127.0.0.1")
    with pytest.raises(ServiceError) as refused:
        await report_mail.send(
            settings,
            recipients=["not an address", *[f"p{i}@example.com" for i in range(10)]],
            subject="s",
            body="b",
            attachments=[("r.pdf", "application/pdf", b"x" * (report_mail.MAX_ATTACHMENT_BYTES + 1))],
        )
    fields = {v.field for v in refused.value.violations}
    assert fields == {"recipients.0", "recipients", "attachments"}
