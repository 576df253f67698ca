"""Meta's two logins, as the simulator serves them: the consent dialogs (a page where the
person picks accounts, unticks permissions or denies), the code exchange, long-lived
tokens, their refresh, debug_token and the person's Pages.

Instagram API with Instagram Login
(https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login):
www.instagram.com/oauth/authorize -> redirect_uri?code=...&state=...#_ ->
POST api.instagram.com/oauth/access_token (an hour) -> graph.instagram.com/access_token
(ig_exchange_token: 60 days) -> graph.instagram.com/refresh_access_token (ig_refresh_token,
https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token:
only a long-lived token at least 24 hours old and not expired; 60 days from then).

Instagram API with Facebook Login for Business
(https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
www.facebook.com/{v}/dialog/oauth -> redirect_uri?code=...&state=... ->
graph.facebook.com/{v}/oauth/access_token (code: a short-lived user token) -> the same with
grant_type=fb_exchange_token (60 days,
https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived) ->
/me/accounts: the Pages the person chose, each with its token (which never expires when
asked with a long-lived user token) and its instagram_business_account.
"""

import hmac
import html
import secrets
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from devtools.graph_simulator import tokens
from devtools.graph_simulator.errors import GraphError
from devtools.graph_simulator.state import (
    CODE_SECONDS,
    FACEBOOK_GRAPH,
    INSTAGRAM_GRAPH,
    LONG_LIVED_SECONDS,
    SHORT_LIVED_SECONDS,
    App,
    FacebookUser,
    Grant,
    Page,
    Token,
    World,
)
from lib.common.config import get_settings

REFRESH_MIN_AGE_SECONDS = 24 * 3600
INSTAGRAM_BASIC = "instagram_business_basic"


class AppIn(BaseModel):
    app_id: str = Field(pattern=r"^[0-9]{1,20}$")
    secret: str = Field(min_length=1, max_length=200)
    login: str = Field(pattern="^(facebook|instagram)$")
    redirect_uris: list[str] = Field(default_factory=list, max_length=20)
    require_proof: bool = False


class PageIn(BaseModel):
    id: str
    name: str
    ig_user_id: str


class FacebookUserIn(BaseModel):
    id: str
    name: str
    pages: list[PageIn] = Field(default_factory=list, max_length=50)


class ClockIn(BaseModel):
    # Moves Meta's clock forward (or back to 0 with offset_seconds).
    advance_seconds: float | None = Field(None, ge=0)
    offset_seconds: float | None = Field(None, ge=0)


class RevokeIn(BaseModel):
    ig_user_id: str


def register_configured_apps(world: World) -> None:
    """make run's apps, from the same settings Postflow reads (POSTFLOW_META_APP_ID, ...)."""
    settings = get_settings()
    for app_id, secret, login in (
        (settings.meta_app_id, settings.meta_app_secret, "facebook"),
        (settings.instagram_app_id, settings.instagram_app_secret, "instagram"),
    ):
        if app_id and app_id not in world.apps:
            world.apps[app_id] = App(app_id, secret.get_secret_value(), login, [settings.redirect_uri])


def _oauth_error(message: str, status: int = 400) -> JSONResponse:
    """api.instagram.com's own envelope (not the Graph API's)."""
    return JSONResponse({"error_type": "OAuthException", "code": status, "error_message": message}, status)


def _page(title: str, *body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(title)}</title></head><body><main><h1>{html.escape(title)}</h1>"
        + "".join(body)
        + "</main></body></html>",
        status,
    )


def _redirect(redirect_uri: str, params: dict[str, str], fragment: str = "") -> RedirectResponse:
    joiner = "&" if "?" in redirect_uri else "?"
    return RedirectResponse(f"{redirect_uri}{joiner}{urlencode(params)}{fragment}", 302)


# What each dialog appends to the redirect URI when the person denies: Instagram's
# (https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize) and
# Facebook's (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#canceled).
DENIALS = {
    "instagram": (
        {
            "error": "access_denied",
            "error_reason": "user_denied",
            "error_description": "The user denied your request.",
        },
        "#_",
    ),
    "facebook": (
        {
            "error": "access_denied",
            "error_code": "200",
            "error_description": "Permissions error",
            "error_reason": "user_denied",
        },
        "#_=_",
    ),
}


def _denied(login: str, redirect_uri: str, state: str) -> RedirectResponse:
    params, fragment = DENIALS[login]
    return _redirect(redirect_uri, {**params, "state": state}, fragment)


async def _form(request: Request):
    """The dialog's posted form, and its fields as single values."""
    form = await request.form()
    return form, {k: str(v) for k, v in form.items()}


