"""The web app's session: its refresh token in an HttpOnly, SameSite=Strict cookie scoped
to /api/v1/auth, never in a body a script could read; honoured only with the app's header
(a cross-site form cannot send it); rotated like any refresh token; cleared by logout."""

import httpx

from tests.factories import Api

WEB = {"X-Postflow-Client": "web"}


def _web_client(api: Api) -> httpx.Client:
    return httpx.Client(base_url=api.base_url, timeout=30, headers=WEB)


def _cookie_header(reply: httpx.Response) -> str:
    set_cookies = [value for name, value in reply.headers.multi_items() if name == "set-cookie"]
    (cookie,) = [value for value in set_cookies if value.startswith("postflow_refresh=")]
    return cookie


def test_signing_in_from_the_app_puts_the_refresh_token_in_an_httponly_cookie(api):
    user = api.new_user()
    browser = _web_client(api)
    reply = browser.post("/api/v1/auth/login", json={"email": user.email, "password": user.password})
    assert reply.status_code == 200, reply.text
    assert reply.json()["refresh_token"] == "" and reply.json()["access_token"]
    cookie = _cookie_header(reply).lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/api/v1/auth" in cookie
    assert "max-age=" in cookie
    # Over plain http here; a deployment on https marks it Secure.
    assert "secure" not in cookie.replace("samesite", "")


def test_the_cookie_refreshes_and_rotates_and_a_replayed_one_ends_the_session(api):
    user = api.new_user()
    browser = _web_client(api)
    browser.post("/api/v1/auth/login", json={"email": user.email, "password": user.password})
    first = browser.cookies["postflow_refresh"]
    renewed = browser.post("/api/v1/auth/refresh", json={})
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["refresh_token"] == ""
    assert browser.cookies["postflow_refresh"] != first
    bearer = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
    me = httpx.get(f"{api.base_url}/api/v1/auth/me", headers=bearer)
    assert me.json()["id"] == user.id
    # The old cookie, replayed (stolen), ends the session as a reused refresh token does.
    replay = httpx.post(
        f"{api.base_url}/api/v1/auth/refresh", json={}, headers=WEB, cookies={"postflow_refresh": first}
    )
    assert replay.status_code == 401
    assert browser.post("/api/v1/auth/refresh", json={}).status_code == 401


def test_the_cookie_alone_is_not_enough(api):
    """A form on another site can make the browser send the cookie, never the header."""
    user = api.new_user()
    browser = _web_client(api)
    browser.post("/api/v1/auth/login", json={"email": user.email, "password": user.password})
    forged = httpx.post(
        f"{api.base_url}/api/v1/auth/refresh",
        json={},
        cookies={"postflow_refresh": browser.cookies["postflow_refresh"]},
    )
    assert forged.status_code == 401
    assert "No refresh token" in forged.json()["error"]["message"]
    # ... and the session is untouched.
    assert browser.post("/api/v1/auth/refresh", json={}).status_code == 200


def test_logout_clears_the_cookie(api):
    user = api.new_user()
    browser = _web_client(api)
    tokens = browser.post("/api/v1/auth/login", json={"email": user.email, "password": user.password}).json()
    ended = browser.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert ended.status_code == 204
    cleared = _cookie_header(ended).lower()
    assert 'postflow_refresh=""' in cleared or "postflow_refresh=;" in cleared
    assert "max-age=0" in cleared
    assert browser.post("/api/v1/auth/refresh", json={}).status_code == 401


def test_other_clients_keep_the_token_in_the_body(api):
    user = api.new_user()
    reply = api.anonymous.post("/api/v1/auth/login", json={"email": user.email, "password": user.password})
    assert reply.json()["refresh_token"]
    assert "postflow_refresh" not in reply.headers.get("set-cookie", "")
    missing = api.anonymous.post("/api/v1/auth/refresh", json={})
    assert missing.status_code == 401
