"""Workspaces through the REST API and the socket, as a team uses them: everything a person
had is their personal workspace's; a team workspace's posts, accounts and events reach its
members and nobody else (404 for every id of it); invitations by email work once, for their
address; each role may do what it should and nothing more; a removed member loses the
workspace at once, open socket included."""

import json
import random

import httpx
import pytest
from websockets.sync.client import connect

from tests.factories import post_body
from tests.services.realtime.clients import close_code, events_until, token_of, ws_url
from tests.services.scheduler.publishing import local_in
from tests.workspaces import (
    acting_in,
    connected_account,
    invitation_token,
    join,
    new_workspace,
    try_connecting,
)


def _schedule(client: httpx.Client, post_id: str, account_id: str, seconds: float = 3600) -> httpx.Response:
    body = {"scheduled_time": local_in(seconds), "timezone": "Europe/Paris", "account_id": account_id}
    return client.post(f"/api/v1/posts/{post_id}/schedule", json=body)


def test_sign_up_makes_a_personal_workspace_that_requests_act_in_without_a_header(api):
    person = api.new_user()
    listed = person.client.get("/api/v1/workspaces").json()["items"]
    assert [(w["id"], w["personal"], w["role"]) for w in listed] == [(person.id, True, "owner")]
    assert set(listed[0]["rights"]) == {"read", "write", "schedule", "accounts", "members", "own"}
    post = person.create_post()
    # The brief's clients send no header; naming the personal workspace is the same place.
    named = acting_in(api, person, person.id).get(f"/api/v1/posts/{post['id']}")
    assert named.status_code == 200 and named.json()["id"] == post["id"]


def test_an_outsider_gets_404_for_every_id_of_a_workspace(api):
    owner, outsider = api.new_user(), api.new_user()
    team = new_workspace(owner)
    in_team = acting_in(api, owner, team["id"])
    made = in_team.post("/api/v1/posts", json=post_body(caption="Team only"))
    assert made.status_code == 201, made.text
    post_id = made.json()["id"]
    personal_post = owner.create_post()["id"]

    assert [p["id"] for p in in_team.get("/api/v1/posts").json()["items"]] == [post_id]
    # The owner's own personal workspace does not hold the team's post, nor the team theirs.
    assert owner.client.get(f"/api/v1/posts/{post_id}").status_code == 404
    assert in_team.get(f"/api/v1/posts/{personal_post}").status_code == 404
    # An outsider naming the workspace: not found, whatever they ask, never "forbidden".
    outsider_in_team = acting_in(api, outsider, team["id"])
    for method, path in [
        ("GET", "/api/v1/posts"),
        ("GET", f"/api/v1/posts/{post_id}"),
        ("PUT", f"/api/v1/posts/{post_id}"),
        ("GET", "/api/v1/accounts"),
        ("GET", "/api/v1/media"),
    ]:
        reply = outsider_in_team.request(method, path, json={"caption": "x"} if method == "PUT" else None)
        assert reply.status_code == 404, (method, path, reply.text)
        assert reply.json()["error"]["message"] == "Workspace not found"
    assert outsider.client.get(f"/api/v1/workspaces/{team['id']}").status_code == 404
    assert outsider.client.get(f"/api/v1/workspaces/{team['id']}/members").status_code == 404
    assert outsider.client.get(f"/api/v1/posts/{post_id}").status_code == 404
    # A malformed or made-up workspace id is the same answer.
    assert acting_in(api, outsider, "not-a-uuid").get("/api/v1/posts").status_code == 404
    assert acting_in(api, outsider, owner.id).get("/api/v1/posts").status_code == 404


