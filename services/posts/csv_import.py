"""A CSV of posts, checked row by row: every row's problems named by its line and column,
before anything is imported (the dry run) and again when the import is made.

Columns (a header row names them, in any order; unknown ones are a problem of line 1):
caption, media (URLs or the file names or ids of library items, separated by "|" or new
lines), post_type (photo, video, carousel, reel, story; empty: carousel for several media,
else photo), time (local, 2027-03-01 09:30 or 2027-03-01T09:30, or with an offset), timezone
(IANA; empty: the import's), account (@username or id; empty: the default or only one),
tags and hashtags ("," or "|"), first_comment, campaign (its name or id).
"""

import csv
import io
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import grpc
from sqlalchemy import select

from lib.common import member_scope, time_text
from lib.common.db import Database
from lib.common.errors import ServiceError, Violation, invalid, invalid_field
from lib.common.timezones import is_valid_zone
from protos import media_pb2_grpc, scheduler_pb2, scheduler_pb2_grpc
from services.posts import media_refs, rules
from services.posts.content import POST_TYPES, Content
from services.posts.models import Campaign

MAX_ROWS = 1000
MAX_BYTES = 900_000
COLUMNS = (
    "caption",
    "media",
    "post_type",
    "time",
    "timezone",
    "account",
    "tags",
    "hashtags",
    "first_comment",
    "campaign",
)
# What spreadsheets and other tools' exports call them.
ALIASES = {
    "media_urls": "media",
    "type": "post_type",
    "scheduled_time": "time",
    "date": "time",
    "zone": "timezone",
    "labels": "tags",
}
# Content's fields, as rules name them -> the CSV's columns.
FIELD_COLUMNS = {
    "caption": "caption",
    "hashtags": "hashtags",
    "media": "media",
    "post_type": "post_type",
    "tags": "tags",
    "options.first_comment": "first_comment",
}


@dataclass
class Problem:
    row: int
    column: str
    message: str


@dataclass
class Row:
    """One line of the file, as it will be imported (or why it cannot be)."""

    row: int
    content: Content
    problems: list[Problem] = field(default_factory=list)
    # The local time as written (no offset: on `zone`'s clock), and its instant.
    local_time: str = ""
    at: datetime | None = None
    zone: str = ""
    account_id: str = ""
    account_name: str = ""
    campaign_id: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def data(self) -> dict:
        """What the import keeps of it, to make the post from (JSON)."""
        return {
            "content": self.content.as_dict(),
            "local_time": self.local_time,
            "at": self.at.isoformat() if self.at else "",
            "zone": self.zone,
            "account_id": self.account_id,
            "account_name": self.account_name,
            "campaign_id": self.campaign_id,
        }


@dataclass
class Checked:
    rows: list[Row]
    # Of the file itself (line 1: the header).
    problems: list[Problem]

    @property
    def valid(self) -> int:
        return sum(1 for row in self.rows if row.ok)


@dataclass
class _Known:
    """What the rows name, read once for the whole file."""

    zone: str
    schedule: bool
    now: datetime
    accounts: list[scheduler_pb2.InstagramAccount]
    campaigns: dict[str, str]
    media: dict[str, str]


