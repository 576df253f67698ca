"""Where the server may send a request a user named (a webhook, a media URL pre-flight
fetches as Instagram would): an http(s) URL whose host resolves only to public addresses,
unless the server allows private ones (POSTFLOW_WEBHOOK_ALLOW_PRIVATE_HOSTS).

Checked when the URL is saved and again before every delivery, and the delivery then
connects to the very address that was checked: a name that resolved to a public address
when it was saved and resolves to one inside the network later (DNS rebinding) reaches
nothing there."""

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import httpx

MAX_LENGTH = 2000


class Refused(Exception):
    """The URL may not be sent to; str() says why, in words for the user."""


class Unresolved(Refused):
    """The host does not resolve now: refused when saving, retried when delivering."""


@dataclass(frozen=True)
class Target:
    """What one delivery sends its request to."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, str] = field(default_factory=dict)


def form_problem(url: str) -> str:
    """Why the URL itself is unusable, or ''."""
    if len(url) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters"
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return "must not contain spaces or control characters"
    try:
        httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as err:
        return f"is not a valid URL ({err})"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "must be an http(s) URL"
    try:
        parts.port  # noqa: B018 - parsing it is the check
    except ValueError:
        return "has an invalid port"
    return ""


def pinned(url: str, address: str) -> Target:
    """The request for `url` sent to `address`: the URL names the address; the host goes in
    the Host header and in TLS (SNI, and the certificate is checked against it)."""
    parts = urlsplit(url)
    userinfo, _, host_and_port = parts.netloc.rpartition("@")
    literal = f"[{address}]" if ":" in address else address
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    if userinfo:
        netloc = f"{userinfo}@{netloc}"
    return Target(
        urlunsplit(parts._replace(netloc=netloc)),
        headers={"host": host_and_port},
        extensions={"sni_hostname": parts.hostname},
    )


async def _addresses(host: str, port: int) -> list[str]:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise Unresolved("its host does not resolve") from err
    return list(dict.fromkeys(info[4][0] for info in infos))


async def target(url: str, allow_private: bool) -> Target:
    """Where a delivery to `url` goes now; Refused when it may not receive webhooks."""
    if problem := form_problem(url):
        raise Refused(problem)
    if allow_private:
        return Target(url)
    parts = urlsplit(url)
    addresses = await _addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    # Every address, not just the first: the connection could be made to any of them.
    if not addresses or any(not ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses):
        raise Refused("must not point to a private, loopback or link-local address")
    return pinned(url, addresses[0])
