"""Workspaces and who belongs to them: a person's access to one, making one, its members and
their roles, invitations by email, leaving and removal.

Who is not a member of a workspace is told it does not exist (not_found), never that it is
not theirs: its ids say nothing to outsiders. A member whose role lacks a right is told
that (forbidden). Changes to who may do what lock the workspace's row, so two admins at
once cannot, between them, leave a workspace without an owner."""

import asyncio
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from lib.common import mail
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.emails import is_email_address
from lib.common.errors import Violation, conflict, forbidden, invalid, invalid_field, not_found
from lib.common.timezones import is_valid_zone
from services.users import audit, sessions
from services.users.models import Invitation, Membership, User, Workspace
from services.users.roles import ROLES, Right, may

log = logging.getLogger(__name__)

MAX_NAME = 100
# Bounds an account's reach: a script signing up cannot make a million of anything.
MAX_OWNED = 50
MAX_MEMBERS = 200
MAX_PENDING_INVITATIONS = 100


@dataclass(frozen=True)
class Access:
    workspace: Workspace
    role: str
    # A personal workspace's zone is its owner's; a team's its own.
    timezone: str
    # The accounts the member may act on; empty: every one.
    account_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class MemberRow:
    membership: Membership
    user: User


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    link: str
    mailed: bool


def personal(user: User) -> Workspace:
    """The workspace made at sign-up, to add in the same transaction as the user."""
    return Workspace(id=user.id, name="Personal", personal=True)


def owner_of(workspace: Workspace) -> Membership:
    return Membership(workspace_id=workspace.id, user_id=workspace.id, role="owner")


async def _zone(session: AsyncSession, workspace: Workspace) -> str:
    if not workspace.personal:
        return workspace.timezone
    return await session.scalar(select(User.timezone).where(User.id == workspace.id)) or "UTC"


async def _membership(
    session: AsyncSession, user_id: uuid.UUID, workspace_id: uuid.UUID, *, lock: bool = False
) -> tuple[Workspace, Membership]:
    query = select(Workspace).where(Workspace.id == workspace_id)
    workspace = await session.scalar(query.with_for_update() if lock else query)
    membership = await session.get(Membership, (workspace_id, user_id)) if workspace else None
    if workspace is None or membership is None:
        raise not_found("Workspace")
    return workspace, membership


def _require(membership: Membership, right: Right, doing: str) -> None:
    if not may(membership.role, right):
        raise forbidden(f"A member with the {membership.role} role cannot {doing} in this workspace")


async def access(db: Database, *, user_id: uuid.UUID, workspace_id: uuid.UUID) -> Access:
    async with db.reading() as session:
        workspace, membership = await _membership(session, user_id, workspace_id)
        return Access(
            workspace, membership.role, await _zone(session, workspace), tuple(membership.account_ids or ())
        )


async def zone_of(db: Database, workspace_id: uuid.UUID) -> str:
    """The zone times sent without one are read in, for this workspace."""
    async with db.reading() as session:
        workspace = await session.get(Workspace, workspace_id)
        if workspace is None:
            raise not_found("Workspace")
        return await _zone(session, workspace)


async def of_user(db: Database, *, user_id: uuid.UUID) -> list[Access]:
    """Every workspace the person belongs to, their personal one first, then by name."""
    async with db.reading() as session:
        rows = (
            await session.execute(
                select(Workspace, Membership.role)
                .join(Membership, Membership.workspace_id == Workspace.id)
                .where(Membership.user_id == user_id)
                .order_by(Workspace.personal.desc(), func.lower(Workspace.name), Workspace.id)
            )
        ).all()
        return [Access(workspace, role, await _zone(session, workspace)) for workspace, role in rows]


def _name(name: str) -> str:
    name = name.strip()
    if not name:
        raise invalid_field("name", "must not be empty")
    if len(name) > MAX_NAME or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise invalid_field("name", f"must be at most {MAX_NAME} characters, without control characters")
    return name


def _timezone(zone: str) -> str:
    if not is_valid_zone(zone):
        raise invalid_field("timezone", f"{zone[:64]!r} is not an IANA time zone, e.g. Europe/Paris")
    return zone


