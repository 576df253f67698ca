"""A forgotten password in a real browser: asked for on the sign-in screen, the emailed link
opens the web app's own page for it, the new password is set there, and signs in."""

import re
import time

import pytest

from tests.browser.pages import open_page, serious_violations

pytestmark = pytest.mark.browser


def _reset_link(smtp_sink, address: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while not smtp_sink.to(address):
        assert time.monotonic() < deadline, "no reset email"
        time.sleep(0.1)
    body = smtp_sink.to(address)[-1].get_content()
    return re.search(r"https?://\S+/#/reset-password\?token=[A-Za-z0-9_\-]+", body).group(0)


def test_a_forgotten_password_is_reset_from_the_emailed_link(browser, system, api, smtp_sink):
    user = api.new_user()
    page = open_page(browser, system)
    page.goto("/")
    page.get_by_role("button", name="Forgot your password?").click()
    page.get_by_label("Email").fill(user.email)
    page.get_by_role("button", name="Send me a reset link").click()
    page.get_by_role("status").filter(has_text="a reset link is on its way").wait_for()

    link = _reset_link(smtp_sink, user.email)
    # The link names the public address; the page is the same on the system's own.
    page.goto("/#" + link.split("/#", 1)[1])
    page.get_by_role("heading", name="Choose a new password").wait_for()
    page.get_by_label("New password").fill("a brand new passphrase")
    page.get_by_role("button", name="Set the new password").click()
    page.get_by_text("Your password is changed").wait_for()
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill("a brand new passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()
    assert serious_violations(page) == []
    # The link worked once.
    again = api.anonymous.post(
        "/api/v1/auth/password-reset/confirm",
        json={"token": link.rsplit("token=", 1)[1], "new_password": "yet another passphrase"},
    )
    assert again.status_code in (400, 404, 422), again.text
    page.context.close()
