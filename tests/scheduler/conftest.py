"""A user with a connected (simulated) Instagram account, and the simulator's control API."""

import random

import httpx
import pytest


@pytest.fixture(scope="module")
def instagram(graph_simulator) -> httpx.Client:
    return httpx.Client(base_url=graph_simulator, timeout=10)


@pytest.fixture
def publisher(api, instagram):
    """A user with one connected (simulated) Instagram account."""
    user = api.new_user()
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    instagram.post("/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    account = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token}
    ).json()
    user.account_id = account["id"]
    user.ig_user_id = ig_user_id
    return user