def _hidden(**values: str) -> str:
    return "".join(
        f'<input type=hidden name="{html.escape(k)}" value="{html.escape(v)}">' for k, v in values.items()
    )


def _dialog_fields(app_id: str, values: dict[str, str], scopes: list[str], **more: str) -> str:
    """What a consent dialog's form carries back on its POST: the request it answers."""
    return _hidden(
        client_id=app_id,
        redirect_uri=values["redirect_uri"],
        state=values.get("state", ""),
        scope=",".join(scopes),
        **more,
    )


def _scope_boxes(scopes: list[str], locked: str) -> str:
    boxes = []
    for scope in scopes:
        attributes = "checked" + (" disabled" if scope == locked else "")
        boxes.append(
            f'<label><input type=checkbox name=grant value="{html.escape(scope)}" {attributes}> '
            f"{html.escape(scope)}</label><br>"
        )
    if locked in scopes:
        boxes.append(_hidden(grant=locked))
    return "<fieldset><legend>Permissions</legend>" + "".join(boxes) + "</fieldset>"


def _decision_buttons() -> str:
    return (
        "<button type=submit name=decision value=allow>Allow</button> "
        "<button type=submit name=decision value=deny>Deny</button>"
    )


def _values(request: Request) -> dict[str, str]:
    """The query's parameters, and a token sent as `Authorization: Bearer` (Meta takes both)."""
    values = dict(request.query_params)
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        values.setdefault("access_token", header[7:].strip())
    return values


def me(world: World, host: str, values: dict[str, str]) -> dict:
    """GET /me: the Instagram account (graph.instagram.com) or the Facebook person."""
    token = tokens.authenticate(world, host, values)
    if host == INSTAGRAM_GRAPH:
        owner = world.accounts[token.ig_user_ids[0]]
        return {"id": owner.ig_user_id, "user_id": owner.ig_user_id, "username": owner.username}
    person = world.facebook_users.get(token.facebook_user_id)
    return {"id": token.facebook_user_id, "name": person.name if person else ""}


