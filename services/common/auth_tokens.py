"""JWT access tokens: issued by the users service, verified by the gateway."""

import time
from dataclasses import dataclass

import jwt

from services.common.config import Settings
from services.common.errors import unauthenticated

_ALGORITHM = "HS256"
_ISSUER = "postflow"


@dataclass(frozen=True)
class TokenClaims:
    user_id: str
    expires_at: int


def issue(*, settings: Settings, user_id: str) -> tuple[str, int]:
    """A signed token for user_id and its lifetime in seconds."""
    now = int(time.time())
    ttl = settings.jwt_ttl_seconds
    payload = {"sub": user_id, "iat": now, "exp": now + ttl, "iss": _ISSUER}
    return jwt.encode(payload, settings.jwt_secret.get_secret_value(), algorithm=_ALGORITHM), ttl


class VerifiedTokens:
    """Tokens already verified, kept until they expire: a signature check per request
    costs more CPU than the rest of a small request's authentication."""

    def __init__(self, settings: Settings, capacity: int = 10_000) -> None:
        self._settings = settings
        self._capacity = capacity
        self._claims: dict[str, TokenClaims] = {}

    def verify(self, token: str) -> TokenClaims:
        claims = self._claims.get(token)
        if claims is None:
            claims = verify(settings=self._settings, token=token)
            if len(self._claims) >= self._capacity:
                self._claims.clear()
            self._claims[token] = claims
        elif claims.expires_at <= time.time():
            del self._claims[token]
            raise unauthenticated("The access token has expired; log in again")
        return claims


def verify(*, settings: Settings, token: str) -> TokenClaims:
    try:
        payload = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=[_ALGORITHM],
            issuer=_ISSUER,
            options={"require": ["sub", "exp", "iss"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise unauthenticated("The access token has expired; log in again") from exc
    except jwt.PyJWTError as exc:
        raise unauthenticated("The access token is not valid") from exc
    return TokenClaims(user_id=str(payload["sub"]), expires_at=int(payload["exp"]))
