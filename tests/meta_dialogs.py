"""What the tests of Meta's logins share: Instagram accounts and Facebook people in the
simulator, and its consent dialogs answered as a person's browser would (open the page,
post its form; what comes back on the redirect URI)."""

import random
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx


def new_account(control: httpx.Client, prefix: str) -> tuple[str, str]:
    """A professional account with a unique username (the dialog logs in by it): (id, username)."""
    username = f"{prefix}_{random.randint(0, 10**9)}"
    ig_user_id = str(random.randint(10**16, 10**17))
    reply = control.post(
        "/_simulator/accounts",
        json={"ig_user_id": ig_user_id, "access_token": f"EAAG-{ig_user_id}", "username": username},
    )
    assert reply.status_code == 201, reply.text
    return ig_user_id, username


def facebook_person(control: httpx.Client, pages: dict[str, str]) -> tuple[str, list[str]]:
    """A person on Facebook managing Pages (name -> linked Instagram account id): their id
    and the Pages' ids, in order."""
    person = str(random.randint(10**14, 10**15))
    page_ids = [f"{person}{n}" for n in range(len(pages))]
    listed = [
        {"id": i, "name": name, "ig_user_id": ig}
        for i, (name, ig) in zip(page_ids, pages.items(), strict=True)
    ]
    reply = control.post("/_simulator/facebook_users", json={"id": person, "name": "Ana", "pages": listed})
    assert reply.status_code == 201, reply.text
    return person, page_ids


def consent(
    control: httpx.Client, authorize_url: str, fields: dict, grant: list[str] | None = None, *, redirect: str
) -> dict[str, str]:
    """`fields`: the person's answers (username or page, decision); `grant`: the permissions
    left ticked (None: all). Returns the redirect's query (code and state, or error)."""
    url = urlsplit(authorize_url)
    query = parse_qs(url.query)
    if "fb_user" in fields:  # Facebook's dialog asks who logs in first, then shows the Pages
        query["fb_user"] = [fields.pop("fb_user")]
    path = url.path.removeprefix(urlsplit(str(control.base_url)).path.rstrip("/"))
    page = control.get(path, params=query)
    assert page.status_code == 200, page.text
    hidden = re.findall(r'<input type=hidden name="([^"]+)" value="([^"]*)">', page.text)
    requested = dict(hidden).get("scope", "").split(",")
    form = [*hidden, *[(k, v) for k, values in fields.items() for v in _listed(values)]]
    form += [("grant", s) for s in (requested if grant is None else grant)]
    answer = control.post(
        path, content=urlencode(form), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert answer.status_code == 302, answer.text
    location = answer.headers["location"]
    assert location.startswith(redirect), location
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def _listed(value) -> list[str]:
    return list(value) if isinstance(value, list | tuple) else [value]