def install(app: FastAPI, world: World) -> None:
    def known_app(client_id: str, redirect_uri: str, login: str) -> App | None:
        found = world.apps.get(client_id)
        if found is None or found.login != login or redirect_uri not in found.redirect_uris:
            return None
        return found

    def issue(login: str, kind: str, basis: Grant | Token, app_id: str, lifetime: float) -> Token:
        """A new token with the scopes and accounts of the grant or token it comes from."""
        now = world.now()
        return world.issue(
            app_id=app_id,
            login=login,
            kind=kind,
            scopes=list(basis.scopes),
            issued_at=now,
            expires_at=now + lifetime if lifetime else 0,
            ig_user_ids=list(basis.ig_user_ids),
            facebook_user_id=basis.facebook_user_id,
        )

    def take_code(code: str, app_id: str, redirect_uri: str) -> Grant | str:
        """The grant a code stands for, used up; else the reason it is refused."""
        grant = world.grants.get(code)
        if grant is None or grant.app_id != app_id:
            return "Invalid authorization code"
        if grant.used:
            return "This authorization code has been used"
        if world.now() - grant.created_at > CODE_SECONDS:
            return "This authorization code has expired"
        if grant.redirect_uri != redirect_uri:
            return (
                "Error validating verification code. Please make sure your redirect_uri is identical "
                "to the one you used in the OAuth dialog request"
            )
        grant.used = True
        return grant

    def new_grant(
        app_found: App, redirect_uri: str, scopes, ig_user_ids, facebook_user_id="", pages=()
    ) -> str:
        code = secrets.token_urlsafe(32)
        world.grants[code] = Grant(
            code=code,
            app_id=app_found.app_id,
            redirect_uri=redirect_uri,
            login=app_found.login,
            scopes=list(scopes),
            ig_user_ids=list(ig_user_ids),
            facebook_user_id=facebook_user_id,
            page_ids=list(pages),
            created_at=world.now(),
        )
        return code

    # --- control -------------------------------------------------------------------------

    @app.post("/_simulator/apps", status_code=201)
    async def add_app(body: AppIn):
        # An app's redirect URIs are a list in its dashboard: another stack registering the
        # same app adds its own, and keeps the others working.
        known = world.apps.get(body.app_id)
        fields = body.model_dump()
        if known is not None:
            fields["redirect_uris"] = list(dict.fromkeys([*known.redirect_uris, *body.redirect_uris]))
        world.apps[body.app_id] = App(**fields)
        return {"app_id": body.app_id}

    @app.post("/_simulator/facebook_users", status_code=201)
    async def add_facebook_user(body: FacebookUserIn):
        world.facebook_users[body.id] = FacebookUser(
            body.id, body.name, [Page(**p.model_dump()) for p in body.pages]
        )
        return body

    @app.post("/_simulator/clock")
    async def move_clock(body: ClockIn):
        if body.offset_seconds is not None:
            world.clock_offset = body.offset_seconds
        if body.advance_seconds is not None:
            world.clock_offset += body.advance_seconds
        return {"now": world.now(), "offset_seconds": world.clock_offset}

    @app.post("/_simulator/revoke")
    async def revoke(body: RevokeIn):
        """The person removed the app from their account: every token for it stops working."""
        revoked = 0
        for token in world.tokens.values():
            if body.ig_user_id in token.ig_user_ids and not token.revoked:
                token.revoked = True
                revoked += 1
        return {"revoked": revoked}

    @app.get("/_simulator/tokens")
    async def list_tokens(ig_user_id: str):
        """The tokens that act for an account (values shortened: a test compares them)."""
        return [
            {
                "login": t.login,
                "kind": t.kind,
                "scopes": t.scopes,
                "issued_at": t.issued_at,
                "expires_at": t.expires_at,
                "revoked": t.revoked,
                "app_id": t.app_id,
            }
            for t in world.tokens.values()
            if ig_user_id in t.ig_user_ids
        ]

    # --- Instagram Login -------------------------------------------------------------------

    def instagram_dialog(values: dict[str, str], problem: str = "") -> HTMLResponse:
        found = known_app(values.get("client_id", ""), values.get("redirect_uri", ""), "instagram")
        if found is None:
            # Never a redirect to an address the app did not register.
            return _page("Invalid redirect_uri", "<p>This app cannot use this redirect URI.</p>", status=400)
        if values.get("response_type") != "code":
            return _page("Invalid request", "<p>response_type must be code.</p>", status=400)
        scopes = [s for s in values.get("scope", "").replace(" ", ",").split(",") if s]
        if INSTAGRAM_BASIC not in scopes:
            return _page("Invalid scope", f"<p>{INSTAGRAM_BASIC} is required.</p>", status=400)
        return _page(
            "Log in to Instagram",
            f"<p role=alert>{html.escape(problem)}</p>" if problem else "",
            "<form method=post>",
            _dialog_fields(found.app_id, values, scopes),
            "<label>Username <input name=username autocomplete=off></label>",
            f"<p>Allow this app to use your professional account?</p>{_scope_boxes(scopes, INSTAGRAM_BASIC)}",
            _decision_buttons(),
            "</form>",
        )

    @app.get("/www.instagram.com/oauth/authorize")
    async def instagram_authorize(request: Request):
        return instagram_dialog(dict(request.query_params))

    @app.post("/www.instagram.com/oauth/authorize")
    async def instagram_consent(request: Request):
        form, values = await _form(request)
        found = known_app(values.get("client_id", ""), values.get("redirect_uri", ""), "instagram")
        if found is None:
            return _page("Invalid redirect_uri", status=400)
        state = values.get("state", "")
        if values.get("decision") != "allow":
            return _denied("instagram", values["redirect_uri"], state)
        name = values.get("username", "").strip()
        matches = [a for a in world.accounts.values() if name and name in (a.username, a.ig_user_id)]
        if len(matches) != 1:
            return instagram_dialog(
                values | {"response_type": "code"}, "No single Instagram account has that username"
            )
        requested = values.get("scope", "").split(",")
        granted = list(dict.fromkeys(s for s in form.getlist("grant") if s in requested))
        code = new_grant(found, values["redirect_uri"], granted, [matches[0].ig_user_id])
        return _redirect(values["redirect_uri"], {"code": code, "state": state}, "#_")

    @app.post("/api.instagram.com/oauth/access_token")
    async def instagram_code_exchange(request: Request):
        form = {k: str(v) for k, v in (await request.form()).items()}
        found = world.apps.get(form.get("client_id", ""))
        if found is None or found.login != "instagram":
            return _oauth_error("Invalid platform app")
        if not hmac.compare_digest(form.get("client_secret", ""), found.secret):
            return _oauth_error("Error validating client secret.")
        if form.get("grant_type") != "authorization_code":
            return _oauth_error("Invalid grant_type")
        taken = take_code(form.get("code", ""), found.app_id, form.get("redirect_uri", ""))
        if isinstance(taken, str):
            return _oauth_error(taken)
        token = issue("instagram", "short", taken, found.app_id, SHORT_LIVED_SECONDS)
        return {
            "data": [
                {
                    "access_token": token.value,
                    "user_id": taken.ig_user_ids[0],
                    "permissions": ",".join(taken.scopes),
                }
            ]
        }

    @app.get("/graph.instagram.com/access_token")
    async def instagram_long_lived(request: Request):
        values = _values(request)
        if values.get("grant_type") != "ig_exchange_token":
            raise GraphError(400, 100, 0, "Unsupported grant_type")
        token = tokens.authenticate(world, INSTAGRAM_GRAPH, values)
        found = world.apps.get(token.app_id)
        if found is None or not hmac.compare_digest(values.get("client_secret", ""), found.secret):
            raise GraphError(400, 101, 0, "Error validating client secret.")
        if token.kind != "short":
            raise GraphError(400, 100, 0, "Only a short-lived token can be exchanged")
        fresh = issue("instagram", "long", token, token.app_id, LONG_LIVED_SECONDS)
        return {"access_token": fresh.value, "token_type": "bearer", "expires_in": LONG_LIVED_SECONDS}

    @app.get("/graph.instagram.com/refresh_access_token")
    async def instagram_refresh(request: Request):
        values = _values(request)
        if values.get("grant_type") != "ig_refresh_token":
            raise GraphError(400, 100, 0, "Unsupported grant_type")
        token = tokens.authenticate(world, INSTAGRAM_GRAPH, values)
        if token.kind != "long":
            raise GraphError(400, 100, 0, "Only a long-lived token can be refreshed")
        if world.now() - token.issued_at < REFRESH_MIN_AGE_SECONDS:
            raise GraphError(400, 100, 0, "A long-lived token can be refreshed once it is 24 hours old")
        tokens.require(token, "basic")
        fresh = issue("instagram", "long", token, token.app_id, LONG_LIVED_SECONDS)
        return {"access_token": fresh.value, "token_type": "bearer", "expires_in": LONG_LIVED_SECONDS}

    # --- Facebook Login for Business -------------------------------------------------------

    @app.get("/www.facebook.com/{version}/dialog/oauth")
    async def facebook_dialog(version: str, request: Request):
        values = dict(request.query_params)
        found = known_app(values.get("client_id", ""), values.get("redirect_uri", ""), "facebook")
        if found is None:
            return _page("Invalid redirect_uri", "<p>This app cannot use this redirect URI.</p>", status=400)
        scopes = [s for s in values.get("scope", "").replace(" ", ",").split(",") if s]
        person = world.facebook_users.get(values.get("fb_user", ""))
        if person is None:
            problem = "<p role=alert>No such Facebook account</p>" if values.get("fb_user") else ""
            return _page(
                "Log in to Facebook",
                problem,
                "<form method=get>",
                _hidden(**{k: v for k, v in values.items() if k != "fb_user"}),
                "<label>Facebook account <input name=fb_user autocomplete=off></label>",
                "<button type=submit>Continue</button></form>",
            )
        pages = "".join(
            f'<label><input type=checkbox name=page value="{html.escape(p.id)}" checked> '
            f"{html.escape(p.name)} (@{html.escape(world.accounts[p.ig_user_id].username)})</label><br>"
            for p in person.pages
            if p.ig_user_id in world.accounts
        )
        return _page(
            f"Continue as {person.name}?",
            "<form method=post>",
            _dialog_fields(found.app_id, values, scopes, fb_user=person.id),
            f"<fieldset><legend>Choose the Pages and Instagram accounts</legend>{pages}</fieldset>",
            _scope_boxes(scopes, ""),
            _decision_buttons(),
            "</form>",
        )

    @app.post("/www.facebook.com/{version}/dialog/oauth")
    async def facebook_consent(version: str, request: Request):
        form, values = await _form(request)
        found = known_app(values.get("client_id", ""), values.get("redirect_uri", ""), "facebook")
        person = world.facebook_users.get(values.get("fb_user", ""))
        if found is None or person is None:
            return _page("Invalid request", status=400)
        state = values.get("state", "")
        if values.get("decision") != "allow":
            return _denied("facebook", values["redirect_uri"], state)
        chosen = [p for p in person.pages if p.id in form.getlist("page")]
        requested = values.get("scope", "").split(",")
        granted = list(dict.fromkeys(s for s in form.getlist("grant") if s in requested))
        code = new_grant(
            found,
            values["redirect_uri"],
            granted,
            [p.ig_user_id for p in chosen],
            person.id,
            [p.id for p in chosen],
        )
        return _redirect(values["redirect_uri"], {"code": code, "state": state}, "#_=_")

    @app.get("/graph.facebook.com/{version}/oauth/access_token")
    async def facebook_token(version: str, request: Request):
        values = dict(request.query_params)
        found = world.apps.get(values.get("client_id", ""))
        if found is None or found.login != "facebook":
            raise GraphError(400, 101, 0, "Error validating application. Invalid application ID.")
        if not hmac.compare_digest(values.get("client_secret", ""), found.secret):
            raise GraphError(400, 1, 0, "Error validating client secret.")
        if values.get("grant_type") == "fb_exchange_token":
            token = tokens.authenticate(
                world, FACEBOOK_GRAPH, {"access_token": values.get("fb_exchange_token", "")}
            )
            if token.kind not in ("short", "long") or token.app_id != found.app_id:
                raise GraphError(400, 100, 0, "Only a user access token of this app can be exchanged")
            fresh = issue("facebook", "long", token, found.app_id, LONG_LIVED_SECONDS)
            return {"access_token": fresh.value, "token_type": "bearer", "expires_in": LONG_LIVED_SECONDS}
        taken = take_code(values.get("code", ""), found.app_id, values.get("redirect_uri", ""))
        if isinstance(taken, str):
            subcode = 36009 if "used" in taken else 36008 if "redirect_uri" in taken else 0
            raise GraphError(400, 100, subcode, taken)
        token = issue("facebook", "short", taken, found.app_id, 2 * SHORT_LIVED_SECONDS)
        return {"access_token": token.value, "token_type": "bearer", "expires_in": 2 * SHORT_LIVED_SECONDS}

    @app.get("/graph.facebook.com/{version}/debug_token")
    async def debug_token(version: str, request: Request):
        values = _values(request)
        app_id, _, secret = values.get("access_token", "").partition("|")
        viewer = world.apps.get(app_id)
        if viewer is None or not hmac.compare_digest(secret, viewer.secret):
            raise GraphError(400, 190, 0, tokens.CANNOT_PARSE)
        token = world.tokens.get(values.get("input_token", ""))
        if token is None or token.login != "facebook":
            return {"data": {"is_valid": False, "error": {"code": 190, "message": tokens.CANNOT_PARSE}}}
        if token.app_id not in ("", viewer.app_id):
            raise GraphError(
                400, 100, 0, "(#100) The App_id in the input_token did not match the Viewing App"
            )
        try:
            tokens.authenticate(world, FACEBOOK_GRAPH, {"access_token": token.value})
            valid, error = True, None
        except GraphError as err:
            valid, error = False, {"code": err.code, "subcode": err.subcode, "message": err.message}
        data = {
            "app_id": token.app_id or viewer.app_id,
            "type": "PAGE" if token.kind == "page" else "SYSTEM_USER" if token.kind == "system" else "USER",
            "application": "Postflow",
            "expires_at": int(token.expires_at),
            "data_access_expires_at": int(token.issued_at + 90 * 86400),
            "is_valid": valid,
            "issued_at": int(token.issued_at),
            "scopes": token.scopes,
            "granular_scopes": [
                {"scope": s, "target_ids": token.ig_user_ids}
                for s in token.scopes
                if s.startswith("instagram_")
            ],
            "user_id": token.facebook_user_id,
        }
        if error:
            data["error"] = error
        return {"data": data}

    @app.get("/graph.facebook.com/{version}/me/accounts")
    async def my_pages(version: str, request: Request):
        values = _values(request)
        token = tokens.authenticate(world, FACEBOOK_GRAPH, values)
        if token.kind not in ("short", "long"):
            raise GraphError(400, 100, 0, "(#100) Tried accessing nonexisting field (accounts)")
        if "pages_show_list" not in token.scopes:
            raise GraphError(
                403, 10, 0, "(#10) Application does not have permission for this action (pages_show_list)"
            )
        person = world.facebook_users.get(token.facebook_user_id)
        pages = [p for p in (person.pages if person else []) if p.ig_user_id in token.ig_user_ids]
        data = []
        for page in pages:
            # From a long-lived user token, a Page token that never expires.
            page_token = world.issue(
                app_id=token.app_id,
                login="facebook",
                kind="page",
                scopes=list(token.scopes),
                issued_at=world.now(),
                expires_at=0 if token.kind == "long" else token.expires_at,
                ig_user_ids=[page.ig_user_id],
                facebook_user_id=token.facebook_user_id,
            )
            owner = world.accounts.get(page.ig_user_id)
            entry = {"id": page.id, "name": page.name, "access_token": page_token.value}
            if owner is not None:
                entry["instagram_business_account"] = {"id": owner.ig_user_id, "username": owner.username}
            data.append(entry)
        return {"data": data}
