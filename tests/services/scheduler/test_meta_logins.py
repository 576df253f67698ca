"""Connecting accounts through Meta's logins over the REST API, as the web app does:
start, the person consents on Meta's (the simulator's) dialog, the app hands back what
came to the redirect URI. The real scheduler exchanges the code with the simulator."""

from tests import meta_dialogs
from tests.meta_dialogs import facebook_person, new_account
from tests.services.scheduler.publishing import publishes, schedule, wait_for_status

IMAGE = "https://cdn.example.com/harbour.jpg"


def login(user, system, instagram, login_type: str, fields: dict, grant=None) -> dict:
    started = user.client.post("/api/v1/accounts/logins", json={"login_type": login_type})
    assert started.status_code == 201, started.text
    back = meta_dialogs.consent(
        instagram,
        started.json()["authorize_url"],
        fields,
        grant,
        redirect=f"{system.base_url}/connect/callback",
    )
    return back


def complete(user, back: dict):
    return user.client.post("/api/v1/accounts/logins/complete", json=back)


def test_connect_with_instagram_then_publish_on_graph_instagram_com(api, system, instagram):
    user = api.new_user()
    ig_user_id, username = new_account(instagram, "harbour")
    back = login(user, system, instagram, "instagram", {"username": username, "decision": "allow"})
    done = complete(user, back)
    assert done.status_code == 200, done.text
    result = done.json()
    assert result["status"] == "connected"
    [account] = result["accounts"]
    assert (account["ig_user_id"], account["username"], account["login_type"]) == (
        ig_user_id,
        username,
        "instagram",
    )
    assert account["graph_host"] == "graph.instagram.com"
    assert "instagram_business_content_publish" in account["scopes"]
    assert account["token_expires_at"] and account["health"] == "connected"
    assert complete(user, back).json()["error"]["fields"][0]["field"] == "state", "a state works once"

    user.account_id = account["id"]
    post = user.create_post(media=[{"url": IMAGE}])
    assert schedule(user, post["id"], 2).status_code == 200
    wait_for_status(user, post["id"], "published")
    assert len(publishes(instagram, ig_user_id)) == 1
    tokens = instagram.get("/_simulator/tokens", params={"ig_user_id": ig_user_id}).json()
    assert any(t["login"] == "instagram" and t["kind"] == "long" for t in tokens)


def test_connecting_again_keeps_the_account_and_its_schedule(api, system, instagram):
    user = api.new_user()
    ig_user_id, username = new_account(instagram, "quay")
    fields = {"username": username, "decision": "allow"}
    first = complete(user, login(user, system, instagram, "instagram", fields)).json()["accounts"][0]
    user.account_id = first["id"]
    post = user.create_post(media=[{"url": IMAGE}])
    assert schedule(user, post["id"], 3600).status_code == 200
    again = complete(user, login(user, system, instagram, "instagram", fields)).json()["accounts"][0]
    assert again["id"] == first["id"]
    assert user.client.get(f"/api/v1/posts/{post['id']}/status").json()["status"] == "scheduled"
    user.client.delete(f"/api/v1/posts/{post['id']}/schedule")


def test_a_forged_or_someone_elses_state_is_refused(api, system, instagram):
    user, intruder = api.new_user(), api.new_user()
    _, username = new_account(instagram, "dock")
    back = login(user, system, instagram, "instagram", {"username": username, "decision": "allow"})
    forged = complete(user, {**back, "state": "made-up"})
    assert forged.status_code == 422 and forged.json()["error"]["fields"][0]["field"] == "state"
    stolen = complete(intruder, back)
    assert stolen.status_code == 422 and stolen.json()["error"]["fields"][0]["field"] == "state"
    assert intruder.client.get("/api/v1/accounts").json() == []
    assert complete(user, back).status_code == 200, "the person's own login still works"


def test_a_denied_consent_says_so_and_connects_nothing(api, system, instagram):
    user = api.new_user()
    back = login(user, system, instagram, "instagram", {"decision": "deny"})
    reply = complete(user, back)
    assert reply.status_code == 422
    error = reply.json()["error"]
    assert error["fields"][0]["field"] == "error"
    assert "did not allow" in error["message"] and "denied" in error["message"]
    assert user.client.get("/api/v1/accounts").json() == []


def test_a_missing_publishing_permission_is_refused_at_connect_time(api, system, instagram):
    user = api.new_user()
    _, username = new_account(instagram, "pier")
    granted = ["instagram_business_basic", "instagram_business_manage_insights"]
    back = login(user, system, instagram, "instagram", {"username": username, "decision": "allow"}, granted)
    reply = complete(user, back)
    assert reply.status_code == 422
    assert reply.json()["error"]["fields"][0]["field"] == "scopes"
    assert "instagram_business_content_publish" in reply.json()["error"]["message"]
    assert user.client.get("/api/v1/accounts").json() == []


def test_facebook_login_with_two_pages_lets_the_person_pick(api, system, instagram):
    user = api.new_user()
    (north, north_name), (south, south_name) = (
        new_account(instagram, "north"),
        new_account(instagram, "south"),
    )
    person, pages = facebook_person(instagram, {"North Café": north, "South Café": south})
    fields = {"fb_user": person, "decision": "allow", "page": pages}
    result = complete(user, login(user, system, instagram, "facebook", fields)).json()
    assert result["status"] == "choose", result
    assert {(c["ig_user_id"], c["page_name"]) for c in result["choices"]} == {
        (north, "North Café"),
        (south, "South Café"),
    }
    assert user.client.get("/api/v1/accounts").json() == []
    choose = f"/api/v1/accounts/logins/{result['login_id']}/choose"
    assert user.client.post(choose, json={"ig_user_ids": ["123"]}).status_code == 422
    picked = user.client.post(choose, json={"ig_user_ids": [south]})
    assert picked.status_code == 200, picked.text
    [account] = picked.json()["accounts"]
    assert (account["username"], account["page_name"], account["graph_host"]) == (
        south_name,
        "South Café",
        "graph.facebook.com",
    )
    assert account.get("token_expires_at") is None, "a Page token does not expire"
    assert user.client.post(choose, json={"ig_user_ids": [north]}).status_code == 404, "picked once"
    assert [a["username"] for a in user.client.get("/api/v1/accounts").json()] == [south_name]
    assert north_name not in picked.text


def test_a_bad_code_costs_nothing_and_open_logins_are_bounded(api, system, instagram):
    user = api.new_user()
    _, username = new_account(instagram, "slip")
    back = login(user, system, instagram, "instagram", {"username": username, "decision": "allow"})
    too_long = complete(user, {**back, "code": "x" * 2049})
    assert too_long.status_code == 422
    assert too_long.json()["error"]["fields"][0]["field"] == "code"
    assert complete(user, back).status_code == 200, "the state was not used up by a bad request"

    started = [
        user.client.post("/api/v1/accounts/logins", json={"login_type": "facebook"}) for _ in range(10)
    ]
    assert [r.status_code for r in started] == [201] * 10
    one_more = user.client.post("/api/v1/accounts/logins", json={"login_type": "instagram"})
    assert one_more.status_code == 429, one_more.text
    assert "not finished" in one_more.json()["error"]["message"]
    assert (
        api.new_user().client.post("/api/v1/accounts/logins", json={"login_type": "instagram"}).status_code
        == 201
    )