def test_an_invitation_works_once_and_only_for_its_address(api, smtp_sink):
    owner, invited, other = api.new_user(), api.new_user(), api.new_user()
    team = new_workspace(owner, "Bakery Social")
    reply = owner.client.post(
        f"/api/v1/workspaces/{team['id']}/invitations",
        json={"email": invited.email.upper(), "role": "editor"},
    )
    assert reply.status_code == 201, reply.text
    issued = reply.json()
    assert issued["mailed"] is True and issued["invitation"]["email"] == invited.email
    token = invitation_token(smtp_sink, invited.email)
    assert token in issued["link"]
    pending = owner.client.get(f"/api/v1/workspaces/{team['id']}/invitations").json()["items"]
    assert [i["email"] for i in pending] == [invited.email]

    refused = other.client.post("/api/v1/invitations/accept", json={"token": token})
    assert refused.status_code == 422 and refused.json()["error"]["fields"][0]["field"] == "token"
    joined = invited.client.post("/api/v1/invitations/accept", json={"token": token})
    assert joined.status_code == 200, joined.text
    assert (joined.json()["id"], joined.json()["role"], joined.json()["name"]) == (
        team["id"],
        "editor",
        "Bakery Social",
    )
    assert invited.client.post("/api/v1/invitations/accept", json={"token": token}).status_code == 422
    assert owner.client.get(f"/api/v1/workspaces/{team['id']}/invitations").json()["items"] == []

    members = owner.client.get(f"/api/v1/workspaces/{team['id']}/members").json()["items"]
    assert sorted((m["email"], m["role"]) for m in members) == sorted(
        [(owner.email, "owner"), (invited.email, "editor")]
    )
    assert [w["id"] for w in invited.client.get("/api/v1/workspaces").json()["items"]] == [
        invited.id,
        team["id"],
    ]

    # A revoked invitation's link does nothing; bad input names its field.
    again = owner.client.post(
        f"/api/v1/workspaces/{team['id']}/invitations", json={"email": other.email, "role": "viewer"}
    ).json()
    assert (
        owner.client.delete(
            f"/api/v1/workspaces/{team['id']}/invitations/{again['invitation']['id']}"
        ).status_code
        == 204
    )
    revoked = invitation_token(smtp_sink, other.email)
    assert other.client.post("/api/v1/invitations/accept", json={"token": revoked}).status_code == 422
    bad = owner.client.post(
        f"/api/v1/workspaces/{team['id']}/invitations", json={"email": "not an address", "role": "chief"}
    )
    assert bad.status_code == 422 and {f["field"] for f in bad.json()["error"]["fields"]} >= {"role"}
    taken = owner.client.post(
        f"/api/v1/workspaces/{team['id']}/invitations", json={"email": invited.email, "role": "viewer"}
    )
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "already_member"


@pytest.fixture(scope="module")
def team(api, smtp_sink, instagram):
    """A workspace with an owner, an account, a post, and one member of each other role."""
    owner = api.new_user()
    workspace = new_workspace(owner, "Roles Test")
    as_owner = acting_in(api, owner, workspace["id"])
    account_id, _ = connected_account(as_owner, instagram)
    members = {
        role: join(api, smtp_sink, owner, workspace["id"], role)
        for role in ("admin", "editor", "contributor", "viewer")
    }
    return {
        "id": workspace["id"],
        "owner": owner,
        "as_owner": as_owner,
        "account_id": account_id,
        "members": members,
    }


@pytest.mark.parametrize(
    ("role", "may"),
    [
        ("viewer", {"read"}),
        ("contributor", {"read", "write"}),
        ("editor", {"read", "write", "schedule"}),
        ("admin", {"read", "write", "schedule", "accounts", "members"}),
    ],
)
def test_each_role_may_do_what_it_should_and_nothing_more(team, instagram, role, may):
    member = team["members"][role]
    client = member.client
    seen_id = team["as_owner"].post("/api/v1/posts", json=post_body(caption=f"For the {role}")).json()["id"]

    def allowed(reply: httpx.Response, right: str) -> bool:
        assert reply.status_code in (200, 201, 204, 403), (right, reply.status_code, reply.text)
        if reply.status_code == 403:
            assert reply.json()["error"]["code"] == "forbidden", reply.text
            assert role in reply.json()["error"]["message"]
        return reply.status_code != 403

    did = {"read": allowed(client.get(f"/api/v1/posts/{seen_id}"), "read")}
    written = client.post("/api/v1/posts", json=post_body(caption=f"By the {role}"))
    did["write"] = allowed(written, "write")
    target = written.json()["id"] if did["write"] else seen_id
    # Hours apart, so that the account's minimum gap between posts never refuses one.
    hours = {"viewer": 2, "contributor": 3, "editor": 4, "admin": 5}[role]
    did["schedule"] = allowed(_schedule(client, target, team["account_id"], hours * 3600), "schedule")
    if did["schedule"]:
        assert client.get(f"/api/v1/posts/{target}/status").json()["status"] == "scheduled"
    did["accounts"] = allowed(try_connecting(client, instagram), "accounts")
    did["members"] = allowed(
        member.user.client.post(
            f"/api/v1/workspaces/{team['id']}/invitations",
            json={"email": f"{role}-{random.randint(0, 10**9)}@example.com", "role": "viewer"},
        ),
        "members",
    )
    assert {right for right, yes in did.items() if yes} == may
    # A post on its way out: only those who may schedule may change it.
    on_its_way = team["as_owner"].post("/api/v1/posts", json=post_body(caption="Going out")).json()["id"]
    assert _schedule(team["as_owner"], on_its_way, team["account_id"], (hours + 10) * 3600).status_code == 200
    changed = client.put(f"/api/v1/posts/{on_its_way}", json={"version": 1, "caption": "Changed"})
    assert changed.status_code == (200 if "schedule" in may else 403), changed.text
    # Only an owner makes an owner.
    made_owner = member.user.client.patch(
        f"/api/v1/workspaces/{team['id']}/members/{member.user.id}", json={"role": "owner"}
    )
    assert made_owner.status_code == 403


