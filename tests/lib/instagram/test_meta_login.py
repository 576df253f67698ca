"""Meta's two logins, the tokens they make and the rules those tokens live by, through the
real client (lib/instagram) against the simulator over HTTP: the consent forms are posted
as a browser would post them."""

import random

import httpx
import pytest

from lib.common.config import Settings
from lib.instagram import errors
from lib.instagram.graph_api import FACEBOOK_GRAPH, INSTAGRAM_GRAPH, GraphApiClient
from lib.instagram.meta_login import FACEBOOK, INSTAGRAM, SCOPES, MetaLogin
from tests import meta_dialogs
from tests.meta_dialogs import facebook_person, new_account

REDIRECT = "https://postflow.test/connect/callback"
DAY = 86400


@pytest.fixture(scope="module")
def control(graph_simulator):
    client = httpx.Client(base_url=graph_simulator, timeout=10)
    apps = {
        INSTAGRAM: str(random.randint(10**14, 10**15)),
        FACEBOOK: str(random.randint(10**14, 10**15)),
    }
    for login, app_id in apps.items():
        reply = client.post(
            "/_simulator/apps",
            json={"app_id": app_id, "secret": f"{login}-secret", "login": login, "redirect_uris": [REDIRECT]},
        )
        assert reply.status_code == 201, reply.text
    client.apps = apps
    yield client
    client.post("/_simulator/clock", json={"offset_seconds": 0})


@pytest.fixture
async def meta(graph_simulator, control):
    settings = Settings(
        environment="local",
        meta_simulator_url=graph_simulator,
        meta_redirect_uri=REDIRECT,
        instagram_app_id=control.apps[INSTAGRAM],
        instagram_app_secret=f"{INSTAGRAM}-secret",
        meta_app_id=control.apps[FACEBOOK],
        meta_app_secret=f"{FACEBOOK}-secret",
    )
    graph = GraphApiClient.from_settings(settings)
    yield MetaLogin(settings, graph), graph
    await graph.close()
    control.post("/_simulator/clock", json={"offset_seconds": 0})


def consent(
    control, authorize_url: str, fields: dict, grant: list[str] | None = None
) -> dict[str, list[str]]:
    return {
        k: [v]
        for k, v in meta_dialogs.consent(control, authorize_url, fields, grant, redirect=REDIRECT).items()
    }


async def instagram_login(meta, control, username: str, grant=None):
    login, _ = meta
    back = consent(
        control, login.authorize_url(INSTAGRAM, "s1"), {"username": username, "decision": "allow"}, grant
    )
    assert back["state"] == ["s1"]
    return back["code"][0]


async def test_instagram_login_makes_a_60_day_token_for_graph_instagram_com_only(meta, control):
    login, graph = meta
    ig_user_id, username = new_account(control, "harbour")
    code = await instagram_login(meta, control, ig_user_id)
    short = await login.instagram_code(code)
    assert short.user_id == ig_user_id
    assert sorted(short.scopes) == sorted(SCOPES[INSTAGRAM]), "each once"
    with pytest.raises(errors.GraphApiError, match="used"):
        await login.instagram_code(code)  # a code works once
    long = await login.instagram_long_lived(short)
    assert long.expires_in == 60 * DAY
    assert await login.instagram_account(long.access_token) == (ig_user_id, username)
    assert await graph.on(INSTAGRAM_GRAPH).account_username(ig_user_id, long.access_token) == username
    tokens = control.get("/_simulator/tokens", params={"ig_user_id": ig_user_id}).json()
    assert {(t["login"], t["kind"]) for t in tokens} >= {("instagram", "short"), ("instagram", "long")}
    # On the other host Meta cannot even parse it.
    with pytest.raises(errors.AuthorizationError, match="Cannot parse"):
        await graph.on(FACEBOOK_GRAPH).account_username(ig_user_id, long.access_token)


async def test_a_long_lived_token_refreshes_after_a_day_and_dies_after_60_days(meta, control):
    login, graph = meta
    ig_user_id, _ = new_account(control, "quay")
    long = await login.instagram_long_lived(
        await login.instagram_code(await instagram_login(meta, control, ig_user_id))
    )
    with pytest.raises(errors.GraphApiError, match="24 hours"):
        await login.instagram_refresh(long.access_token)
    control.post("/_simulator/clock", json={"advance_seconds": 59 * DAY})
    fresh = await login.instagram_refresh(long.access_token)
    assert fresh.expires_in == 60 * DAY
    control.post("/_simulator/clock", json={"advance_seconds": 11 * DAY})  # day 70
    with pytest.raises(errors.AuthorizationError) as expired:
        await graph.on(INSTAGRAM_GRAPH).account_username(ig_user_id, long.access_token)
    assert expired.value.subcode == 463
    assert await graph.on(INSTAGRAM_GRAPH).followers_count(ig_user_id, fresh.access_token) >= 0
    with pytest.raises(errors.AuthorizationError):
        await login.instagram_refresh(long.access_token)  # expired: too late to refresh


