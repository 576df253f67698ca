"""Sign-in and API limits: 429s with Retry-After per client IP, per email and per user, a
growing lockout after repeated failed logins, and a bounded number of password hashes.

The sign-in limits are tried on a gateway of their own with small limits, in front of the
session's services (the session's gateway lets every test sign up from this one address)."""

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from devtools import stack
from lib.common.config import Settings
from lib.common.rate_limits import RateLimiter
from services.gateway.rate_limits import client_key, trusted_networks
from services.users.lockout import lock_for
from tests.processes import start_service, stop


@pytest.fixture(scope="module")
def strict_gateway(system, tmp_path_factory):
    port = stack.free_port()
    process = start_service(
        system,
        "services.gateway.main",
        port,
        Path(tmp_path_factory.mktemp("strict")) / "gateway.log",
        POSTFLOW_GATEWAY_PORT=str(port),
        POSTFLOW_AUTH_ATTEMPTS_PER_IP_PER_MINUTE="8",
        POSTFLOW_AUTH_ATTEMPTS_PER_EMAIL_PER_MINUTE="4",
        POSTFLOW_API_REQUESTS_PER_USER_PER_SECOND="5",
        POSTFLOW_API_BURST_PER_USER="10",
        POSTFLOW_TRUSTED_PROXIES="10.0.0.0/8, 127.0.0.0/8",
        POSTFLOW_CLIENT_REVIEW_REQUESTS_PER_IP_PER_MINUTE="5",
    )
    yield f"http://127.0.0.1:{port}"
    stop(process)


def _from(address: str) -> dict:
    """Requests that the gateway sees as coming from `address` (through a trusted proxy)."""
    return {"X-Forwarded-For": f"203.0.113.9, {address}"}


def _login(base_url: str, email: str, password: str, address: str) -> httpx.Response:
    return httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": email, "password": password},
        headers=_from(address),
        timeout=30,
    )


def test_a_client_review_page_is_limited_per_address(strict_gateway):
    """No sign-in guards it: guessing links from one address runs out fast."""
    address = f"198.51.100.{uuid.uuid4().int % 250}"
    replies = [
        httpx.get(f"{strict_gateway}/api/v1/client-review/guess-{n}", headers=_from(address), timeout=30)
        for n in range(6)
    ]
    assert [r.status_code for r in replies] == [404] * 5 + [429]
    assert int(replies[-1].headers["Retry-After"]) >= 1
    other = httpx.get(f"{strict_gateway}/api/v1/client-review/guess", headers=_from("192.0.2.7"), timeout=30)
    assert other.status_code == 404


def test_sign_ins_from_one_address_are_limited_with_retry_after(strict_gateway):
    address = f"198.51.100.{uuid.uuid4().int % 250}"
    replies = [
        httpx.post(
            f"{strict_gateway}/api/v1/auth/register",
            json={"email": f"ip-{uuid.uuid4().hex[:10]}@example.com", "password": "long enough pw"},
            headers=_from(address),
            timeout=30,
        )
        for _ in range(10)
    ]
    statuses = [r.status_code for r in replies]
    assert statuses[:8] == [201] * 8 and statuses[8:] == [429, 429]
    refused = replies[-1]
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["error"]["code"] == "rate_limited"
    # Another address is not affected.
    other = httpx.post(
        f"{strict_gateway}/api/v1/auth/register",
        json={"email": f"ip-{uuid.uuid4().hex[:10]}@example.com", "password": "long enough pw"},
        headers=_from("192.0.2.77"),
        timeout=30,
    )
    assert other.status_code == 201


def test_logins_for_one_email_are_limited_from_any_address(api, strict_gateway):
    person = api.new_user()
    statuses = [
        _login(strict_gateway, person.email, person.password, f"192.0.2.{i}").status_code for i in range(6)
    ]
    assert statuses == [200, 200, 200, 200, 429, 429]


def test_repeated_failed_logins_lock_the_email_for_longer_and_longer(api):
    """Through the session's gateway: the lockout lives in the users service."""
    person = api.new_user()
    wrong = [
        api.anonymous.post("/api/v1/auth/login", json={"email": person.email, "password": "wrong guess"})
        for _ in range(7)
    ]
    assert [r.status_code for r in wrong] == [401] * 6 + [429]
    retry = int(wrong[-1].headers["Retry-After"])
    assert 1 <= retry <= 30
    # Even the right password is refused while locked: guessing gains nothing.
    right = api.anonymous.post(
        "/api/v1/auth/login", json={"email": person.email, "password": person.password}
    )
    assert right.status_code == 429
    # An unknown address locks the same way (a lock does not tell whether an account exists).
    unknown = f"nobody-{uuid.uuid4().hex[:8]}@example.com"
    codes = [
        api.anonymous.post("/api/v1/auth/login", json={"email": unknown, "password": "x" * 10}).status_code
        for _ in range(7)
    ]
    assert codes == [401] * 6 + [429]


