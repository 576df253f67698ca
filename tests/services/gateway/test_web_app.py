"""The web app is served at / on the API's origin, under a strict Content-Security-Policy:
scripts and styles from this origin only, nothing inline, no framing."""

import httpx


def test_the_app_page_and_its_modules_are_served_under_a_strict_policy(system):
    page = httpx.get(f"{system.base_url}/", timeout=10)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/app/main.js">' in page.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["cache-control"] == "no-cache"

    module = httpx.get(f"{system.base_url}/app/main.js", timeout=10)
    assert module.status_code == 200
    assert module.headers["content-type"].startswith(("text/javascript", "application/javascript"))
    assert module.headers.get("etag")
    again = httpx.get(f"{system.base_url}/app/main.js", headers={"If-None-Match": module.headers["etag"]})
    assert again.status_code == 304


def test_nothing_outside_the_app_folder_is_served(system):
    for path in ("/app/../../pyproject.toml", "/app/%2e%2e/%2e%2e/pyproject.toml", "/app/nothing.js"):
        reply = httpx.get(f"{system.base_url}{path}", timeout=10)
        assert reply.status_code == 404, path
        assert "dependencies" not in reply.text
