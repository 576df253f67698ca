"""Fault drill 4: Instagram throttles, fails with 5xx, hangs and loses the answers of
publishes that went through, for most of a batch's calls. Every post still ends published
exactly once (a lost answer is found on the container, never published again), none early,
none stuck; the worker counts each error by its code."""

import httpx

from tests.drills import batch
from tests.scraped_metrics import metrics_url, sample

ACCOUNTS, PER_ACCOUNT = 4, 12
# Per account, taken by its calls in this order until used up: 48 posts meet 44 faults.
FAULTS = [
    {"kind": "throttle_user", "endpoint": "create", "times": 3},
    {"kind": "transient", "endpoint": "create", "times": 2},
    {"kind": "timeout", "endpoint": "status", "times": 1, "seconds": 3},
    {"kind": "transient", "endpoint": "status", "times": 1},
    {"kind": "publish_response_lost", "endpoint": "publish", "times": 2},
    {"kind": "throttle_app", "endpoint": "publish", "times": 1},
    {"kind": "transient", "endpoint": "publish", "times": 1},
]


def test_a_batch_survives_throttling_5xx_hangs_and_lost_answers(system, api, instagram: httpx.Client):
    worker = metrics_url(system, "worker")
    throttled = {"code": "17", "kind": "RateLimited", "retried": "yes"}
    throttled_before = sample(worker, "postflow_graph_api_errors_total", **throttled)
    users = batch.publishers(api, instagram, accounts=ACCOUNTS)
    for user in users:
        for fault in FAULTS:
            armed = instagram.post("/_simulator/faults", json={**fault, "ig_user_id": user.ig_user_id})
            assert armed.status_code in (200, 201), armed.text
    scheduled = batch.schedule_batch(users, [8, 9], "Faults drill", per_account=PER_ACCOUNT)

    published = batch.settled(scheduled, instagram, timeout=180)
    batch.exactly_once_and_on_time(scheduled, published)
    # Every throttled call was counted by its code, and tried again.
    assert sample(worker, "postflow_graph_api_errors_total", **throttled) >= throttled_before + 3 * ACCOUNTS
