"""The gateway's request limits: sign-in attempts per client IP and per email, and requests
per signed-in user. Kept per gateway process: a deployment with N gateways allows N times
as much, still bounded (the users service's lockout is shared)."""

import ipaddress

from fastapi import Request

from lib.common.config import Settings
from lib.common.errors import rate_limited
from lib.common.rate_limits import RateLimiter


class GatewayLimits:
    def __init__(self, settings: Settings) -> None:
        self._by_ip = RateLimiter(
            per_second=settings.auth_attempts_per_ip_per_minute / 60,
            burst=settings.auth_attempts_per_ip_per_minute,
        )
        self._by_email = RateLimiter(
            per_second=settings.auth_attempts_per_email_per_minute / 60,
            burst=settings.auth_attempts_per_email_per_minute,
        )
        self._by_user = RateLimiter(
            per_second=settings.api_requests_per_user_per_second, burst=settings.api_burst_per_user
        )
        self._client_review = RateLimiter(
            per_second=settings.client_review_requests_per_ip_per_minute / 60,
            burst=settings.client_review_requests_per_ip_per_minute,
        )
        self._proxies = trusted_networks(settings.trusted_proxies)

    def client_ip(self, request: Request) -> str:
        """The caller's address; behind a trusted proxy, the last one it saw forward."""
        peer = request.client.host if request.client else ""
        if _within(peer, self._proxies):
            forwarded = [
                a.strip() for a in request.headers.get("x-forwarded-for", "").split(",") if a.strip()
            ]
            if forwarded:
                return forwarded[-1]
        return peer

    def sign_in_attempt(self, request: Request, email: str | None) -> None:
        """A login, registration or password reset may go ahead; else a 429 with Retry-After."""
        wait = self._by_ip.take(client_key(self.client_ip(request)))
        if wait:
            raise rate_limited("Too many sign-in attempts from your address; wait and try again", wait)
        if email is None:
            return
        wait = self._by_email.take(email.strip().lower())
        if wait:
            raise rate_limited("Too many sign-in attempts for this email; wait and try again", wait)

    def client_review(self, request: Request) -> None:
        """A request of a client's review page (no sign-in) may go ahead."""
        wait = self._client_review.take(client_key(self.client_ip(request)))
        if wait:
            raise rate_limited("Too many requests from your address; wait and try again", wait)

    def api_request(self, user_id: str) -> None:
        wait = self._by_user.take(user_id)
        if wait:
            raise rate_limited("Too many requests; slow down", wait)


def client_key(address: str) -> str:
    """What an address's sign-in budget is kept under: an IPv4 address, or an IPv6 address's
    /64 (one home or server is handed a whole /64: keyed by full address, it had unlimited
    budgets)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv4Address):
        return str(parsed)
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def trusted_networks(setting: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """POSTFLOW_TRUSTED_PROXIES: addresses or networks (an ingress controller's pods have no
    fixed address, only the cluster's pod network)."""
    networks = []
    for entry in (e.strip() for e in setting.split(",")):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError as err:
            raise SystemExit(f"POSTFLOW_TRUSTED_PROXIES: {entry!r} is not an address or a network") from err
    return tuple(networks)


def _within(peer: str, networks) -> bool:
    if not networks:
        return False  # no proxy trusted: nothing to parse on every request
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(address in network for network in networks)
