"""Sessions: short access tokens renewed by rotating refresh tokens (a reused one ends the
session), logout, a password change that ends every session, a reset by email, and the
audit log of it all."""

import re
import time

import httpx
from argon2 import PasswordHasher

from tests.factories import Api


def _login(api: Api, email: str, password: str) -> dict:
    reply = api.anonymous.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert reply.status_code == 200, reply.text
    return reply.json()


def _as(api: Api, tokens: dict) -> httpx.Client:
    return httpx.Client(
        base_url=api.base_url, timeout=30, headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )


def _refresh(api: Api, refresh_token: str) -> httpx.Response:
    return api.anonymous.post("/api/v1/auth/refresh", json={"refresh_token": refresh_token})


def test_access_tokens_are_short_and_refresh_tokens_rotate(api):
    user = api.new_user()
    tokens = _login(api, user.email, user.password)
    assert tokens["expires_in"] <= 15 * 60
    assert tokens["refresh_token"] and tokens["refresh_expires_in"] > tokens["expires_in"]
    renewed = _refresh(api, tokens["refresh_token"])
    assert renewed.status_code == 200, renewed.text
    second = renewed.json()
    assert second["refresh_token"] != tokens["refresh_token"]
    assert _as(api, second).get("/api/v1/auth/me").json()["id"] == user.id
    # The next one works in turn.
    assert _refresh(api, second["refresh_token"]).status_code == 200


def test_a_reused_refresh_token_ends_the_whole_session(api):
    user = api.new_user()
    stolen = _login(api, user.email, user.password)
    owner = _refresh(api, stolen["refresh_token"]).json()  # the owner refreshes first
    replay = _refresh(api, stolen["refresh_token"])  # the copy is used afterwards
    assert replay.status_code == 401
    assert "already used" in replay.json()["error"]["message"]
    # Everything of that session stops: the owner's new refresh token and access token too.
    assert _refresh(api, owner["refresh_token"]).status_code == 401
    assert _as(api, owner).get("/api/v1/auth/me").status_code == 401
    # Other sessions of the same person are untouched.
    other = _login(api, user.email, user.password)
    assert _as(api, other).get("/api/v1/auth/me").status_code == 200


def test_logout_ends_the_session_at_once(api):
    user = api.new_user()
    tokens = _login(api, user.email, user.password)
    client = _as(api, tokens)
    assert client.get("/api/v1/posts").status_code == 200
    assert client.post("/api/v1/auth/logout").status_code == 204
    after = client.get("/api/v1/posts")
    assert after.status_code == 401 and "session has ended" in after.json()["error"]["message"]
    assert _refresh(api, tokens["refresh_token"]).status_code == 401
    # The factory's own session (another sign-in) still works.
    assert user.client.get("/api/v1/posts").status_code == 200


def test_a_password_change_ends_every_session(api):
    user = api.new_user()
    laptop = _login(api, user.email, user.password)
    phone = _login(api, user.email, user.password)
    wrong = _as(api, laptop).post(
        "/api/v1/auth/password", json={"current_password": "not it at all", "new_password": "new secret pw"}
    )
    assert wrong.status_code == 401
    short = _as(api, laptop).post(
        "/api/v1/auth/password", json={"current_password": user.password, "new_password": "short"}
    )
    assert short.status_code == 422 and short.json()["error"]["fields"][0]["field"] == "new_password"
    changed = _as(api, laptop).post(
        "/api/v1/auth/password", json={"current_password": user.password, "new_password": "a new secret pw"}
    )
    assert changed.status_code == 200, changed.text
    assert _as(api, phone).get("/api/v1/auth/me").status_code == 401
    assert _as(api, laptop).get("/api/v1/auth/me").status_code == 401
    assert _refresh(api, phone["refresh_token"]).status_code == 401
    assert _as(api, changed.json()).get("/api/v1/auth/me").status_code == 200
    assert (
        api.anonymous.post(
            "/api/v1/auth/login", json={"email": user.email, "password": user.password}
        ).status_code
        == 401
    )
    _login(api, user.email, "a new secret pw")


def _reset_token(smtp_sink, address: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while not smtp_sink.to(address):
        assert time.monotonic() < deadline, "no reset email"
        time.sleep(0.1)
    body = smtp_sink.to(address)[-1].get_content()
    return re.search(r"token=([A-Za-z0-9_\-]+)", body).group(1)


def test_a_forgotten_password_is_reset_by_email_once(api, smtp_sink):
    user = api.new_user()
    session = _login(api, user.email, user.password)
    asked = api.anonymous.post("/api/v1/auth/password-reset", json={"email": user.email})
    assert asked.status_code == 202
    # An unknown address gets the same answer, and no email.
    nobody = f"nobody-{user.email}"
    assert api.anonymous.post("/api/v1/auth/password-reset", json={"email": nobody}).status_code == 202
    token = _reset_token(smtp_sink, user.email)
    confirm = api.anonymous.post(
        "/api/v1/auth/password-reset/confirm", json={"token": token, "new_password": "chosen after reset"}
    )
    assert confirm.status_code == 204, confirm.text
    again = api.anonymous.post(
        "/api/v1/auth/password-reset/confirm", json={"token": token, "new_password": "another one please"}
    )
    assert again.status_code == 422 and again.json()["error"]["fields"][0]["field"] == "token"
    assert _as(api, session).get("/api/v1/auth/me").status_code == 401
    _login(api, user.email, "chosen after reset")
    assert smtp_sink.to(nobody) == []


def test_the_audit_log_keeps_sign_ins_password_changes_and_accounts(api, publisher):
    _login(api, publisher.email, publisher.password)
    api.anonymous.post("/api/v1/auth/login", json={"email": publisher.email, "password": "wrong guess"})
    publisher.client.delete(f"/api/v1/accounts/{publisher.account_id}")
    events = publisher.client.get("/api/v1/auth/audit").json()["items"]
    kinds = [e["kind"] for e in events]
    for kind in ("registered", "signed_in", "sign_in_failed", "account_connected", "account_disconnected"):
        assert kind in kinds, kinds
    assert kinds.index("account_disconnected") < kinds.index("registered")  # newest first
    connected = next(e for e in events if e["kind"] == "account_connected")
    assert connected["detail"]["account_id"] == publisher.account_id
    assert all(e["ip"] == "127.0.0.1" for e in events if e["kind"] == "signed_in")
    # Another user sees none of it.
    assert api.new_user().client.get("/api/v1/auth/audit").json()["items"][0]["kind"] == "registered"


def test_a_password_hashed_with_older_parameters_is_rehashed_at_login(api, db):
    user = api.new_user()
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(user.password)
    db.execute("UPDATE users.users SET password_hash = %s WHERE id = %s", (weak, user.id))
    _login(api, user.email, user.password)
    stored = db.execute("SELECT password_hash FROM users.users WHERE id = %s", (user.id,)).fetchone()[0]
    assert stored != weak and not PasswordHasher().check_needs_rehash(stored)
    _login(api, user.email, user.password)
