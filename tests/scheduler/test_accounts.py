"""Connecting Instagram accounts through the API; tokens are checked, sealed, never shown."""

import random

import httpx
import pytest


@pytest.fixture(scope="module")
def instagram(graph_simulator) -> httpx.Client:
    return httpx.Client(base_url=graph_simulator, timeout=10)


def simulated_account(instagram, username="harbour_studio") -> tuple[str, str]:
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}-secret"
    reply = instagram.post(
        "/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token, "username": username}
    )
    assert reply.status_code == 201
    return ig_user_id, token


def test_connect_list_and_disconnect(api, instagram, db):
    user = api.new_user()
    ig_user_id, token = simulated_account(instagram)
    reply = user.client.post("/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    assert reply.status_code == 201, reply.text
    account = reply.json()
    assert account["username"] == "harbour_studio"
    assert account["ig_user_id"] == ig_user_id
    assert token not in reply.text

    listed = user.client.get("/api/v1/accounts")
    assert [a["id"] for a in listed.json()] == [account["id"]]
    assert token not in listed.text

    stored = db.execute(
        "SELECT token_ciphertext FROM scheduler.instagram_accounts WHERE id = %s", (account["id"],)
    ).fetchone()[0]
    assert stored and token.encode() not in bytes(stored), "the token is stored encrypted"

    assert user.client.delete(f"/api/v1/accounts/{account['id']}").status_code == 204
    assert user.client.get("/api/v1/accounts").json() == []
    gone = db.execute(
        "SELECT token_ciphertext FROM scheduler.instagram_accounts WHERE id = %s", (account["id"],)
    ).fetchone()[0]
    assert gone is None, "a disconnected account's token is forgotten"
    assert user.client.delete(f"/api/v1/accounts/{account['id']}").status_code == 404


def test_a_token_instagram_refuses_is_a_422_on_access_token(api, instagram):
    user = api.new_user()
    ig_user_id, _ = simulated_account(instagram)
    reply = user.client.post("/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": "stolen"})
    assert reply.status_code == 422
    assert reply.json()["error"]["fields"][0]["field"] == "access_token"
    unknown = user.client.post("/api/v1/accounts", json={"ig_user_id": "1234", "access_token": "x"})
    assert unknown.json()["error"]["fields"][0]["field"] == "ig_user_id"
    malformed = user.client.post("/api/v1/accounts", json={"ig_user_id": "@harbour", "access_token": ""})
    assert {f["field"] for f in malformed.json()["error"]["fields"]} == {"ig_user_id", "access_token"}
    assert user.client.get("/api/v1/accounts").json() == []


def test_connecting_twice_is_a_conflict_but_two_users_may_share_an_account(api, instagram):
    first, second = api.new_user(), api.new_user()
    ig_user_id, token = simulated_account(instagram)
    body = {"ig_user_id": ig_user_id, "access_token": token}
    assert first.client.post("/api/v1/accounts", json=body).status_code == 201
    again = first.client.post("/api/v1/accounts", json=body)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "account_already_connected"
    assert second.client.post("/api/v1/accounts", json=body).status_code == 201


def test_instagram_down_is_a_503_and_nothing_is_saved(api, instagram):
    user = api.new_user()
    ig_user_id, token = simulated_account(instagram)
    instagram.post("/_simulator/faults", json={"kind": "transient", "ig_user_id": ig_user_id})
    reply = user.client.post("/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    assert reply.status_code == 503
    assert reply.json()["error"]["code"] == "instagram_unavailable"
    assert user.client.get("/api/v1/accounts").json() == []


def test_another_users_account_is_not_found(api, instagram):
    owner, intruder = api.new_user(), api.new_user()
    ig_user_id, token = simulated_account(instagram)
    account = owner.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token}
    ).json()
    assert intruder.client.delete(f"/api/v1/accounts/{account['id']}").status_code == 404
    assert intruder.client.get("/api/v1/accounts").json() == []
    assert [a["id"] for a in owner.client.get("/api/v1/accounts").json()] == [account["id"]]