async def create(db: Database, *, user_id: uuid.UUID, name: str, timezone: str = "") -> Access:
    """A team workspace with its maker as owner; its zone, unless given, the maker's own."""
    name = _name(name)
    async with db.transaction() as session:
        user = await session.get(User, user_id, with_for_update=True)
        if user is None:
            raise not_found("User")
        owned = await session.scalar(
            select(func.count())
            .select_from(Membership)
            .where(Membership.user_id == user_id, Membership.role == "owner")
        )
        if owned >= MAX_OWNED:
            raise conflict("too_many_workspaces", f"A person can own at most {MAX_OWNED} workspaces")
        workspace = Workspace(
            name=name, personal=False, timezone=_timezone(timezone) if timezone else user.timezone
        )
        session.add(workspace)
        await session.flush()
        session.add(Membership(workspace_id=workspace.id, user_id=user_id, role="owner"))
        return Access(workspace, "owner", workspace.timezone)


async def rename(
    db: Database, *, user_id: uuid.UUID, workspace_id: uuid.UUID, name: str | None, timezone: str | None
) -> Access:
    async with db.transaction() as session:
        workspace, membership = await _membership(session, user_id, workspace_id, lock=True)
        _require(membership, Right.ACCOUNTS, "change the workspace's settings")
        if name is not None:
            workspace.name = _name(name)
        if timezone is not None:
            if workspace.personal:
                raise invalid_field(
                    "timezone",
                    "a personal workspace keeps its owner's time zone: change it at /api/v1/auth/me",
                )
            workspace.timezone = _timezone(timezone)
        return Access(workspace, membership.role, await _zone(session, workspace))


async def members(db: Database, *, user_id: uuid.UUID, workspace_id: uuid.UUID) -> list[MemberRow]:
    async with db.reading() as session:
        await _membership(session, user_id, workspace_id)
        rows = (
            await session.execute(
                select(Membership, User)
                .join(User, User.id == Membership.user_id)
                .where(Membership.workspace_id == workspace_id)
                .order_by(Membership.created_at, User.id)
            )
        ).all()
        return [MemberRow(membership, user) for membership, user in rows]


def _accounts(account_ids: list[str]) -> list[uuid.UUID]:
    if len(account_ids) > 200:
        raise invalid_field("account_ids", "at most 200")
    found = []
    for n, raw in enumerate(account_ids):
        try:
            found.append(uuid.UUID(raw))
        except ValueError as exc:
            raise invalid_field(f"account_ids.{n}", "must be an account id") from exc
    return sorted(set(found))


def _role(role: str) -> str:
    if role not in ROLES:
        raise invalid_field("role", f"must be one of {', '.join(ROLES)}")
    return role


def _grants(membership: Membership, role: str) -> None:
    """Only an owner makes or unmakes owners."""
    if role == "owner":
        _require(membership, Right.OWN, "make someone an owner")
    _require(membership, Right.MEMBERS, "manage members")


