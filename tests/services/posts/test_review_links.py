"""A client's review link, with no account: it shows the one post (or the range's posts) as
they will go out and nothing else (no ids of the workspace, its posts or accounts), takes
the client's approval of the version shown (in the trail as the client's) or their request
for changes (in the post's comments too); an altered, revoked or expired link shows
nothing."""

from datetime import UTC, datetime, timedelta

import httpx

from tests.factories import post_body
from tests.services.scheduler.publishing import IMAGE, local_in
from tests.workspaces import acting_in, connected_account, new_workspace


def _agency(api, instagram):
    owner = api.new_user()
    workspace = new_workspace(owner, "Client Work")
    client = acting_in(api, owner, workspace["id"])
    account_id, _ = connected_account(client, instagram)
    return owner, workspace, client, account_id


def _scheduled(client, account_id: str, caption: str, hours: float) -> dict:
    post = client.post("/api/v1/posts", json=post_body(caption=caption, media=[{"url": IMAGE}])).json()
    body = {"scheduled_time": local_in(hours * 3600), "timezone": "Europe/Paris", "account_id": account_id}
    assert client.post(f"/api/v1/posts/{post['id']}/schedule", json=body).status_code == 200
    return client.get(f"/api/v1/posts/{post['id']}").json()


def test_a_client_approves_through_a_link_that_reveals_nothing_else(api, instagram, db):
    owner, workspace, team, account_id = _agency(api, instagram)
    post = _scheduled(team, account_id, "For the client", 30)
    other = _scheduled(team, account_id, "Not for the client", 50)
    issued = team.post("/api/v1/review-links", json={"post_id": post["id"], "label": "March launch"})
    assert issued.status_code == 201, issued.text
    link = issued.json()
    assert link["url"].endswith(f"#/review?token={link['token']}")
    anonymous = httpx.Client(base_url=api.base_url, timeout=30)

    page = anonymous.get(f"/api/v1/client-review/{link['token']}")
    assert page.status_code == 200, page.text
    shown = page.json()
    assert shown["label"] == "March launch" and len(shown["items"]) == 1
    item = shown["items"][0]
    assert (item["caption"], item["version"], item["media"][0]["url"]) == (
        "For the client",
        post["version"],
        IMAGE,
    )
    for secret in (post["id"], other["id"], workspace["id"], owner.id, account_id, link["id"]):
        assert secret not in page.text
    assert "Not for the client" not in page.text

    decided = anonymous.post(
        f"/api/v1/client-review/{link['token']}/posts/{item['key']}",
        json={"version": item["version"], "decision": "approve", "comment": "Perfect", "name": "Dana"},
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["review_status"] == "approved"
    assert team.get(f"/api/v1/posts/{post['id']}").json()["review"]["status"] == "approved"
    trail = team.get("/api/v1/reviews/trail", params={"post_id": post["id"]}).json()["items"]
    assert [(t["action"], t["actor_kind"], t["comment"]) for t in trail] == [
        ("approved", "client", "Dana: Perfect")
    ]
    thread = team.get(f"/api/v1/posts/{post['id']}/comments").json()["items"]
    assert [(c["author_kind"], c["body"]) for c in thread] == [("client", "Perfect")]

    # A key of another link, or made up, names nothing; asking for changes needs words.
    assert (
        anonymous.post(
            f"/api/v1/client-review/{link['token']}/posts/{post['id']}",
            json={"version": 1, "decision": "approve"},
        ).status_code
        == 404
    )
    bare = anonymous.post(
        f"/api/v1/client-review/{link['token']}/posts/{item['key']}",
        json={"version": item["version"], "decision": "request_changes"},
    )
    assert bare.status_code == 422 and bare.json()["error"]["fields"][0]["field"] == "comment"

    # Altered, revoked, expired: nothing, all alike.
    altered = link["token"][:-1] + ("A" if link["token"][-1] != "A" else "B")
    assert anonymous.get(f"/api/v1/client-review/{altered}").status_code == 404
    second = team.post("/api/v1/review-links", json={"post_id": post["id"]}).json()
    db.execute(
        "UPDATE posts.review_links SET expires_at = %s WHERE id = %s",
        (datetime.now(UTC) - timedelta(seconds=1), second["id"]),
    )
    assert anonymous.get(f"/api/v1/client-review/{second['token']}").status_code == 404
    assert team.delete(f"/api/v1/review-links/{link['id']}").status_code == 200
    gone = anonymous.get(f"/api/v1/client-review/{link['token']}")
    assert gone.status_code == 404 and gone.json()["error"]["message"] == "Review link not found"
    listed = {entry["id"]: entry for entry in team.get("/api/v1/review-links").json()["items"]}
    assert listed[link["id"]]["revoked_at"] and "token" not in listed[link["id"]]


def test_a_range_link_shows_the_posts_of_its_dates_and_takes_changes(api, instagram):
    _, _, team, account_id = _agency(api, instagram)
    first = _scheduled(team, account_id, "Week one", 30)
    second = _scheduled(team, account_id, "Week two", 40)
    _scheduled(team, account_id, "Later on", 24 * 20)
    start = datetime.now(UTC) + timedelta(hours=1)
    link = team.post(
        "/api/v1/review-links",
        json={"from": start.isoformat(), "to": (start + timedelta(days=7)).isoformat(), "expires_in_days": 2},
    ).json()
    page = httpx.get(f"{api.base_url}/api/v1/client-review/{link['token']}", timeout=30).json()
    assert [i["caption"] for i in page["items"]] == ["Week one", "Week two"]
    changes = httpx.post(
        f"{api.base_url}/api/v1/client-review/{link['token']}/posts/{page['items'][1]['key']}",
        json={
            "version": page["items"][1]["version"],
            "decision": "request_changes",
            "comment": "Brighter photo?",
        },
        timeout=30,
    )
    assert changes.status_code == 200 and changes.json()["review_status"] == "changes_requested"
    assert team.get(f"/api/v1/posts/{second['id']}").json()["review"]["status"] == "changes_requested"
    assert team.get(f"/api/v1/posts/{first['id']}").json()["review"]["status"] == ""
    # A link names one post or a range, within bounds.
    for body, field in [
        ({}, "post_id"),
        ({"from": start.isoformat(), "to": (start + timedelta(days=90)).isoformat()}, "to"),
        ({"post_id": first["id"], "expires_in_days": 90}, "expires_in_days"),
    ]:
        refused = team.post("/api/v1/review-links", json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert field in {f["field"] for f in refused.json()["error"]["fields"]}
