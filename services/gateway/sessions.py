"""Is the session behind an access token still live? Asked of the users service, and the
answer kept for a few seconds (POSTFLOW_SESSION_CHECK_SECONDS): a logout through this
gateway takes effect at once, through another within that time."""

import time

from lib.common.auth_tokens import TokenClaims
from lib.common.errors import unauthenticated
from protos import users_pb2


class LiveSessions:
    def __init__(self, ttl_seconds: float, capacity: int = 100_000) -> None:
        self._ttl = ttl_seconds
        self._capacity = capacity
        self._checked: dict[str, float] = {}  # session id -> when it was last found live

    async def require(self, users, claims: TokenClaims) -> None:
        checked = self._checked.get(claims.session_id)
        if checked is not None and time.monotonic() - checked < self._ttl:
            return
        state = await users.CheckSession(
            users_pb2.SessionRef(user_id=claims.user_id, session_id=claims.session_id)
        )
        if not state.live:
            self._checked.pop(claims.session_id, None)
            raise unauthenticated("The session has ended (logged out or password changed); log in again")
        if len(self._checked) >= self._capacity:
            self._checked.clear()
        self._checked[claims.session_id] = time.monotonic()

    def forget(self, session_id: str) -> None:
        self._checked.pop(session_id, None)
