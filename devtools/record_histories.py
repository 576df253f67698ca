"""Record workflow histories for the replay tests: python -m devtools.record_histories

Starts the whole system on free ports (a scratch database, Temporal, NATS, the simulator),
plays each scenario through the REST API, and writes each workflow's history to
tests/workflows/histories/<name>.json. Record again only when behaviour is meant to change;
keep the old files: they are what sleeping workflows in production look like.
"""

import asyncio
import io
import json
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from PIL import Image
from temporalio.client import Client

from devtools import postgres, stack
from services.migrate import migrate_all
from tests.factories import Api
from workflows.contracts.imports import workflow_id as import_workflow_id
from workflows.contracts.maintenance import ACCOUNT_UPKEEP_WORKFLOW_ID, MEDIA_PURGE_WORKFLOW_ID
from workflows.contracts.metrics import metrics_workflow_id
from workflows.contracts.publishing import workflow_id
from workflows.contracts.recurring import series_workflow_id

HISTORIES = Path(__file__).resolve().parent.parent / "tests" / "workflows" / "histories"
ZONE = "Europe/Paris"


def _local_in(seconds: float) -> str:
    moment = datetime.now(ZoneInfo(ZONE)) + timedelta(seconds=seconds)
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")


def _publisher(api: Api, instagram: httpx.Client):
    user = api.new_user()
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    instagram.post("/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    user.account_id = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token}
    ).json()["id"]
    user.client.patch(f"/api/v1/accounts/{user.account_id}", json={"min_gap_minutes": 0})
    user.ig_user_id = ig_user_id
    return user


def _wait(check, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError("scenario did not finish")


def _needs_reconcile(api: Api, instagram: httpx.Client, address: str) -> str:
    """A lost publish answer, a container that cannot be read, then found published."""
    user = _publisher(api, instagram)
    post = user.create_post(caption="Lost answer")
    instagram.post(
        "/_simulator/faults", json={"kind": "publish_response_lost", "ig_user_id": user.ig_user_id}
    )
    user.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": _local_in(2), "timezone": ZONE, "account_id": user.account_id},
    )
    _wait(lambda: instagram.get("/_simulator/publishes", params={"ig_user_id": user.ig_user_id}).json())
    instagram.post(
        "/_simulator/faults",
        json={"kind": "transient", "endpoint": "status", "ig_user_id": user.ig_user_id, "times": 2},
    )
    _wait(lambda: user.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "published")
    return workflow_id(post["id"])


def _held_moved(api: Api, instagram: httpx.Client, address: str) -> str:
    """Prepared a lead ahead, its publish held until the due second; moved while held (the
    held publish is cancelled), held again for the new time, and published."""
    user = _publisher(api, instagram)
    post = user.create_post(caption="Held, moved, published")
    user.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": _local_in(6), "timezone": ZONE, "account_id": user.account_id},
    )

    async def held() -> bool:
        handle = (await Client.connect(address)).get_workflow_handle(workflow_id(post["id"]))
        pending = (await handle.describe()).raw_description.pending_activities
        return any(p.activity_type.name == "publish" for p in pending)

    _wait(lambda: asyncio.run(held()), timeout=10)
    moved = user.client.put(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": _local_in(4), "timezone": ZONE, "account_id": user.account_id},
    )
    moved.raise_for_status()
    _wait(lambda: user.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "published")
    time.sleep(1)  # the workflow's last task completes
    return workflow_id(post["id"])


def _series(api: Api, instagram: httpx.Client, address: str) -> str:
    """Three occurrences, two per run: the last run's history (after continue-as-new)."""
    user = _publisher(api, instagram)
    post = user.create_post(caption="Series")
    user.client.post(
        f"/api/v1/posts/{post['id']}/recurrence",
        json={
            "rrule": "FREQ=SECONDLY;INTERVAL=3;COUNT=3",
            "start_time": _local_in(3),
            "timezone": ZONE,
            "account_id": user.account_id,
        },
    )
    _wait(lambda: user.client.get(f"/api/v1/posts/{post['id']}/recurrence").json()["status"] == "finished")
    return series_workflow_id(post["id"])


def _metrics(api: Api, instagram: httpx.Client, address: str) -> str:
    """A published post's metrics collected three times (the cap), then finished."""
    user = _publisher(api, instagram)
    post = user.create_post(caption="Metrics")
    user.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": _local_in(2), "timezone": ZONE, "account_id": user.account_id},
    )
    _wait(lambda: len(user.client.get(f"/api/v1/posts/{post['id']}/metrics").json()["samples"]) == 3)
    time.sleep(1)  # the workflow's last task completes
    return metrics_workflow_id(post["id"])


