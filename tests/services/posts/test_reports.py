"""Reports: a range's analytics for a set of accounts as a PDF (read back: its pages and
their text) and as CSV, and a report on a schedule that arrives by email (a local SMTP
server) with both attached."""

import csv
import io
import time
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from tests.services.scheduler.publishing import IMAGE, ZONE, schedule, wait_for_status


def _range() -> dict:
    today = datetime.now(ZoneInfo(ZONE)).date()
    return {
        "start_date": (today - timedelta(days=1)).isoformat(),
        "end_date": (today + timedelta(days=1)).isoformat(),
    }


def _published(user, caption: str) -> dict:
    post = user.client.post("/api/v1/posts", json={"caption": caption, "media": [{"url": IMAGE}]}).json()
    assert schedule(user, post["id"], 2).status_code == 200
    wait_for_status(user, post["id"], "published")
    # Its figures are collected a moment after (metrics every ~1.5 s in the tests).
    deadline = time.monotonic() + 20
    while not user.client.get(f"/api/v1/posts/{post['id']}/metrics").json()["samples"]:
        assert time.monotonic() < deadline, "no metrics collected"
        time.sleep(0.3)
    return post


def _pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_a_report_as_pdf_and_csv(publisher):
    _published(publisher, "Croissant week is back")
    username = publisher.client.get("/api/v1/accounts").json()[0]["username"]
    params = {**_range(), "timezone": ZONE, "account_id": publisher.account_id, "title": "Harbour Bakery"}
    reply = publisher.client.get("/api/v1/reports/analytics", params=params)
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"] == "application/pdf"
    assert reply.headers["content-disposition"].startswith('attachment; filename="postflow-report-')
    pages = _pages(reply.content)
    assert len(pages) == 2
    assert "Harbour Bakery" in pages[0] and f"@{username}" in pages[0]
    assert "Average engagement by weekday" in pages[0] and "Published" in pages[0]
    assert "Best posts" in pages[1] and "Croissant week is back" in pages[1]

    table = publisher.client.get("/api/v1/reports/analytics", params={**params, "format": "csv"})
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(table.text)))
    figures = {r[0]: r[1:] for r in rows if len(r) == 4}
    assert figures["Posts"][0] == "1" and figures["Published"][0] == "1"
    assert any(r[:1] == ["best 1"] and r[3] == "Croissant week is back" for r in rows)


def test_the_report_request_is_checked(publisher):
    base = {**_range(), "timezone": ZONE}
    for params, field in (
        ({**base, "start_date": "2027-02-30"}, "start_date"),
        ({**base, "account_id": str(uuid.uuid4())}, "account_id.0"),
        ({**base, "format": "doc"}, "format"),
        ({**base, "timezone": "Mars/Base"}, "timezone"),
    ):
        reply = publisher.client.get("/api/v1/reports/analytics", params=params)
        assert reply.status_code == 422, (params, reply.text)
        assert field in {f["field"] for f in reply.json()["error"]["fields"]}, reply.text


def test_a_scheduled_report_arrives_by_email(publisher, smtp_sink):
    body = {
        "name": "Harbour Bakery, weekly",
        "frequency": "weekly",
        "recipients": ["client-reports@example.com"],
        "account_ids": [publisher.account_id],
        "timezone": ZONE,
    }
    made = publisher.client.post("/api/v1/reports/schedules", json=body)
    assert made.status_code == 201, made.text
    schedule_ = made.json()
    # Mondays at 08:00 in its zone.
    next_run = datetime.fromisoformat(schedule_["next_run_at"].replace("Z", "+00:00")).astimezone(
        ZoneInfo(ZONE)
    )
    assert (next_run.weekday(), next_run.hour, next_run.minute) == (0, 8, 0)
    assert publisher.client.get("/api/v1/reports/schedules").json()["items"][0]["id"] == schedule_["id"]

    assert publisher.client.post(f"/api/v1/reports/schedules/{schedule_['id']}/send").status_code == 200
    deadline = time.monotonic() + 30
    while not smtp_sink.to("client-reports@example.com"):
        assert time.monotonic() < deadline, "no report mailed"
        time.sleep(0.2)
    mail = smtp_sink.to("client-reports@example.com")[-1]
    assert mail["Subject"].startswith("Harbour Bakery, weekly: ")
    files = {part.get_filename(): part for part in mail.iter_attachments()}
    pdf = next(part for name, part in files.items() if name.endswith(".pdf"))
    assert any(name.endswith(".csv") for name in files)
    assert "Harbour Bakery, weekly" in _pages(pdf.get_content())[0]
    # Sent, and the next run is the next Monday again.
    after = publisher.client.get("/api/v1/reports/schedules").json()["items"][0]
    assert after["last_sent_at"] and after["last_error"] == ""
    assert datetime.fromisoformat(after["next_run_at"].replace("Z", "+00:00")) > datetime.now(ZoneInfo(ZONE))
    assert len(smtp_sink.to("client-reports@example.com")) == 1

    for changed, field in (
        ({"recipients": ["not an address"]}, "recipients.0"),
        ({"frequency": "daily"}, "frequency"),
        ({"account_ids": [str(uuid.uuid4())]}, "account_ids.0"),
    ):
        reply = publisher.client.post("/api/v1/reports/schedules", json={**body, **changed})
        assert reply.status_code == 422 and field in reply.text, reply.text
    assert publisher.client.delete(f"/api/v1/reports/schedules/{schedule_['id']}").status_code == 204
    assert publisher.client.get("/api/v1/reports/schedules").json()["items"] == []
