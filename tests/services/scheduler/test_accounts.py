"""Connecting Instagram accounts through the API; tokens are checked, sealed, never shown."""

import random

import pytest


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
    _, other_token = simulated_account(instagram)
    unknown = user.client.post("/api/v1/accounts", json={"ig_user_id": "1234", "access_token": other_token})
    assert unknown.json()["error"]["fields"][0]["field"] == "ig_user_id"
    malformed = user.client.post("/api/v1/accounts", json={"ig_user_id": "@harbour", "access_token": ""})
    assert {f["field"] for f in malformed.json()["error"]["fields"]} == {"ig_user_id", "access_token"}
    # A token travels in an HTTP header: one that cannot is refused, not a failed request (502).
    for token in ("tök€n", "two words", "line\nbreak"):
        odd = user.client.post("/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
        assert odd.status_code == 422, odd.text
        assert odd.json()["error"]["fields"][0]["field"] == "access_token"
    assert user.client.get("/api/v1/accounts").json() == []


def test_connecting_again_replaces_the_token_in_place_and_two_users_may_share_an_account(api, instagram, db):
    first, second = api.new_user(), api.new_user()
    ig_user_id, token = simulated_account(instagram)
    body = {"ig_user_id": ig_user_id, "access_token": token}
    connected = first.client.post("/api/v1/accounts", json=body).json()
    sealed = db.execute(
        "SELECT token_ciphertext FROM scheduler.instagram_accounts WHERE id = %s", (connected["id"],)
    ).fetchone()[0]
    again = first.client.post("/api/v1/accounts", json=body)
    assert again.status_code == 201, again.text
    assert again.json()["id"] == connected["id"], "same account, schedule untouched"
    resealed = db.execute(
        "SELECT token_ciphertext FROM scheduler.instagram_accounts WHERE id = %s", (connected["id"],)
    ).fetchone()[0]
    assert bytes(resealed) != bytes(sealed)
    assert [a["id"] for a in first.client.get("/api/v1/accounts").json()] == [connected["id"]]
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


def test_an_account_keeps_its_own_minimum_gap_between_posts(publisher, api):
    account = f"/api/v1/accounts/{publisher.account_id}"
    assert publisher.client.get("/api/v1/accounts").json()[0]["min_gap_minutes"] == 10
    reply = publisher.client.patch(account, json={"min_gap_minutes": 60})
    assert reply.status_code == 200, reply.text
    assert reply.json()["min_gap_minutes"] == 60

    first, second = publisher.create_post(), publisher.create_post()
    body = {"timezone": "Europe/Paris", "account_id": publisher.account_id}
    at = {"scheduled_time": "2031-09-01T09:00", **body}
    assert publisher.client.post(f"/api/v1/posts/{first['id']}/schedule", json=at).status_code == 200
    later = {**at, "scheduled_time": "2031-09-01T09:45"}
    clash = publisher.client.post(f"/api/v1/posts/{second['id']}/schedule", json=later)
    assert clash.status_code == 409
    assert "60 minutes apart" in clash.json()["error"]["message"]
    assert publisher.client.patch(account, json={"min_gap_minutes": 30}).status_code == 200
    assert publisher.client.post(f"/api/v1/posts/{second['id']}/schedule", json=later).status_code == 200
    for post in (first, second):
        publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule")


@pytest.mark.parametrize("value", [-1, 1441, "ten", None])
def test_a_bad_gap_is_a_422_naming_it_and_changes_nothing(publisher, value):
    account = f"/api/v1/accounts/{publisher.account_id}"
    body = {"min_gap_minutes": value} if value is not None else {"colour": "red"}
    reply = publisher.client.patch(account, json=body)
    assert reply.status_code == 422, reply.text
    field = reply.json()["error"]["fields"][0]["field"]
    assert field == ("colour" if value is None else "min_gap_minutes")
    assert publisher.client.get("/api/v1/accounts").json()[0]["min_gap_minutes"] == 10


def test_another_users_account_settings_cannot_be_changed(publisher, api):
    stranger = api.new_user()
    reply = stranger.client.patch(f"/api/v1/accounts/{publisher.account_id}", json={"min_gap_minutes": 0})
    assert reply.status_code == 404
