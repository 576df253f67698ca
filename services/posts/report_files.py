"""A report file for a range and a set of accounts: the analytics read once, then written
as a PDF or as CSV (reports.py), named for its range."""

import asyncio
import uuid
from dataclasses import dataclass

from lib.common.db import Database
from lib.common.errors import invalid_field
from lib.common.grpc_errors import ask
from protos import scheduler_pb2, scheduler_pb2_grpc
from services.posts import analytics, calendar, reports

FORMATS = ("pdf", "csv")


@dataclass
class ReportFile:
    content: bytes
    filename: str
    content_type: str


async def account_names(scheduler: scheduler_pb2_grpc.SchedulerStub, user_id: uuid.UUID) -> dict[str, str]:
    """account id -> username, of the workspace's connected accounts."""
    found = await ask(
        scheduler.ListAccounts(scheduler_pb2.ListAccountsRequest(user_id=str(user_id)), timeout=10)
    )
    return {a.id: a.username for a in found.accounts}


async def make(
    *,
    db: Database,
    scheduler: scheduler_pb2_grpc.SchedulerStub,
    user_id: uuid.UUID,
    start: str,
    end: str,
    zone: str,
    account_ids: list[str],
    file_format: str,
    title: str,
) -> ReportFile:
    if file_format not in FORMATS:
        raise invalid_field("format", "must be pdf or csv")
    names = await account_names(scheduler, user_id)
    for index, account in enumerate(account_ids):
        if account not in names:
            raise invalid_field(f"account_id.{index}", "is not one of this workspace's connected accounts")
    query = calendar.query_of(
        user_id=user_id,
        start=start,
        end=end,
        view="month",
        zone=zone,
        account_id="",
        statuses=[],
        post_types=[],
        tags=[],
    )
    query.account_ids = [uuid.UUID(a) for a in dict.fromkeys(account_ids)]
    found = await analytics.build(db=db, query=query)
    accounts = [names[a] for a in dict.fromkeys(account_ids)] or sorted(names.values())
    name = f"postflow-report-{query.start.isoformat()}-{query.end.isoformat()}"
    if file_format == "csv":
        return ReportFile(reports.csv(found, accounts=accounts).encode(), f"{name}.csv", "text/csv")
    # ReportLab is CPU-bound: off the event loop that serves the service's other calls.
    content = await asyncio.to_thread(
        reports.pdf, found, title=title.strip()[:200] or "Instagram report", accounts=accounts
    )
    return ReportFile(content, f"{name}.pdf", "application/pdf")