def test_the_lockout_doubles_up_to_its_maximum():
    settings = Settings(environment="local")
    free = settings.login_free_failures
    assert lock_for(free, settings) is None
    steps = [lock_for(free + n, settings).total_seconds() for n in range(1, 12)]
    assert steps[:4] == [30, 60, 120, 240]
    assert steps[-1] == settings.login_lockout_max_seconds


def test_a_lockout_ends_and_a_success_clears_the_count(api, db):
    person = api.new_user()
    for _ in range(6):
        api.anonymous.post("/api/v1/auth/login", json={"email": person.email, "password": "wrong guess"})
    # Time passes (the lock's end moved into the past).
    db.execute(
        "UPDATE users.login_failures SET locked_until = now() - interval '1 second' WHERE email_key = %s",
        (person.email.lower(),),
    )
    ok = api.anonymous.post("/api/v1/auth/login", json={"email": person.email, "password": person.password})
    assert ok.status_code == 200
    count = db.execute(
        "SELECT count(*) FROM users.login_failures WHERE email_key = %s", (person.email.lower(),)
    ).fetchone()[0]
    assert count == 0


def test_failures_long_apart_never_lock_their_owner_out(api, db):
    # One wrong password now and then (a typo an hour): the count starts again after quiet.
    person = api.new_user()
    key = person.email.lower()
    for _ in range(12):
        reply = api.anonymous.post(
            "/api/v1/auth/login", json={"email": person.email, "password": "typo typo"}
        )
        assert reply.status_code == 401, reply.text
        # The last failure was 16 minutes ago (the default forgets after 15).
        db.execute(
            "UPDATE users.login_failures SET last_failure_at = now() - interval '16 minutes'"
            " WHERE email_key = %s",
            (key,),
        )
    failures = db.execute(
        "SELECT failures FROM users.login_failures WHERE email_key = %s", (key,)
    ).fetchone()[0]
    assert failures == 1
    ok = api.anonymous.post("/api/v1/auth/login", json={"email": person.email, "password": person.password})
    assert ok.status_code == 200


def test_each_user_is_limited_on_the_whole_api(api, strict_gateway):
    person = api.new_user()
    client = httpx.Client(base_url=strict_gateway, headers=person.client.headers, timeout=30)
    statuses = [client.get("/api/v1/posts").status_code for _ in range(14)]
    assert statuses.count(200) >= 10 and statuses[-1] == 429
    # Someone else is not slowed by it.
    other = api.new_user()
    assert (
        httpx.get(f"{strict_gateway}/api/v1/posts", headers=other.client.headers, timeout=30).status_code
        == 200
    )
    time.sleep(0.5)  # refilled at 5 per second
    assert client.get("/api/v1/posts").status_code == 200


def test_a_flood_of_logins_is_bounded_by_the_hashing_queue_and_other_logins_finish(api):
    """Far more concurrent logins than the users service hashes at once: every one ends
    with an answer (200, 401 or a 429 from the queue), none with a 5xx."""
    person = api.new_user()
    strangers = [f"flood-{uuid.uuid4().hex[:8]}@example.com" for _ in range(80)]

    def attempt(email: str) -> int:
        return api.anonymous.post(
            "/api/v1/auth/login", json={"email": email, "password": "not the password"}
        ).status_code

    with ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(attempt, strangers))
    assert set(answers) <= {401, 429}
    mine = api.anonymous.post("/api/v1/auth/login", json={"email": person.email, "password": person.password})
    assert mine.status_code == 200


def test_the_token_bucket_forgets_the_oldest_keys_beyond_its_capacity():
    limiter = RateLimiter(per_second=1, burst=1, max_keys=3)
    assert limiter.take("a") == 0
    assert limiter.take("a") > 0
    for key in ("b", "c", "d"):
        limiter.take(key)
    assert limiter.take("a") == 0  # "a" was forgotten: bounded memory, not a bypass of note


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("not an address", "not an address"),
    ],
)
def test_an_ipv6_client_is_limited_by_its_64(address, key):
    assert client_key(address) == key


def test_trusted_proxies_are_addresses_or_networks_and_nonsense_stops_the_start():
    networks = trusted_networks(" 10.0.0.0/8, 192.0.2.7 ,, fd00::/8")
    assert [str(n) for n in networks] == ["10.0.0.0/8", "192.0.2.7/32", "fd00::/8"]
    with pytest.raises(SystemExit, match="'10.0.0.0/33' is not an address or a network"):
        trusted_networks("10.0.0.0/33")