def read_table(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(the header's column names, each data row with its line); a file that is not a CSV of
    at most MAX_ROWS rows is a 422 naming `csv`."""
    if len(text.encode()) > MAX_BYTES:
        raise invalid_field("csv", f"must be at most {MAX_BYTES:,} bytes")
    if "\x00" in text:
        raise invalid_field("csv", "is not a text CSV file (it holds NUL bytes)")
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        lines = [(reader.line_num, row) for row in reader]
    except csv.Error as err:
        raise invalid_field("csv", f"is not a readable CSV file: {err}") from None
    lines = [(number, row) for number, row in lines if any(cell.strip() for cell in row)]
    if not lines:
        raise invalid_field("csv", "is empty; its first line names the columns (caption, media, time, ...)")
    (_, header), body = lines[0], lines[1:]
    if not body:
        raise invalid_field("csv", "has a header but no rows")
    if len(body) > MAX_ROWS:
        raise invalid_field("csv", f"has {len(body)} rows; an import takes at most {MAX_ROWS}")
    names = [ALIASES.get(name.strip().lower(), name.strip().lower()) for name in header]
    return names, body


def _header_problems(names: list[str]) -> list[Problem]:
    problems = []
    for index, name in enumerate(names):
        if name not in COLUMNS:
            problems.append(
                Problem(1, name or f"column {index + 1}", f"is not a column; use {', '.join(COLUMNS)}")
            )
        elif names.index(name) != index:
            problems.append(Problem(1, name, "is named twice"))
    if "caption" not in names and "media" not in names:
        problems.append(Problem(1, "caption", "a file needs a caption or a media column"))
    return problems


def _split(text: str, separators: str) -> list[str]:
    for separator in separators[1:]:
        text = text.replace(separator, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


async def _known(
    db: Database,
    media: media_pb2_grpc.MediaStub,
    scheduler: scheduler_pb2_grpc.SchedulerStub,
    user_id: uuid.UUID,
    cells: list[dict[str, str]],
    *,
    zone: str,
    schedule: bool,
    now: datetime,
) -> _Known:
    try:
        accounts = (
            await scheduler.ListAccounts(scheduler_pb2.ListAccountsRequest(user_id=str(user_id)), timeout=10)
        ).accounts
    except grpc.aio.AioRpcError as err:
        raise ServiceError(
            "unavailable", "scheduler_unavailable", "The accounts could not be read now"
        ) from err
    async with db.reading() as session:
        found = (
            await session.execute(select(Campaign.id, Campaign.name).where(Campaign.user_id == user_id))
        ).all()
    campaigns = {name.lower(): str(campaign_id) for campaign_id, name in found}
    campaigns |= {str(campaign_id): str(campaign_id) for campaign_id, _ in found}
    names = [
        ref for row in cells for ref in _split(row.get("media", ""), "|\n") if not media_refs.is_url(ref)
    ]
    library = await media_refs.library_ids(media, user_id, names)
    return _Known(zone, schedule, now, list(accounts), campaigns, library)


def _account(cell: str, known: _Known, problems: list[str]) -> scheduler_pb2.InstagramAccount | None:
    wanted = cell.strip().removeprefix("@").lower()
    if wanted:
        for account in known.accounts:
            if wanted in (account.id, account.username.lower()):
                return account
        problems.append(f"is not one of your connected Instagram accounts (@username or id): {cell.strip()}")
        return None
    defaults = [a for a in known.accounts if a.is_default] or (
        known.accounts if len(known.accounts) == 1 else []
    )
    if defaults:
        return defaults[0]
    if not known.accounts:
        problems.append("connect an Instagram account first: a post with a time is scheduled on one")
    else:
        problems.append("name one (@username): you have several accounts and no default")
    return None


def _time(row: Row, cells: dict[str, str], known: _Known) -> None:
    text = cells.get("time", "").strip()
    zone = cells.get("timezone", "").strip() or known.zone
    if cells.get("timezone", "").strip() and not is_valid_zone(zone):
        row.problems.append(Problem(row.row, "timezone", "must be an IANA time zone, e.g. Europe/Paris"))
        return
    if not text:
        return
    if len(text) >= 16 and text[10] == " ":
        text = f"{text[:10]}T{text[11:]}"
    try:
        moment = time_text.parse(text, "time")
    except ServiceError as err:
        row.problems.append(Problem(row.row, "time", err.violations[0].message))
        return
    if moment.tzinfo is None:
        local = moment.replace(tzinfo=ZoneInfo(zone))
        if local.astimezone(UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None) != moment:
            row.problems.append(
                Problem(row.row, "time", f"{text} does not exist in {zone} (the clocks skip it)")
            )
            return
        moment = local
    row.at, row.zone, row.local_time = moment.astimezone(UTC), zone, text
    if known.schedule and row.at <= known.now:
        row.problems.append(Problem(row.row, "time", "is in the past; a scheduled post needs a time to come"))


def _content(row: Row, cells: dict[str, str], known: _Known, with_time: bool) -> None:
    media = []
    for index, ref in enumerate(_split(cells.get("media", ""), "|\n")):
        if media_refs.is_url(ref):
            media.append({"url": ref})
        elif ref in known.media:
            media.append({"media_id": known.media[ref]})
        else:
            row.problems.append(
                Problem(
                    row.row,
                    "media",
                    f"item {index + 1} is neither a URL nor a file of your media library: {ref}",
                )
            )
    post_type = cells.get("post_type", "").strip().lower() or ("carousel" if len(media) > 1 else "photo")
    options = (
        {"first_comment": cells["first_comment"].strip()} if cells.get("first_comment", "").strip() else {}
    )
    row.content = Content(
        caption=cells.get("caption", ""),
        hashtags=_split(cells.get("hashtags", ""), " ,|\n"),
        media=media,
        post_type=post_type,
        tags=_split(cells.get("tags", ""), ",|"),
        options=options,
    ).normalised()
    if post_type not in POST_TYPES:
        row.problems.append(Problem(row.row, "post_type", f"must be one of {', '.join(POST_TYPES)}"))
        return
    try:
        rules.check(row.content, to_publish=known.schedule and with_time and not row.problems)
    except ServiceError as err:
        for violation in err.violations:
            column = FIELD_COLUMNS.get(violation.field.split(".")[0], "")
            column = FIELD_COLUMNS.get(violation.field, column) or violation.field
            row.problems.append(Problem(row.row, column, violation.message))


def _row(number: int, cells: dict[str, str], known: _Known) -> Row:
    row = Row(number, Content())
    _time(row, cells, known)
    if row.at is not None and known.schedule:
        why: list[str] = []
        account = _account(cells.get("account", ""), known, why)
        row.problems += [Problem(number, "account", message) for message in why]
        if account is not None:
            if not member_scope.allows(account.id):
                row.problems.append(
                    Problem(
                        number, "account", f"@{account.username} is not one of the accounts an admin gave you"
                    )
                )
            row.account_id, row.account_name = account.id, account.username
    elif cells.get("account", "").strip():
        why = []
        if (account := _account(cells["account"], known, why)) is not None:
            row.account_id, row.account_name = account.id, account.username
        row.problems += [Problem(number, "account", message) for message in why]
    if campaign := cells.get("campaign", "").strip():
        row.campaign_id = known.campaigns.get(campaign.lower(), "")
        if not row.campaign_id:
            row.problems.append(Problem(number, "campaign", f"is not one of your campaigns: {campaign}"))
    _content(row, cells, known, with_time=row.at is not None)
    return row


async def check(
    *,
    db: Database,
    media: media_pb2_grpc.MediaStub,
    scheduler: scheduler_pb2_grpc.SchedulerStub,
    user_id: uuid.UUID,
    text: str,
    zone: str,
    schedule: bool,
    now: datetime,
) -> Checked:
    """Every row of the file checked (nothing is saved)."""
    if not is_valid_zone(zone):
        raise invalid([Violation("timezone", "must be an IANA time zone, e.g. Europe/Paris")])
    names, body = read_table(text)
    problems = _header_problems(names)
    if problems:
        return Checked([], problems)
    cells = [(number, dict(zip(names, values, strict=False)), len(values)) for number, values in body]
    known = await _known(
        db, media, scheduler, user_id, [c for _, c, _ in cells], zone=zone, schedule=schedule, now=now
    )
    rows = []
    for number, row_cells, width in cells:
        row = _row(number, row_cells, known)
        if width > len(names):
            row.problems.append(Problem(number, "", f"has more cells than the header's {len(names)} columns"))
        rows.append(row)
    return Checked(rows, [])
