"""Approvals bound to the exact version approved, on the running system: where a workspace
requires approval, a post edited after its approval is held at its due second and goes out
only once its new version is approved (the approver told, with the diff since what they
approved), or fails when none comes in time; two reviewers approving at once make one
approval and a trail row each; the trail exports as JSON and CSV."""

import csv
import io
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import post_body
from tests.services.scheduler.publishing import IMAGE, local_in, publishes
from tests.workspaces import acting_in, connected_account, join, new_workspace


@pytest.fixture
def agency(api, smtp_sink, instagram):
    """A workspace that requires approval: its owner (a reviewer), an account with no
    minimum gap, and a contributor."""
    owner = api.new_user()
    workspace = new_workspace(owner, "Approvals Agency")
    as_owner = acting_in(api, owner, workspace["id"])
    account_id, ig_user_id = connected_account(as_owner, instagram)
    rule = as_owner.put("/api/v1/approvals/rule", json={"required": True})
    assert rule.status_code == 200 and rule.json() == {"required": True, "account_ids": []}
    contributor = join(api, smtp_sink, owner, workspace["id"], "contributor")
    return {
        "id": workspace["id"],
        "owner": owner,
        "as_owner": as_owner,
        "account_id": account_id,
        "ig_user_id": ig_user_id,
        "contributor": contributor,
    }


def _schedule(client, post_id: str, account_id: str, seconds: float):
    body = {"scheduled_time": local_in(seconds), "timezone": "Europe/Paris", "account_id": account_id}
    reply = client.post(f"/api/v1/posts/{post_id}/schedule", json=body)
    assert reply.status_code == 200, reply.text


def _post(client, post_id: str) -> dict:
    reply = client.get(f"/api/v1/posts/{post_id}")
    assert reply.status_code == 200, reply.text
    return reply.json()


def _trail(client, post_id: str) -> list[tuple[str, int]]:
    items = client.get("/api/v1/reviews/trail", params={"post_id": post_id}).json()["items"]
    return [(i["action"], i["version"]) for i in items]


def _until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.2)
    raise AssertionError(f"never: {what}")


def _approve(client, post_id: str, version: int, comment: str = ""):
    return client.post(
        f"/api/v1/posts/{post_id}/review",
        json={"version": version, "decision": "approve", "comment": comment},
    )


def test_an_edit_after_approval_holds_the_post_until_its_new_version_is_approved(agency, instagram):
    writer, reviewer = agency["contributor"].client, agency["as_owner"]
    post_id = writer.post(
        "/api/v1/posts", json=post_body(caption="Spring menu", media=[{"url": IMAGE}])
    ).json()["id"]
    submitted = writer.post(f"/api/v1/posts/{post_id}/review/submit", json={"comment": "for Friday"})
    assert submitted.status_code == 200 and submitted.json()["review"]["status"] == "in_review"
    queue = reviewer.get("/api/v1/reviews/queue").json()["items"]
    assert post_id in [p["id"] for p in queue]
    # A contributor cannot approve, nor schedule.
    assert _approve(writer, post_id, 1).status_code == 403
    assert (
        writer.post(
            f"/api/v1/posts/{post_id}/schedule", json={"account_id": agency["account_id"]}
        ).status_code
        == 403
    )

    _schedule(reviewer, post_id, agency["account_id"], 6)
    version = _post(reviewer, post_id)["version"]
    approved = _approve(reviewer, post_id, version, "Looks good")
    assert approved.status_code == 200, approved.text
    assert approved.json()["review"]["status"] == "approved"
    assert approved.json()["review"]["approved_version"] == version

    # The contributor changes the caption after the approval: it no longer holds.
    edited = writer.put(
        f"/api/v1/posts/{post_id}", json={"version": version, "caption": "Spring menu, 2 for 1"}
    )
    assert edited.status_code == 200, edited.text
    now = _post(reviewer, post_id)
    assert now["review"]["status"] == "edited_since_approval" and now["review"]["approved_version"] == version
    # The approver is told, and can see what changed since the version they approved.
    voided = _until(
        lambda: [
            n
            for n in reviewer.get("/api/v1/notifications").json()["items"]
            if n["type"] == "approval_voided" and n["post_id"] == post_id
        ],
        15,
        "the approver told of the edit",
    )
    assert f"since version {version}" in voided[0]["message"]
    diff = reviewer.get(
        f"/api/v1/posts/{post_id}/versions/diff", params={"from": version, "to": now["version"]}
    ).json()
    assert [c["field"] for c in diff["changes"]] == ["caption"]

    # Due: held, not published, its reviewers told; it waits.
    _until(
        lambda: ("held", now["version"]) in _trail(reviewer, post_id), 30, "the post held at its due second"
    )
    assert publishes(instagram, agency["ig_user_id"]) == []
    assert _post(reviewer, post_id)["status"] == "scheduled"
    assert any(
        n["type"] == "approval_needed" and n["post_id"] == post_id
        for n in reviewer.get("/api/v1/notifications").json()["items"]
    )
    # Approving the version before the edit is refused: the reviewer must see this one.
    stale = _approve(reviewer, post_id, version)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_version"
    assert _approve(reviewer, post_id, now["version"]).status_code == 200

    published = _until(
        lambda: publishes(instagram, agency["ig_user_id"]), 30, "the post published once approved"
    )
    assert [p["caption"].split("\n")[0] for p in published] == ["Spring menu, 2 for 1"]
    assert _until(lambda: _post(reviewer, post_id)["status"] == "published", 15, "recorded published")
    assert _trail(reviewer, post_id) == [
        ("submitted", 1),
        ("approved", version),
        ("voided", now["version"]),
        ("held", now["version"]),
        ("approved", now["version"]),
    ]
    exported = reviewer.get("/api/v1/reviews/trail", params={"post_id": post_id, "format": "csv"})
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["action"], r["actor_kind"]) for r in rows][:2] == [
        ("submitted", "member"),
        ("approved", "member"),
    ]
    assert rows[0]["actor_id"] == agency["contributor"].user.id and rows[1]["comment"] == "Looks good"


