"""Meta's usage headers: when a throttled call says access comes back, read from the
headers the simulator sends as Meta documents them; a malformed header says nothing."""

import json

import pytest

from lib.instagram import errors, usage
from tests.lib.instagram.conftest import IMAGE, Simulator


def _business(minutes, **extra) -> dict[str, str]:
    entry = {"type": "instagram", "call_count": 97, "estimated_time_to_regain_access": minutes, **extra}
    return {"x-business-use-case-usage": json.dumps({"1784": [entry]})}


def test_the_longest_estimate_is_when_access_comes_back():
    assert usage.regain_seconds(_business(3)) == 180
    assert usage.highest_percent(_business(3) | {"x-app-usage": json.dumps({"call_count": 12})}) == 97
    assert usage.regain_seconds({"x-app-usage": json.dumps({"call_count": 100})}) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"x-business-use-case-usage": "not json"},
        {"x-business-use-case-usage": "[1, 2]"},
        {"x-business-use-case-usage": json.dumps({"1": "x"})},
        {"x-business-use-case-usage": "{" + " " * 20_000 + "}"},
    ],
)
def test_a_missing_or_malformed_header_says_nothing(headers):
    assert usage.regain_seconds(headers) == 0
    assert usage.highest_percent(headers) == 0


@pytest.mark.parametrize("estimate", [-5, "soon", True, None])
def test_an_estimate_that_is_not_a_number_of_minutes_is_no_estimate(estimate):
    assert usage.regain_seconds(_business(estimate)) == 0
    assert usage.highest_percent(_business(estimate)) == 97


async def test_a_throttled_call_carries_metas_estimate(graph_simulator, client):
    sim = Simulator(graph_simulator)
    account, token = sim.account()
    sim.fault(kind="business_throttle", ig_user_id=account, endpoint="create", seconds=150)
    with pytest.raises(errors.RateLimited) as throttled:
        await client.create_container(account, token, image_url=IMAGE)
    assert throttled.value.code == 80002
    assert throttled.value.retry_after_seconds == 180  # Meta says minutes: 150 s is 3 of them


async def test_the_simulator_counts_each_accounts_calls_and_says_so(sim, client):
    account, token = sim.account(call_budget=3, call_window_seconds=60)
    other, other_token = sim.account(call_budget=3, call_window_seconds=60)
    address = f"/graph.facebook.com/v25.0/{account}/content_publishing_limit"
    used = []
    for _ in range(3):
        reply = sim.control.get(address, headers={"Authorization": f"Bearer {token}"})
        assert reply.status_code == 200, reply.text
        used.append(usage.highest_percent(reply.headers))
    assert used == [33, 67, 100]
    with pytest.raises(errors.RateLimited) as throttled:
        await client.create_container(account, token, image_url=IMAGE)
    assert throttled.value.code == 80002
    assert throttled.value.retry_after_seconds == 60  # a call frees up within the minute
    # Another account's budget is its own.
    assert await client.create_container(other, other_token, image_url=IMAGE)
