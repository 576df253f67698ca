"""A new user in a real browser: creates an account, connects a (simulated) Instagram
account, comes back after a reload still signed in, at a phone's width too, and signs out.
The session's refresh token is never where a script could read it, nothing breaks the
page's Content-Security-Policy, and axe-core finds no serious accessibility violation."""

import random

import pytest

from tests.browser.pages import open_page, serious_violations, signed_in_page
from tests.meta_dialogs import facebook_person, new_account

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, system):
    opened = open_page(browser, system)
    yield opened
    opened.context.close()


def test_a_new_user_signs_up_connects_an_account_and_stays_signed_in(page, instagram, screenshot):
    page.goto("/")
    page.get_by_role("heading", name="Sign in to Postflow").wait_for()
    assert serious_violations(page) == []
    screenshot(page, "sign-in")

    page.get_by_role("button", name="Create an account").click()
    email = f"browser-{random.randint(10**8, 10**9)}@example.com"
    page.get_by_label("Your name").fill("Mina from Harbour Studio")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    # The API's refusal, beside the field it names.
    password = page.get_by_label("Password")
    refusal = page.locator(f"#{password.get_attribute('aria-describedby')}")
    refusal.wait_for(state="visible")
    assert "8" in refusal.inner_text() and password.get_attribute("aria-invalid") == "true"
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Instagram accounts").wait_for()

    # Connect with Instagram: Meta's (the simulator's) dialog, denied first, then allowed.
    _, username = new_account(instagram, "harbour")
    page.get_by_role("button", name="Connect with Instagram").click()
    page.get_by_role("heading", name="Log in to Instagram").wait_for()
    page.get_by_role("button", name="Deny").click()
    page.get_by_role("alert").filter(has_text="You did not allow Postflow").wait_for()
    assert page.url.endswith("/#/accounts")
    page.get_by_role("button", name="Connect with Instagram").click()
    page.get_by_label("Username").fill(username)
    page.get_by_role("button", name="Allow").click()
    page.get_by_role("status").filter(has_text=f"Connected @{username}").wait_for()
    listed = page.get_by_role("list", name="Connected accounts")
    listed.get_by_text(f"@{username}").wait_for()
    listed.get_by_text("Instagram login").wait_for()
    # A callback whose state this person never started is refused, and says so.
    page.goto("/connect/callback?state=forged-state&code=stolen-code")
    page.get_by_role("alert").filter(has_text="is not a login you started here").wait_for()

    # Advanced: a pasted token (a system user's).
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    account = {"ig_user_id": ig_user_id, "access_token": token, "username": "harbour_studio"}
    instagram.post("/_simulator/accounts", json=account)
    page.get_by_text("Advanced: paste an access token").click()
    page.get_by_label("Instagram account id").fill(ig_user_id)
    page.get_by_label("Access token").fill("EAAG-wrong")
    page.get_by_role("button", name="Connect account").click()
    page.locator("[aria-invalid=true]").first.wait_for()
    page.get_by_label("Access token").fill(token)
    page.get_by_role("button", name="Connect account").click()
    page.get_by_role("status").filter(has_text="Connected @harbour_studio").wait_for()
    page.get_by_role("list", name="Connected accounts").get_by_text("@harbour_studio").wait_for()
    assert page.locator("[aria-invalid=true]").count() == 0  # the refusal is gone with its cause
    assert serious_violations(page) == []
    screenshot(page, "accounts")

    # Only the access token, in memory: nothing in storage, the refresh cookie out of script's
    # reach (a script sees only the marker that a session exists, which holds no secret).
    assert page.evaluate("document.cookie") == "postflow_signed_in=1"
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "postflow_refresh"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/api/v1/auth"

    # A reload resumes the session from the cookie.
    page.reload()
    page.get_by_role("heading", name="Instagram accounts").wait_for()
    page.get_by_text("@harbour_studio").wait_for()

    # At a phone's width: nothing wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "accounts-phone")

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in to Postflow").wait_for()
    page.reload()
    page.get_by_role("heading", name="Sign in to Postflow").wait_for()
    assert [c for c in page.context.cookies() if c["name"] == "postflow_refresh"] == []

    # No script error and no refusal by the Content-Security-Policy on the way (the 401 of
    # the signed-out reload's refresh and the refused token are the API's answers).
    assert [p for p in page.problems if "status of 4" not in p] == []


def test_connect_with_facebook_and_pick_one_of_two_pages(browser, system, api, instagram):
    user = api.new_user()
    (north, _), (south, south_name) = new_account(instagram, "north"), new_account(instagram, "south")
    person, _ = facebook_person(instagram, {"North Café": north, "South Café": south})
    page = signed_in_page(browser, system, user, "/#/accounts")
    try:
        page.get_by_role("button", name="Connect with Facebook").click()
        page.get_by_label("Facebook account").fill(person)
        page.get_by_role("button", name="Continue").click()
        page.get_by_role("heading", name="Continue as Ana?").wait_for()
        page.get_by_role("button", name="Allow").click()
        # Back in Postflow: both Pages' accounts offered, the person keeps one.
        picker = page.get_by_role("form", name="Which accounts should Postflow publish to?")
        picker.wait_for()
        assert serious_violations(page) == []
        picker.get_by_label("North Café").uncheck()
        picker.get_by_role("button", name="Connect selected").click()
        page.get_by_role("status").filter(has_text=f"Connected @{south_name}").wait_for()
        listed = page.get_by_role("list", name="Connected accounts")
        listed.get_by_text("Page South Café").wait_for()
        assert listed.get_by_text("North Café").count() == 0
        assert [a["username"] for a in user.client.get("/api/v1/accounts").json()] == [south_name]
    finally:
        page.context.close()


def test_a_visitor_with_no_session_opens_the_app_without_a_console_error(browser, system, api):
    """No session to resume: no refresh is sent (it could only fail, and a browser logs a
    failed request as an error). After a sign-out, the same."""
    page = open_page(browser, system)
    page.goto("/")
    page.get_by_role("button", name="Sign in").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.problems == []
    user = api.new_user()
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(user.password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in").wait_for()
    page.reload()
    page.get_by_role("button", name="Sign in").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.problems == []
