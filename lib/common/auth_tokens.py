"""JWT access tokens: issued by the users service, verified by the gateway.

Each token names its session (`sid`), which the gateway checks is still live, and its key
(`kid`, a digest of the secret), so the secret can rotate: tokens signed with a previous
secret stay valid until they expire."""

import hashlib
import time
from dataclasses import dataclass

import jwt

from lib.common.config import Settings
from lib.common.errors import unauthenticated

_ALGORITHM = "HS256"
_ISSUER = "postflow"


@dataclass(frozen=True)
class TokenClaims:
    user_id: str
    session_id: str
    expires_at: int


def key_id(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


def _secrets(settings: Settings) -> dict[str, str]:
    """kid -> secret: the current one and the previous ones."""
    current = settings.jwt_secret.get_secret_value()
    previous = [s.strip() for s in settings.jwt_previous_secrets.get_secret_value().split(",") if s.strip()]
    return {key_id(secret): secret for secret in (*previous, current)}


@dataclass
class AccessToken:
    token: str
    expires_in_seconds: int


def issue(*, settings: Settings, user_id: str, session_id: str) -> AccessToken:
    """A signed token for user_id's session and its lifetime in seconds."""
    now = int(time.time())
    ttl = settings.jwt_ttl_seconds
    secret = settings.jwt_secret.get_secret_value()
    payload = {"sub": user_id, "sid": session_id, "iat": now, "exp": now + ttl, "iss": _ISSUER}
    return AccessToken(
        jwt.encode(payload, secret, algorithm=_ALGORITHM, headers={"kid": key_id(secret)}), ttl
    )


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
            raise unauthenticated("The access token has expired; refresh it or log in again")
        return claims


def verify(*, settings: Settings, token: str) -> TokenClaims:
    try:
        secret = _secrets(settings).get(jwt.get_unverified_header(token).get("kid", ""))
        if secret is None:
            raise jwt.InvalidTokenError("unknown key")
        payload = jwt.decode(
            token,
            secret,
            algorithms=[_ALGORITHM],
            issuer=_ISSUER,
            options={"require": ["sub", "sid", "exp", "iss"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise unauthenticated("The access token has expired; refresh it or log in again") from exc
    except jwt.PyJWTError as exc:
        raise unauthenticated("The access token is not valid") from exc
    return TokenClaims(str(payload["sub"]), str(payload["sid"]), int(payload["exp"]))


# A browser cannot send headers with a WebSocket: it offers "bearer, <token>" as subprotocols.
BEARER_PROTOCOL = "bearer"


def websocket_token(headers, query_params) -> tuple[str, str | None, bool]:
    """A WebSocket handshake's access token, the subprotocol to accept (when it came as one),
    and whether it came in an Authorization header (which browsers cannot send; server-side
    clients do)."""
    offered = [p.strip() for p in headers.get("sec-websocket-protocol", "").split(",") if p.strip()]
    if len(offered) == 2 and offered[0].lower() == BEARER_PROTOCOL:
        return offered[1], offered[0], False
    if token := query_params.get("token", ""):
        return token, None, False
    scheme, _, credentials = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip(), None, True
    return "", None, False
