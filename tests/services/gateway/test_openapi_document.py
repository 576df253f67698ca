"""/openapi.json tells the truth: every error answer is declared with its JSON body, a 405
names every method the path takes, query parameters refuse what their schema refuses, and
a response body has exactly the fields its schema (derived from the proto) lists."""

import pytest

from tests.services.gateway.test_oversize_input import openapi  # noqa: F401 - a fixture

ERROR_STATUSES = {"401", "404", "409", "422", "429", "503"}


def test_every_operation_declares_its_error_answers_with_the_error_body(openapi):  # noqa: F811
    missing = []
    for route, operations in openapi["paths"].items():
        if not route.startswith("/api/"):
            continue
        for method, operation in operations.items():
            declared = operation["responses"]
            for status in ERROR_STATUSES - set(declared):
                missing.append(f"{method.upper()} {route}: {status}")
            body = declared.get("422", {}).get("content", {}).get("application/json", {})
            if body.get("schema", {}).get("$ref") != "#/components/schemas/ErrorOut":
                missing.append(f"{method.upper()} {route}: 422 body is not ErrorOut")
    assert missing == []


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PATCH", "/api/v1/posts", {"GET", "POST"}),
        ("POST", "/api/v1/posts/{id}", {"DELETE", "GET", "PUT"}),
        ("DELETE", "/api/v1/posts/{id}/schedule/x", None),
    ],
)
def test_a_wrong_method_names_every_method_the_path_takes(api, method, path, allowed):
    user = api.new_user()
    reply = user.client.request(method, path.replace("{id}", "00000000-0000-0000-0000-000000000001"))
    if allowed is None:
        assert reply.status_code == 404
        return
    assert reply.status_code == 405
    assert set(reply.headers["allow"].split(", ")) == allowed
    assert reply.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("value", ["0.5", "1700000000", "yesterday"])
def test_a_time_filter_takes_iso_8601_only(api, value):
    user = api.new_user()
    reply = user.client.get("/api/v1/posts", params={"scheduled_to": value})
    assert reply.status_code == 422
    problem = reply.json()["error"]["fields"][0]
    assert problem["field"] == "scheduled_to"
    assert problem["message"].startswith("must be an ISO 8601 date and time")  # the validator's words only


def test_a_post_answer_has_exactly_the_fields_its_schema_lists(api, openapi):  # noqa: F811
    user = api.new_user()
    post = user.create_post(caption="schema", metadata={"n": 1, "nested": {"x": [1, 2.5]}})
    listed = set(openapi["components"]["schemas"]["Post"]["properties"])
    got = user.client.get(f"/api/v1/posts/{post['id']}").json()
    assert set(got) == listed
    assert got["metadata"] == {"n": 1, "nested": {"x": [1, 2.5]}}
    assert "user_id" not in got  # internal: between services only
