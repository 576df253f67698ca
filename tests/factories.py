"""Test data and a thin HTTP client: users who register, posts built from defaults."""

import uuid
from dataclasses import dataclass
from typing import Any

import httpx


def post_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "caption": "Morning light over the harbour",
        "hashtags": ["harbour", "#sunrise"],
        "media": [{"url": "https://cdn.example.com/harbour.jpg"}],
        "post_type": "photo",
        "tags": ["campaign-a"],
        "metadata": {"shoot": {"camera": "X100V", "iso": 200}},
    }
    body.update(overrides)
    return body


@dataclass
class User:
    id: str
    email: str
    password: str
    client: httpx.Client

    def create_post(self, **overrides: Any) -> dict[str, Any]:
        reply = self.client.post("/api/v1/posts", json=post_body(**overrides))
        assert reply.status_code == 201, reply.text
        return reply.json()


class Api:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.anonymous = httpx.Client(base_url=base_url, timeout=30)

    def new_user(self, **overrides: Any) -> User:
        email = overrides.pop("email", f"user-{uuid.uuid4().hex[:12]}@example.com")
        password = overrides.pop("password", "correct horse battery")
        reply = self.anonymous.post(
            "/api/v1/auth/register", json={"email": email, "password": password, **overrides}
        )
        assert reply.status_code == 201, reply.text
        body = reply.json()
        client = httpx.Client(
            base_url=self.base_url,
            timeout=30,
            headers={"Authorization": f"Bearer {body['access_token']}"},
        )
        return User(body["user"]["id"], email, password, client)
