"""Password hashing with argon2id (argon2-cffi's recommended parameters).

Each hash takes 64 MiB and tens of ms of a core, so a few run at once per process and a
bounded number wait: beyond that a sign-in is turned away (429) rather than queued without
end. Hashes made with older parameters are recognised, so they can be remade at login.
"""

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lib.common.config import get_settings
from lib.common.errors import rate_limited

_hasher = PasswordHasher()
# Verified against when the email is unknown, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash("postflow-timing-equaliser")


class _Slots:
    def __init__(self) -> None:
        settings = get_settings()
        self._running = asyncio.Semaphore(settings.password_hash_concurrency)
        self._room = settings.password_hash_concurrency + settings.password_hash_queue
        self._inside = 0

    async def run(self, work, *args):
        if self._inside >= self._room:
            raise rate_limited("The service is busy signing people in; try again in a moment", 1)
        self._inside += 1
        try:
            async with self._running:
                # argon2 is deliberately slow; keep it off the event loop.
                return await asyncio.to_thread(work, *args)
        finally:
            self._inside -= 1


_slots: _Slots | None = None


def _hashing() -> _Slots:
    global _slots
    if _slots is None:
        _slots = _Slots()
    return _slots


async def hash_password(password: str) -> str:
    return await _hashing().run(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    def check() -> bool:
        try:
            return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
        except (VerificationError, InvalidHashError):
            return False

    return await _hashing().run(check)


def needs_rehash(password_hash: str) -> bool:
    """Made with other parameters than today's: remake it while the password is at hand."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
