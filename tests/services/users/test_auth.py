"""Register, log in, and what every endpoint does without a valid token."""

import time
import uuid

import jwt
import pytest

from lib.common.auth_tokens import key_id
from lib.common.config import LOCAL_JWT_SECRET


def test_register_returns_a_token_that_works(api):
    user = api.new_user(name="Ada", timezone="Europe/Paris")
    me = user.client.get("/api/v1/auth/me")
    assert me.status_code == 200
    assert me.json()["email"] == user.email
    assert me.json()["timezone"] == "Europe/Paris"
    assert "password" not in me.text


def test_login_with_the_right_password(api):
    user = api.new_user()
    reply = api.anonymous.post(
        "/api/v1/auth/login", json={"email": user.email.upper(), "password": user.password}
    )
    assert reply.status_code == 200
    body = reply.json()
    assert body["token_type"] == "bearer"
    assert body["user"]["id"] == user.id
    assert body["expires_in"] > 0
    me = api.anonymous.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["id"] == user.id


@pytest.mark.parametrize("email_known", [True, False])
def test_login_refused_with_one_message(api, email_known):
    user = api.new_user()
    email = user.email if email_known else "nobody-" + user.email
    reply = api.anonymous.post("/api/v1/auth/login", json={"email": email, "password": "wrong password"})
    assert reply.status_code == 401
    assert reply.json()["error"]["message"] == "Email or password is incorrect"


def test_register_same_email_twice_is_a_conflict(api):
    user = api.new_user()
    reply = api.anonymous.post(
        "/api/v1/auth/register", json={"email": user.email.upper(), "password": "another password"}
    )
    assert reply.status_code == 409
    assert reply.json()["error"]["code"] == "email_taken"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-email", "password": "long enough"}, "email"),
        ({"email": "a@example.com", "password": "short"}, "password"),
        ({"email": "b@example.com", "password": "long enough", "timezone": "Mars/Olympus"}, "timezone"),
        ({"email": "c@example.com"}, "password"),
        ({"email": 42, "password": "long enough"}, "email"),
    ],
)
def test_register_names_the_bad_field(api, body, field):
    reply = api.anonymous.post("/api/v1/auth/register", json=body)
    assert reply.status_code == 422
    assert field in [f["field"] for f in reply.json()["error"]["fields"]]


def _token(user_id: str, secret: str, expires_in: int) -> str:
    now = int(time.time())
    payload = {
        "sub": user_id,
        "sid": str(uuid.uuid4()),
        "iat": now,
        "exp": now + expires_in,
        "iss": "postflow",
    }
    return jwt.encode(payload, secret, algorithm="HS256", headers={"kid": key_id(secret)})


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer not.a.jwt"},
    ],
)
def test_api_needs_a_token(api, headers):
    reply = api.anonymous.get("/api/v1/posts", headers=headers)
    assert reply.status_code == 401
    assert reply.headers["www-authenticate"] == "Bearer"
    assert reply.json()["error"]["code"] == "unauthenticated"


def test_expired_and_forged_tokens_are_refused(api):
    user = api.new_user()
    expired = _token(user.id, LOCAL_JWT_SECRET, expires_in=-10)
    forged = _token(user.id, "someone else's secret, long enough for HS256", expires_in=600)
    for token, word in ((expired, "expired"), (forged, "not valid")):
        reply = api.anonymous.get("/api/v1/posts", headers={"Authorization": f"Bearer {token}"})
        assert reply.status_code == 401
        assert word in reply.json()["error"]["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/v1/posts"),
        ("GET", "/api/v1/posts/00000000-0000-0000-0000-000000000000"),
        ("POST", "/api/v1/posts/bulk"),
        ("GET", "/api/v1/templates"),
        ("GET", "/api/v1/hashtags/suggest"),
        ("GET", "/api/v1/posts/00000000-0000-0000-0000-000000000000/versions"),
    ],
)
def test_every_endpoint_requires_a_token(api, method, path):
    reply = api.anonymous.request(method, path, json={})
    assert reply.status_code == 401