def test_a_post_published_now_but_never_approved_fails_at_its_deadline_without_going_out(agency, instagram):
    reviewer = agency["as_owner"]
    post_id = reviewer.post(
        "/api/v1/posts", json=post_body(caption="Never approved", media=[{"url": IMAGE}])
    ).json()["id"]
    # "Publish now" (a time just past) is a due second like any other: held, not published.
    just_past = (datetime.now(UTC) - timedelta(seconds=2)).isoformat(timespec="seconds")
    body = {"scheduled_time": just_past, "account_id": agency["account_id"]}
    now = reviewer.post(f"/api/v1/posts/{post_id}/schedule", json=body)
    assert now.status_code == 200, now.text
    assert _post(reviewer, post_id)["status"] == "scheduled"
    _until(lambda: ("held", 1) in _trail(reviewer, post_id), 30, "held at once")
    # POSTFLOW_APPROVAL_WAIT_HOURS is 0.003 here: about 11 s past its time.
    failed = _until(
        lambda: (p := _post(reviewer, post_id))["status"] == "failed" and p, 60, "the unapproved post failed"
    )
    assert failed["last_error"].startswith("Not approved")
    assert publishes(instagram, agency["ig_user_id"]) == []


def test_two_reviewers_approving_at_once_make_one_approval_and_a_row_each(api, smtp_sink, agency):
    second = join(api, smtp_sink, agency["owner"], agency["id"], "editor")
    post = agency["as_owner"].post("/api/v1/posts", json=post_body(caption="Twice approved")).json()
    replies = []
    start = threading.Barrier(2)

    def approve(client):
        start.wait()
        replies.append(_approve(client, post["id"], post["version"]))

    threads = [threading.Thread(target=approve, args=(c,)) for c in (agency["as_owner"], second.client)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.status_code for r in replies) == [200, 200]
    assert _trail(agency["as_owner"], post["id"]) == [("approved", post["version"])] * 2
    approved = _post(agency["as_owner"], post["id"])["review"]
    assert approved["status"] == "approved"
    assert approved["approved_by"] in (agency["owner"].id, second.user.id)
    notified = [
        n
        for n in agency["as_owner"].get("/api/v1/notifications").json()["items"]
        if n["type"] == "post_approved" and n["post_id"] == post["id"]
    ]
    assert len(notified) <= 1
    # Asking for changes needs a comment; an unknown decision names its field.
    bare = agency["as_owner"].post(
        f"/api/v1/posts/{post['id']}/review", json={"version": post["version"], "decision": "request_changes"}
    )
    assert bare.status_code == 422 and bare.json()["error"]["fields"][0]["field"] == "comment"
    odd = agency["as_owner"].post(
        f"/api/v1/posts/{post['id']}/review", json={"version": post["version"], "decision": "maybe"}
    )
    assert odd.status_code == 422


def test_a_workspace_without_the_rule_publishes_as_before(publisher, instagram):
    """The brief's flow, untouched: no rule, no review, published on time."""
    post = publisher.create_post(media=[{"url": IMAGE}])
    assert publisher.client.get("/api/v1/approvals/rule").json() == {"required": False, "account_ids": []}
    _schedule(publisher.client, post["id"], publisher.account_id, 2)
    _until(lambda: _post(publisher.client, post["id"])["status"] == "published", 30, "published")
    assert _post(publisher.client, post["id"])["review"]["status"] == ""