def _reconnect(api: Api, instagram: httpx.Client, address: str) -> str:
    """Instagram refuses the token at the container's creation: the post waits for its
    account's reconnect (a pasted token), is woken by it, and is published."""
    user = _publisher(api, instagram)
    post = user.create_post(caption="Waited for a reconnect")
    instagram.post(
        "/_simulator/faults",
        json={"kind": "revoked_token", "endpoint": "create", "ig_user_id": user.ig_user_id},
    )
    user.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": _local_in(2), "timezone": ZONE, "account_id": user.account_id},
    )
    _wait(lambda: user.client.get("/api/v1/accounts").json()[0]["health"] == "needs_reauth")
    time.sleep(3)  # a poll or two of the waiting workflow
    user.client.post(
        "/api/v1/accounts", json={"ig_user_id": user.ig_user_id, "access_token": f"EAAG-{user.ig_user_id}"}
    ).raise_for_status()
    _wait(lambda: user.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "published")
    time.sleep(1)  # the workflow's last task completes
    return workflow_id(post["id"])


def _approval(api: Api, instagram: httpx.Client, address: str) -> str:
    """A workspace that requires approval: the post is due unapproved, is held and waits
    (a poll or two), is approved, and is published."""
    user = _publisher(api, instagram)
    user.client.put("/api/v1/approvals/rule", json={"required": True}).raise_for_status()
    post = user.create_post(caption="Waited for an approval")
    user.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": _local_in(2), "timezone": ZONE, "account_id": user.account_id},
    ).raise_for_status()
    trail = f"/api/v1/reviews/trail?post_id={post['id']}"
    _wait(lambda: any(i["action"] == "held" for i in user.client.get(trail).json()["items"]))
    time.sleep(2)  # a poll or two of the waiting workflow
    version = user.client.get(f"/api/v1/posts/{post['id']}").json()["version"]
    user.client.post(
        f"/api/v1/posts/{post['id']}/review", json={"version": version, "decision": "approve"}
    ).raise_for_status()
    _wait(lambda: user.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "published")
    time.sleep(1)  # the workflow's last task completes
    return workflow_id(post["id"])


def _first_comment(api: Api, instagram: httpx.Client, address: str) -> str:
    """Published with a first comment, which Instagram throttles once, then takes."""
    user = _publisher(api, instagram)
    post = user.create_post(caption="With a first comment", options={"first_comment": "#harbour"})
    instagram.post(
        "/_simulator/faults",
        json={"kind": "throttle_user", "endpoint": "comment", "ig_user_id": user.ig_user_id},
    )
    user.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": _local_in(2), "timezone": ZONE, "account_id": user.account_id},
    )
    _wait(
        lambda: user.client.get(f"/api/v1/posts/{post['id']}").json()["first_comment"]["status"] == "posted"
    )
    time.sleep(1)  # the workflow's last task completes
    return workflow_id(post["id"])


def _throttled(api: Api, instagram: httpx.Client, address: str) -> str:
    """Too many calls when its container is made, and again when it is published: durable
    waits, then published."""
    user = _publisher(api, instagram)
    post = user.create_post(caption="Throttled twice")
    for endpoint in ("create", "publish"):
        instagram.post(
            "/_simulator/faults",
            json={"kind": "throttle_app", "endpoint": endpoint, "ig_user_id": user.ig_user_id},
        )
    user.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": _local_in(2), "timezone": ZONE, "account_id": user.account_id},
    )
    _wait(lambda: user.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "published")
    time.sleep(1)  # the workflow's last task completes
    return workflow_id(post["id"])


def _import(api: Api, instagram: httpx.Client, address: str) -> str:
    """A CSV import: its rows' posts made and scheduled, and a row skipped."""
    user = _publisher(api, instagram)
    rows = [
        "caption,media,time,timezone",
        f"Imported one,https://cdn.example.com/a.jpg,{_local_in(7200)},{ZONE}",
        f"Imported two,https://cdn.example.com/b.jpg,{_local_in(9000)},{ZONE}",
        "Bad,https://cdn.example.com/c.jpg,someday,",
    ]
    made = user.client.post("/api/v1/imports", json={"csv": "\n".join(rows) + "\n"}).json()
    _wait(lambda: user.client.get(f"/api/v1/imports/{made['id']}").json()["status"] == "done")
    time.sleep(1)  # the workflow's last task completes
    return import_workflow_id(made["id"])


def _account_upkeep(api: Api, instagram: httpx.Client, address: str) -> str:
    """The deployment's account upkeep job: a few rounds."""
    time.sleep(3)
    return ACCOUNT_UPKEEP_WORKFLOW_ID