async def invite(
    db: Database,
    settings: Settings,
    *,
    user_id: uuid.UUID,
    workspace_id: uuid.UUID,
    email: str,
    role: str,
    origin: audit.Origin,
) -> IssuedInvitation:
    """A single-use link for one address, mailed to it; a newer invitation to the same
    address replaces the pending one. The link is also the inviter's to pass on: it only
    works for a person signed in with that address."""
    email = email.strip().lower()
    problems = []
    if not is_email_address(email):
        problems.append(Violation("email", "must be an email address like name@example.com"))
    if role not in ROLES:
        problems.append(Violation("role", f"must be one of {', '.join(ROLES)}"))
    if problems:
        raise invalid(problems)
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    async with db.transaction() as session:
        workspace, membership = await _membership(session, user_id, workspace_id, lock=True)
        _grants(membership, role)
        already = await session.scalar(
            select(Membership.user_id)
            .join(User, User.id == Membership.user_id)
            .where(Membership.workspace_id == workspace_id, func.lower(User.email) == email)
        )
        if already is not None:
            raise conflict("already_member", "This address is already a member of the workspace")
        await session.execute(
            update(Invitation)
            .where(
                Invitation.workspace_id == workspace_id,
                Invitation.email == email,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        pending = await session.scalar(
            select(func.count()).select_from(Invitation).where(*_pending(workspace_id, now))
        )
        if pending >= MAX_PENDING_INVITATIONS:
            raise conflict(
                "too_many_invitations",
                f"A workspace can have at most {MAX_PENDING_INVITATIONS} pending invitations",
            )
        invitation = Invitation(
            token_hash=sessions.digest(token),
            workspace_id=workspace_id,
            email=email,
            role=role,
            invited_by=user_id,
            expires_at=now + timedelta(seconds=settings.invitation_ttl_seconds),
        )
        session.add(invitation)
        session.add(
            audit.entry(
                user_id=user_id,
                kind="member_invited",
                origin=origin,
                workspace=str(workspace_id),
                email=email,
                role=role,
            )
        )
        inviter = await session.get(User, user_id)
    # The web app's own page for it (a route of its single page: #/invitation).
    link = f"{settings.public_base_url.rstrip('/')}/#/invitation?{urlencode({'token': token})}"
    mailed = await _mail_invitation(settings, invitation, workspace, inviter, link)
    return IssuedInvitation(invitation, link, mailed)


def _pending(workspace_id: uuid.UUID, now: datetime) -> tuple:
    return (
        Invitation.workspace_id == workspace_id,
        Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None),
        Invitation.expires_at > now,
    )


async def _mail_invitation(
    settings: Settings, invitation: Invitation, workspace: Workspace, inviter: User | None, link: str
) -> bool:
    if not settings.smtp_host:
        log.warning("invitation %s not mailed: no SMTP server configured", invitation.id)
        return False
    who = (inviter.name or inviter.email) if inviter else "Someone"
    days = max(1, settings.invitation_ttl_seconds // 86400)
    body = (
        f'{who} invites you to the Postflow workspace "{workspace.name}" as {invitation.role}.\n\n'
        f"To join, sign in (or sign up) with this address and open this link within {days} day(s); "
        f"it works once:\n{link}\n\nIf you did not expect it, ignore this email."
    )
    try:
        await asyncio.to_thread(
            mail.send, settings, to=invitation.email, subject=f"Join {workspace.name} on Postflow", body=body
        )
    except OSError as err:
        # The invitation stands: its link is in the answer for the inviter to pass on.
        log.warning("invitation %s not mailed: %s", invitation.id, err)
        return False
    return True


async def invitations(db: Database, *, user_id: uuid.UUID, workspace_id: uuid.UUID) -> list[Invitation]:
    async with db.reading() as session:
        _, membership = await _membership(session, user_id, workspace_id)
        _require(membership, Right.MEMBERS, "see invitations")
        return list(
            await session.scalars(
                select(Invitation)
                .where(*_pending(workspace_id, datetime.now(UTC)))
                .order_by(Invitation.created_at, Invitation.id)
            )
        )


async def revoke(
    db: Database, *, user_id: uuid.UUID, workspace_id: uuid.UUID, invitation_id: uuid.UUID
) -> None:
    async with db.transaction() as session:
        _, membership = await _membership(session, user_id, workspace_id)
        _require(membership, Right.MEMBERS, "revoke invitations")
        revoked = await session.execute(
            update(Invitation)
            .where(Invitation.id == invitation_id, *_pending(workspace_id, datetime.now(UTC)))
            .values(revoked_at=func.now())
        )
        if not revoked.rowcount:
            raise not_found("Invitation")


async def accept(db: Database, *, user_id: uuid.UUID, token: str, origin: audit.Origin) -> Access:
    """Joins the person to the invitation's workspace, once. One answer for every token
    that does not work (unknown, used, revoked, expired, for another address)."""
    refused = invalid_field(
        "token",
        "This invitation link does not work: it was used, revoked or has expired, "
        "or it is for another email address",
    )
    if not token or len(token) > 200:
        raise refused
    async with db.transaction() as session:
        user = await session.get(User, user_id)
        if user is None:
            raise refused
        invitation = await session.scalar(
            update(Invitation)
            .where(
                Invitation.token_hash == sessions.digest(token),
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > func.now(),
                Invitation.email == user.email.lower(),
            )
            .values(accepted_at=func.now(), accepted_by=user_id)
            .returning(Invitation)
        )
        if invitation is None:
            raise refused
        workspace = await session.scalar(
            select(Workspace).where(Workspace.id == invitation.workspace_id).with_for_update()
        )
        if workspace is None:
            raise refused
        membership = await session.get(Membership, (workspace.id, user_id))
        if membership is None:
            count = await session.scalar(
                select(func.count()).select_from(Membership).where(Membership.workspace_id == workspace.id)
            )
            if count >= MAX_MEMBERS:
                raise conflict("workspace_full", f"A workspace can have at most {MAX_MEMBERS} members")
            membership = Membership(workspace_id=workspace.id, user_id=user_id, role=invitation.role)
            session.add(membership)
        session.add(
            audit.entry(user_id=user_id, kind="workspace_joined", origin=origin, workspace=str(workspace.id))
        )
        return Access(workspace, membership.role, await _zone(session, workspace))


def _its_own_person(workspace: Workspace, member_id: uuid.UUID) -> bool:
    # Their own id names it (the brief's clients, sockets): it is theirs for good.
    return workspace.personal and workspace.id == member_id


async def _owners(session: AsyncSession, workspace_id: uuid.UUID) -> int:
    return await session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(Membership.workspace_id == workspace_id, Membership.role == "owner")
    )


async def change_role(
    db: Database,
    *,
    user_id: uuid.UUID,
    workspace_id: uuid.UUID,
    member_id: uuid.UUID,
    role: str,
    origin: audit.Origin,
    account_ids: list[str] | None = None,
) -> MemberRow:
    """A member's role (empty: unchanged), and the accounts they may act on (None:
    unchanged; empty: every one). Owners and admins, who manage the accounts, act on all."""
    limit = _accounts(account_ids) if account_ids is not None else None
    async with db.transaction() as session:
        workspace, membership = await _membership(session, user_id, workspace_id, lock=True)
        target = await session.get(Membership, (workspace_id, member_id))
        if target is None:
            raise not_found("Member")
        role = _role(role) if role else target.role
        _grants(membership, role)
        if limit is not None:
            if limit and role in ("owner", "admin"):
                raise invalid_field(
                    "account_ids", f"an {role} acts on every account; limit editors, contributors or viewers"
                )
            target.account_ids = limit
        elif role in ("owner", "admin"):
            target.account_ids = []
        if _its_own_person(workspace, member_id) and role != "owner":
            raise conflict("personal_owner", "A personal workspace's own person stays its owner")
        if target.role == "owner":
            _require(membership, Right.OWN, "change an owner's role")
            if role != "owner" and await _owners(session, workspace_id) == 1:
                raise conflict("last_owner", "A workspace keeps at least one owner: make another owner first")
        target.role = role
        session.add(
            audit.entry(
                user_id=user_id,
                kind="role_changed",
                origin=origin,
                workspace=str(workspace_id),
                member=str(member_id),
                role=role,
                accounts=",".join(str(a) for a in target.account_ids) or "all",
            )
        )
        return MemberRow(target, await session.get(User, member_id))


async def remove(
    db: Database, *, user_id: uuid.UUID, workspace_id: uuid.UUID, member_id: uuid.UUID, origin: audit.Origin
) -> None:
    """A member removed by an admin (an owner by an owner), or leaving. A workspace's last
    owner can do neither."""
    async with db.transaction() as session:
        workspace, membership = await _membership(session, user_id, workspace_id, lock=True)
        target = await session.get(Membership, (workspace_id, member_id))
        if target is None:
            raise not_found("Member")
        if member_id != user_id:
            _require(membership, Right.MEMBERS, "remove members")
            if target.role == "owner":
                _require(membership, Right.OWN, "remove an owner")
        if _its_own_person(workspace, member_id):
            raise conflict(
                "personal_owner", "A personal workspace's own person cannot leave it or be removed"
            )
        if target.role == "owner" and await _owners(session, workspace_id) == 1:
            raise conflict("last_owner", "A workspace keeps at least one owner: make another owner first")
        await session.delete(target)
        session.add(
            audit.entry(
                user_id=user_id,
                kind="member_removed",
                origin=origin,
                workspace=str(workspace_id),
                member=str(member_id),
            )
        )
