"""Meta's consent dialogs (the simulator's) answered as a person's browser would: open the
page, post its form; what comes back on the redirect URI."""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx


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