async def test_an_unticked_publishing_permission_is_named_and_publishing_is_refused(meta, control):
    login, graph = meta
    ig_user_id, _ = new_account(control, "dock")
    granted = ["instagram_business_basic", "instagram_business_manage_insights"]
    short = await login.instagram_code(await instagram_login(meta, control, ig_user_id, granted))
    assert "instagram_business_content_publish" not in short.scopes
    with pytest.raises(errors.PermissionMissing):
        await graph.on(INSTAGRAM_GRAPH).create_container(
            ig_user_id, short.access_token, image_url="https://cdn.example.com/a.jpg"
        )


async def test_a_denied_consent_comes_back_as_an_error_with_the_state(meta, control):
    login, _ = meta
    back = consent(control, login.authorize_url(INSTAGRAM, "s2"), {"decision": "deny"})
    assert back["error"] == ["access_denied"] and back["state"] == ["s2"] and "code" not in back


def test_an_unregistered_redirect_uri_gets_no_redirect(control):
    page = control.get(
        "/www.instagram.com/oauth/authorize",
        params={
            "client_id": control.apps[INSTAGRAM],
            "redirect_uri": "https://attacker.example/steal",
            "response_type": "code",
            "scope": "instagram_business_basic",
        },
    )
    assert page.status_code == 400 and "location" not in page.headers


async def test_facebook_login_gives_the_chosen_pages_with_their_instagram_accounts(meta, control):
    login, graph = meta
    (first, _), (second, _) = new_account(control, "north"), new_account(control, "south")
    person, (north_page, _) = facebook_person(control, {"North Café": first, "South Café": second})
    back = consent(
        control,
        login.authorize_url(FACEBOOK, "s3"),
        {"fb_user": person, "decision": "allow", "page": north_page},
    )
    user = await login.facebook_long_lived(await login.facebook_code(back["code"][0]))
    assert user.expires_in == 60 * DAY
    info = await login.debug_token(user.access_token)
    assert info.is_valid and set(info.scopes) == set(SCOPES[FACEBOOK])
    pages = await login.facebook_pages(user.access_token)
    assert [(p.page_name, p.ig_user_id) for p in pages] == [("North Café", first)]
    page_token = pages[0].access_token
    assert (await login.debug_token(page_token)).expires_at == 0  # a Page token does not expire
    assert await graph.on(FACEBOOK_GRAPH).followers_count(first, page_token) >= 0
    with pytest.raises(errors.NotFound):  # the Page not chosen stays out of reach
        await graph.on(FACEBOOK_GRAPH).followers_count(second, page_token)
    control.post("/_simulator/revoke", json={"ig_user_id": first})
    with pytest.raises(errors.AuthorizationError) as revoked:
        await graph.on(FACEBOOK_GRAPH).followers_count(first, page_token)
    assert revoked.value.subcode == 458


async def test_appsecret_proof_is_checked_when_sent_and_required_when_the_app_says(
    meta, control, graph_simulator
):
    login, graph = meta
    ig_user_id, _ = new_account(control, "pier")
    long = await login.instagram_long_lived(
        await login.instagram_code(await instagram_login(meta, control, ig_user_id))
    )
    ig = graph.on(INSTAGRAM_GRAPH)
    assert await ig.followers_count(ig_user_id, long.access_token) >= 0  # the right proof
    wrong = GraphApiClient(
        meta_url=graph_simulator, version="v25.0", timeout=5, app_secrets={INSTAGRAM_GRAPH: "not-the-secret"}
    ).on(INSTAGRAM_GRAPH)
    none = GraphApiClient(meta_url=graph_simulator, version="v25.0", timeout=5).on(INSTAGRAM_GRAPH)
    try:
        with pytest.raises(errors.GraphApiError, match="Invalid appsecret_proof"):
            await wrong.followers_count(ig_user_id, long.access_token)
        assert await none.followers_count(ig_user_id, long.access_token) >= 0  # not required yet
        control.post(
            "/_simulator/apps",
            json={
                "app_id": control.apps[INSTAGRAM],
                "secret": f"{INSTAGRAM}-secret",
                "login": INSTAGRAM,
                "redirect_uris": [REDIRECT],
                "require_proof": True,
            },
        )
        with pytest.raises(errors.GraphApiError, match="require an appsecret_proof"):
            await none.followers_count(ig_user_id, long.access_token)
        assert await ig.followers_count(ig_user_id, long.access_token) >= 0
    finally:
        await wrong.close()
        await none.close()
