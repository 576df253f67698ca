"""Oversize input is refused at the edge: every string and list a route takes has a ceiling.

The routes and their fields come from the gateway's own OpenAPI document, so a field added
later without a ceiling fails here.
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import grpc
import httpx
import pytest

from lib.common.emails import is_email_address
from protos import users_pb2, users_pb2_grpc
from tests.grpc_clients import signed

HUGE = "a" * 900_000  # under the 1 MB body limit, so the field's own ceiling must answer


@pytest.fixture(scope="module")
def openapi(api) -> dict:
    return api.anonymous.get("/openapi.json").json()


def _resolve(spec: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return _resolve(spec, next(s for s in schema[key] if s.get("type") != "null"))
    return schema


def _leaves(spec: dict, schema: dict, path: tuple = ()):
    """(path, schema) of every string and array under schema; '*' stands for an item or key."""
    schema = _resolve(spec, schema)
    kind = schema.get("type")
    if kind in ("string", "array"):
        yield path, schema
    if kind == "array" and isinstance(schema.get("items"), dict) and schema["items"]:
        yield from _leaves(spec, schema["items"], (*path, "*"))
    if kind == "object":
        for name, child in schema.get("properties", {}).items():
            yield from _leaves(spec, child, (*path, name))
        if isinstance(schema.get("additionalProperties"), dict) and schema["additionalProperties"]:
            yield from _leaves(spec, schema["additionalProperties"], (*path, "*"))


def _place(path: tuple, value):
    """A JSON body with value at path ('*' becomes a one-item list or a key 'k')."""
    for step in reversed(path):
        value = [value] if step == "*" else {step: value}
    return value


def _json_operations(spec: dict):
    for route, methods in spec["paths"].items():
        for method, operation in methods.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                yield method, route, content["application/json"]["schema"]


def _query_parameters(spec: dict):
    for route, methods in spec["paths"].items():
        for method, operation in methods.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    yield method, route, parameter


def _unbounded(leaf: dict, bound: str) -> bool:
    # Files stream under the upload limit; dates, times and fixed choices refuse anything longer.
    return bound not in leaf and "enum" not in leaf and leaf.get("format") not in ("binary", "date-time")


def test_every_request_string_and_list_has_a_ceiling(openapi):
    unbounded = []
    for method, route, schema in _json_operations(openapi):
        for path, leaf in _leaves(openapi, schema):
            bound = "maxLength" if leaf["type"] == "string" else "maxItems"
            if _unbounded(leaf, bound):
                unbounded.append(f"{method.upper()} {route} {'.'.join(path) or 'body'}")
    for method, route, parameter in _query_parameters(openapi):
        leaf = _resolve(openapi, parameter["schema"])
        bound = {"string": "maxLength", "array": "maxItems"}.get(leaf.get("type"))
        if bound and _unbounded(leaf, bound):
            unbounded.append(f"{method.upper()} {route} ?{parameter['name']}")
    assert unbounded == []


def _fill(route: str) -> str:
    parts = [str(uuid.uuid4()) if p.startswith("{") else p for p in route.split("/")]
    return "/".join(parts)


def test_a_huge_value_in_any_string_field_gets_a_4xx_while_logins_go_on(api, openapi):
    person = api.new_user()
    cases = [
        (method, route, path)
        for method, route, schema in _json_operations(openapi)
        for path, leaf in _leaves(openapi, schema)
        if leaf["type"] == "string"
    ]
    assert len(cases) > 60  # the walk found the API's fields

    # One client per thread: httpx's connection pool, shared by threads sending 900 KB
    # bodies at once, now and then handed a thread a connection another had just closed
    # (ReadError: Bad file descriptor), a fault of the test's client, not of the API.
    local = threading.local()

    def send(case):
        method, route, path = case
        if not hasattr(local, "client"):
            local.client = httpx.Client(
                base_url=person.client.base_url, headers=person.client.headers, timeout=60
            )
        reply = local.client.request(method, _fill(route), json=_place(path, HUGE))
        return case, reply

    logins: list[int] = []
    stop = threading.Event()

    def keep_logging_in():
        while not stop.is_set():
            reply = api.anonymous.post(
                "/api/v1/auth/login", json={"email": person.email, "password": person.password}
            )
            logins.append(reply.status_code)

    login_thread = threading.Thread(target=keep_logging_in)
    login_thread.start()
    try:
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(send, cases))
    finally:
        stop.set()
        login_thread.join()

    for (method, route, path), reply in results:
        assert 400 <= reply.status_code < 500, (method, route, path, reply.status_code, reply.text[:300])
        assert reply.headers["content-type"].startswith("application/json")
        if reply.status_code == 422:
            named = [f["field"] for f in reply.json()["error"]["fields"]]
            wanted = ".".join("0" if step == "*" else step for step in path)
            assert any(name == wanted or name.startswith(wanted) for name in named) or "k" in str(named), (
                route,
                path,
                named,
            )
    assert logins and set(logins) == {200}


def test_a_huge_query_string_gets_a_4xx(api):
    person = api.new_user()
    for route in ("/api/v1/posts", "/api/v1/media", "/api/v1/notifications"):
        reply = person.client.get(route, params={"cursor": "x" * 8000})
        assert reply.status_code == 422, reply.text
        assert reply.json()["error"]["fields"][0]["field"] == "cursor"


def test_deeply_nested_metadata_is_refused(api):
    person = api.new_user()
    deep = "[" * 50_000 + "]" * 50_000
    reply = person.client.post(
        "/api/v1/posts",
        content=f'{{"caption": "x", "metadata": {{"a": {deep}}}}}'.encode(),
        headers={"content-type": "application/json"},
    )
    assert reply.status_code == 400, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == "body"
    nested = {"a": {}}
    cursor = nested["a"]
    for _ in range(40):
        cursor["a"] = {}
        cursor = cursor["a"]
    reply = person.client.post("/api/v1/posts", json={"caption": "x", "metadata": nested})
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == "metadata"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("name@example.com", True),
        ("first.last+tag@mail.example.co.uk", True),
        ("a@b", False),
        ("a@b.", False),
        ("a@.b", False),
        ("@b.c", False),
        ("a@@b.c", False),
        ("a b@c.d", False),
        ("a\x01@c.d", False),
        ("a@" + "." * 60000 + "@", False),
        ("x" * 65 + "@example.com", False),
    ],
)
def test_email_addresses(text, ok):
    assert is_email_address(text) is ok


def test_the_users_service_answers_a_hostile_email_at_once(system, api):
    """Straight to the service, past the gateway's ceilings: the check itself must be linear."""
    person = api.new_user()
    hostile = "a@" + "." * 60000 + "@"
    target = f"127.0.0.1:{system.env['POSTFLOW_USERS_GRPC_PORT']}"

    def register():
        with grpc.insecure_channel(target) as channel:
            try:
                users_pb2_grpc.UsersStub(channel).Register(
                    users_pb2.RegisterRequest(email=hostile, password="long enough password"),
                    timeout=30,
                    metadata=signed(system, caller="gateway", service="users"),
                )
            except grpc.RpcError as exc:
                return exc.code()

    with ThreadPoolExecutor(4) as pool:
        refusals = [pool.submit(register) for _ in range(4)]
        login = api.anonymous.post(
            "/api/v1/auth/login", json={"email": person.email, "password": person.password}
        )
    assert login.status_code == 200
    assert {f.result() for f in refusals} == {grpc.StatusCode.INVALID_ARGUMENT}
