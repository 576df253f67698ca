"""Helpers for tests of teams: a workspace made, a person invited into it by email and
joined, and clients that act in a workspace (the X-Postflow-Workspace header)."""

import random
import re
import time
from dataclasses import dataclass

import httpx

from tests.factories import User

HEADER = "X-Postflow-Workspace"


@dataclass
class Member:
    user: User
    client: httpx.Client  # acts in the workspace
    role: str


def acting_in(api, user: User, workspace_id: str) -> httpx.Client:
    return httpx.Client(
        base_url=api.base_url,
        timeout=30,
        headers={"Authorization": user.client.headers["Authorization"], HEADER: workspace_id},
    )


def new_workspace(owner: User, name: str = "Harbour Agency") -> dict:
    reply = owner.client.post("/api/v1/workspaces", json={"name": name})
    assert reply.status_code == 201, reply.text
    return reply.json()


def invitation_token(smtp_sink, address: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while not smtp_sink.to(address):
        assert time.monotonic() < deadline, f"no invitation mailed to {address}"
        time.sleep(0.1)
    body = smtp_sink.to(address)[-1].get_content()
    return re.search(r"#/invitation\?token=([A-Za-z0-9_\-]+)", body).group(1)


def join(api, smtp_sink, inviter: User, workspace_id: str, role: str) -> Member:
    """A new person, invited by email with `role`, who accepts from the mailed link."""
    person = api.new_user()
    invited = inviter.client.post(
        f"/api/v1/workspaces/{workspace_id}/invitations", json={"email": person.email, "role": role}
    )
    assert invited.status_code == 201, invited.text
    accepted = person.client.post(
        "/api/v1/invitations/accept", json={"token": invitation_token(smtp_sink, person.email)}
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["role"] == role
    return Member(person, acting_in(api, person, workspace_id), role)


def try_connecting(client: httpx.Client, instagram) -> httpx.Response:
    """Connects a new simulated Instagram account in the client's workspace (the answer as it
    comes: a role may be refused)."""
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    instagram.post("/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    reply = client.post("/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    reply.ig_user_id = ig_user_id
    return reply


def connected_account(client: httpx.Client, instagram) -> tuple[str, str]:
    """(account id, Instagram user id) of a new account with no minimum gap between posts."""
    reply = try_connecting(client, instagram)
    assert reply.status_code == 201, reply.text
    account_id = reply.json()["id"]
    assert client.patch(f"/api/v1/accounts/{account_id}", json={"min_gap_minutes": 0}).status_code == 200
    return account_id, reply.ig_user_id
