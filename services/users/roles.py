"""The roles a member of a workspace can have, and the one table of what each may do.

The gateway asks for a member's rights (GetAccess) and checks the right a route names; the
users service checks its own (members, invitations, the workspace itself) here."""

from enum import StrEnum


class Right(StrEnum):
    READ = "read"  # see the workspace's posts, media, calendar, analytics
    WRITE = "write"  # create and edit posts, media, templates, campaigns
    SCHEDULE = "schedule"  # schedule, move, unschedule, publish now
    ACCOUNTS = "accounts"  # connect and disconnect Instagram accounts, workspace settings
    MEMBERS = "members"  # invite, remove, change roles (never an owner's, unless an owner)
    OWN = "own"  # make or remove owners


ROLES = ("owner", "admin", "editor", "contributor", "viewer")

RIGHTS: dict[str, frozenset[Right]] = {
    "owner": frozenset(Right),
    "admin": frozenset({Right.READ, Right.WRITE, Right.SCHEDULE, Right.ACCOUNTS, Right.MEMBERS}),
    "editor": frozenset({Right.READ, Right.WRITE, Right.SCHEDULE}),
    # Writes drafts and submits them; what goes out is an editor's call.
    "contributor": frozenset({Right.READ, Right.WRITE}),
    "viewer": frozenset({Right.READ}),
}


def rights_of(role: str) -> list[str]:
    return sorted(RIGHTS.get(role, frozenset()))


def may(role: str, right: Right) -> bool:
    return right in RIGHTS.get(role, frozenset())
