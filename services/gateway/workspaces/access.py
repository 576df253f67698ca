"""Which workspace a request acts in, and whether its sender may do what the route does
there: asked of the users service (GetAccess), and the answer kept for a few seconds
(POSTFLOW_SESSION_CHECK_SECONDS), as a session's is. A member removed or given another role
through this gateway is forgotten here at once; through another, within that time.

A request names its workspace in the X-Postflow-Workspace header; without one it acts in
the sender's personal workspace, whose id is theirs (so clients written before workspaces
existed go on working unchanged)."""

import time
from dataclasses import dataclass

from lib.common import member_scope
from lib.common.errors import forbidden
from protos import users_pb2

HEADER = "x-postflow-workspace"


@dataclass(frozen=True)
class WorkspaceAccess:
    id: str
    user_id: str
    role: str
    rights: frozenset[str]
    # The accounts the member may act on; empty: every one.
    account_ids: tuple[str, ...] = ()

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        """For calls that act on an account: the member's limit, which the service checks."""
        return member_scope.metadata(self.account_ids)

    def may(self, right: str) -> bool:
        return right in self.rights

    def require(self, right: str, doing: str) -> None:
        if right not in self.rights:
            raise forbidden(f"A member with the {self.role} role cannot {doing} in this workspace")


class WorkspaceAccesses:
    def __init__(self, ttl_seconds: float, capacity: int = 100_000) -> None:
        self._ttl = ttl_seconds
        self._capacity = capacity
        self._known: dict[tuple[str, str], tuple[float, WorkspaceAccess]] = {}

    async def of(self, users, user_id: str, workspace_id: str) -> WorkspaceAccess:
        key = (user_id, workspace_id)
        known = self._known.get(key)
        if known is not None and time.monotonic() - known[0] < self._ttl:
            return known[1]
        found = await users.GetAccess(users_pb2.WorkspaceRef(user_id=user_id, workspace_id=workspace_id))
        access = WorkspaceAccess(
            found.id, user_id, found.role, frozenset(found.rights), tuple(found.account_ids)
        )
        if len(self._known) >= self._capacity:
            self._known.clear()
        self._known[key] = (time.monotonic(), access)
        return access

    def forget(self, user_id: str, workspace_id: str) -> None:
        self._known.pop((user_id, workspace_id), None)


def named(headers) -> str:
    return headers.get(HEADER, "").strip()