def test_a_removed_member_loses_the_workspace_at_once_and_their_socket_closes(api, smtp_sink, instagram):
    owner = api.new_user()
    workspace = new_workspace(owner, "Live Team")
    as_owner = acting_in(api, owner, workspace["id"])
    account_id, _ = connected_account(as_owner, instagram)
    editor = join(api, smtp_sink, owner, workspace["id"], "editor")
    # An outsider cannot follow the workspace's events.
    outsider = api.new_user()
    with connect(ws_url(api.base_url, workspace["id"], token=token_of(outsider)), open_timeout=10) as refused:
        assert close_code(refused) == 4403

    with connect(
        ws_url(api.base_url, workspace["id"], token=token_of(editor.user)), open_timeout=10
    ) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "connected"
        post_id = as_owner.post("/api/v1/posts", json=post_body(caption="Heard by the team")).json()["id"]
        assert _schedule(as_owner, post_id, account_id).status_code == 200
        heard = events_until(
            socket,
            lambda e: e["type"] == "post_status_update" and e["post_id"] == post_id,
            timeout=15,
        )
        assert heard[-1]["status"] == "scheduled"

        assert editor.client.get("/api/v1/posts").status_code == 200
        removed = owner.client.delete(f"/api/v1/workspaces/{workspace['id']}/members/{editor.user.id}")
        assert removed.status_code == 204
        # Through this gateway, at once.
        assert editor.client.get("/api/v1/posts").status_code == 404
        assert editor.client.get(f"/api/v1/posts/{post_id}").status_code == 404
        # The socket within one membership check (POSTFLOW_SESSION_CHECK_SECONDS, 2 s here).
        code = close_code(socket, timeout=15)
        assert code == 4403
    assert [w["id"] for w in editor.user.client.get("/api/v1/workspaces").json()["items"]] == [editor.user.id]


def test_a_workspace_keeps_an_owner_and_a_person_their_personal_one(api, smtp_sink):
    owner = api.new_user()
    workspace = new_workspace(owner, "Owned")
    base = f"/api/v1/workspaces/{workspace['id']}/members"
    last = owner.client.delete(f"{base}/{owner.id}")
    assert last.status_code == 409 and last.json()["error"]["code"] == "last_owner"
    demoted = owner.client.patch(f"{base}/{owner.id}", json={"role": "admin"})
    assert demoted.status_code == 409 and demoted.json()["error"]["code"] == "last_owner"
    second = join(api, smtp_sink, owner, workspace["id"], "admin")
    assert owner.client.patch(f"{base}/{second.user.id}", json={"role": "owner"}).status_code == 200
    # With two owners, one may leave.
    assert owner.client.delete(f"{base}/{owner.id}").status_code == 204
    assert owner.client.get(f"/api/v1/workspaces/{workspace['id']}").status_code == 404

    # A personal workspace's own person stays, even when they made another owner there.
    colleague = join(api, smtp_sink, owner, owner.id, "admin")
    personal = f"/api/v1/workspaces/{owner.id}/members"
    assert owner.client.patch(f"{personal}/{colleague.user.id}", json={"role": "owner"}).status_code == 200
    refused = colleague.user.client.delete(f"{personal}/{owner.id}")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "personal_owner"
    assert owner.client.delete(f"{personal}/{owner.id}").status_code == 409
    # The colleague sees the owner's personal posts: they were invited into them.
    post = owner.create_post()["id"]
    assert colleague.client.get(f"/api/v1/posts/{post}").status_code == 200


