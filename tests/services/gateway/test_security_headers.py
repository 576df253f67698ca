"""Every gateway response carries the security headers, errors and the docs included."""

import pytest


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/healthz", None),
        ("GET", "/api/v1/posts", None),  # 401
        ("GET", "/no/such/page", None),  # 404
        ("POST", "/api/v1/auth/login", {"email": 5}),  # 422
        ("POST", "/api/v1/auth/login", "x" * 2_000_000),  # 413 from the body limit
        ("GET", "/docs", None),
        ("GET", "/docs/assets/swagger-ui-bundle.js", None),
        ("GET", "/openapi.json", None),
    ],
)
def test_security_headers_on_every_response(api, method, path, body):
    if isinstance(body, str):
        reply = api.anonymous.request(
            method, path, content=body, headers={"content-type": "application/json"}
        )
    else:
        reply = api.anonymous.request(method, path, json=body)
    headers = reply.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    sources = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    # Scripts from this origin alone, /docs included (no CDN, no inline script).
    assert sources.get("script-src", sources["default-src"]) == ["'self'"]
    if not path.startswith("/docs"):
        assert "unsafe-inline" not in policy


def test_the_app_may_show_media_from_the_configured_store_and_nowhere_else_over_http(api, system):
    policy = api.anonymous.get("/").headers["content-security-policy"]
    sources = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    store = f"http://{system.env['POSTFLOW_S3_ENDPOINT']}"
    for directive in ("img-src", "media-src"):
        assert store in sources[directive]
        assert "http:" not in sources[directive]  # no plain-http wildcard
        assert "'unsafe-inline'" not in sources[directive]
    assert sources["connect-src"] == ["'self'"]