def _media_purge(api: Api, instagram: httpx.Client, address: str) -> str:
    """The deployment's purge job: a deleted picture's files removed in one of its rounds."""
    user = api.new_user()
    picture = io.BytesIO()
    Image.new("RGB", (1080, 1080), (40, 90, 160)).save(picture, "JPEG")
    item = user.client.post(
        "/api/v1/media/upload", files={"file": ("p.jpg", picture.getvalue(), "image/jpeg")}
    ).json()["items"][0]
    user.client.delete(f"/api/v1/media/{item['id']}")
    _wait(lambda: user.client.get("/api/v1/media/usage").json()["used_bytes"] == 0)
    time.sleep(1.5)  # another round and its timer
    return MEDIA_PURGE_WORKFLOW_ID


async def _dump(address: str, workflow: str, run_first: bool) -> str:
    client = await Client.connect(address)
    runs = [run async for run in client.list_workflows(f"WorkflowId = '{workflow}'")]
    run = min(runs, key=lambda r: r.start_time) if run_first else max(runs, key=lambda r: r.start_time)
    history = await client.get_workflow_handle(workflow, run_id=run.run_id).fetch_history()
    return json.dumps(history.to_json_dict(), indent=2)


SCENARIOS = {
    "publish_held_moved_then_published": (_held_moved, True),
    # Since scheduled-time-search-attribute: the move also updates ScheduledTime.
    "publish_moved_search_attribute_updated": (_held_moved, True),
    "publish_outcome_unknown_then_reconciled": (_needs_reconcile, True),
    "series_first_run_continued_as_new": (_series, True),
    "series_last_run_finished": (_series, False),
    "metrics_collected_then_finished": (_metrics, True),
    # Since jitter-metrics-cadence: each wait stretched by a random part.
    "metrics_jittered_then_finished": (_metrics, True),
    "media_purge_rounds": (_media_purge, True),
    "publish_waited_for_reconnect_then_published": (_reconnect, True),
    "account_upkeep_rounds": (_account_upkeep, True),
    "publish_then_first_comment_after_a_throttle": (_first_comment, True),
    "publish_throttled_on_create_and_publish_then_published": (_throttled, True),
    # Since wait-for-approval: held at its due second until its version is approved.
    "publish_waited_for_approval_then_published": (_approval, True),
    "import_scheduled_two_skipped_one": (_import, True),
}


def main(names: list[str]) -> None:
    server = postgres.server_url()
    database = postgres.create_scratch_database(server)
    migrate_all(database)
    logs = Path(tempfile.mkdtemp(prefix="postflow-record-"))
    simulator, simulator_url = stack.start_simulator(logs)
    system = stack.start(
        database,
        logs,
        extra_env={
            "POSTFLOW_META_SIMULATOR_URL": simulator_url,
            # Held publishes (recorded since hold-publish-until-due) hold for up to 3 s.
            "POSTFLOW_PUBLISH_LEAD_SECONDS": "3",
            "POSTFLOW_PUBLISH_UNKNOWN_AFTER_ATTEMPTS": "3",
            "POSTFLOW_RECONCILE_INTERVAL_SECONDS": "2",
            "POSTFLOW_SERIES_OCCURRENCES_PER_RUN": "2",
            "POSTFLOW_METRICS_INTERVAL_SCALE": "0.005",
            "POSTFLOW_METRICS_MAX_SAMPLES": "3",
            "POSTFLOW_MEDIA_DELETE_GRACE_SECONDS": "1",
            "POSTFLOW_MEDIA_PURGE_INTERVAL_SECONDS": "1",
            "POSTFLOW_REAUTH_POLL_SECONDS": "1",
            "POSTFLOW_APPROVAL_POLL_SECONDS": "1",
            "POSTFLOW_ACCOUNT_UPKEEP_INTERVAL_SECONDS": "1",
            "POSTFLOW_RATE_LIMIT_WAIT_SECONDS": "1",
        },
    )
    try:
        api = Api(system.base_url)
        instagram = httpx.Client(base_url=simulator_url, timeout=10)
        for name in names or SCENARIOS:
            scenario, first_run = SCENARIOS[name]
            workflow = scenario(api, instagram, system.env["POSTFLOW_TEMPORAL_ADDRESS"])
            text = asyncio.run(_dump(system.env["POSTFLOW_TEMPORAL_ADDRESS"], workflow, first_run))
            (HISTORIES / f"{name}.json").write_text(text + "\n")
            print(f"recorded {name}")
    finally:
        system.stop()
        simulator.terminate()
        postgres.drop_database(server, database)


if __name__ == "__main__":
    main(sys.argv[1:])