def test_a_workspace_is_named_and_zoned_by_its_admins(api):
    owner = api.new_user(timezone="Asia/Tokyo")
    made = new_workspace(owner, "  Zoned  ")
    assert (made["name"], made["timezone"], made["personal"]) == ("Zoned", "Asia/Tokyo", False)
    base = f"/api/v1/workspaces/{made['id']}"
    changed = owner.client.patch(base, json={"timezone": "America/New_York"})
    assert changed.status_code == 200 and changed.json()["timezone"] == "America/New_York"
    # Times sent without a zone are read in the workspace's.
    as_owner = acting_in(api, owner, made["id"])
    assert as_owner.get("/api/v1/workspaces/" + made["id"]).json()["timezone"] == "America/New_York"
    for body, field in [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"name": ""}, "name"),
        ({"name": "bad\x00name"}, "name"),
        ({"name": "x" * 101}, "name"),
    ]:
        reply = owner.client.patch(base, json=body)
        assert reply.status_code == 422, (body, reply.text)
        assert reply.json()["error"]["fields"][0]["field"] == field
    personal = owner.client.patch(f"/api/v1/workspaces/{owner.id}", json={"timezone": "Europe/Paris"})
    assert personal.status_code == 422 and personal.json()["error"]["fields"][0]["field"] == "timezone"
    assert owner.client.post("/api/v1/workspaces", json={"name": "x" * 5000}).status_code == 422


def test_a_member_limited_to_some_accounts_acts_on_those_only(api, smtp_sink, instagram):
    owner = api.new_user()
    workspace = new_workspace(owner, "Two Brands")
    as_owner = acting_in(api, owner, workspace["id"])
    mine, _ = connected_account(as_owner, instagram)
    theirs, _ = connected_account(as_owner, instagram)
    editor = join(api, smtp_sink, owner, workspace["id"], "editor")
    member = f"/api/v1/workspaces/{workspace['id']}/members/{editor.user.id}"
    limited = owner.client.patch(member, json={"account_ids": [mine]})
    assert limited.status_code == 200 and limited.json()["account_ids"] == [mine]
    assert limited.json()["role"] == "editor"

    assert [a["id"] for a in editor.client.get("/api/v1/accounts").json()] == [mine]
    post = editor.client.post("/api/v1/posts", json=post_body(caption="Brand one")).json()["id"]
    refused = _schedule(editor.client, post, theirs, 7200)
    assert refused.status_code == 403 and "accounts an admin gave you" in refused.json()["error"]["message"]
    assert editor.client.get(f"/api/v1/posts/{post}/status").json()["status"] == "draft"
    assert _schedule(editor.client, post, mine, 7200).status_code == 200
    # A post on the other account: theirs to leave alone, and not theirs to approve.
    other = as_owner.post("/api/v1/posts", json=post_body(caption="Brand two")).json()["id"]
    assert _schedule(as_owner, other, theirs, 3 * 3600).status_code == 200
    assert editor.client.delete(f"/api/v1/posts/{other}/schedule").status_code == 403
    approve = editor.client.post(f"/api/v1/posts/{other}/review", json={"version": 1, "decision": "approve"})
    assert approve.status_code == 403
    assert as_owner.get(f"/api/v1/posts/{other}/status").json()["status"] == "scheduled"

    # Owners and admins act on every account; an empty list lifts the limit.
    admin = join(api, smtp_sink, owner, workspace["id"], "admin")
    not_for_admins = owner.client.patch(
        f"/api/v1/workspaces/{workspace['id']}/members/{admin.user.id}", json={"account_ids": [mine]}
    )
    assert not_for_admins.status_code == 422
    assert owner.client.patch(member, json={"account_ids": []}).json()["account_ids"] == []
    assert sorted(a["id"] for a in editor.client.get("/api/v1/accounts").json()) == sorted([mine, theirs])
