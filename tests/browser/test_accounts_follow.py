"""Screens that depend on the accounts follow a connect, a health change and a disconnect
as they happen, without a reload; an account Instagram stopped trusting shows why, and its
Reconnect button goes through Meta's login and keeps the account."""

import time

import pytest

from tests.browser.pages import signed_in_page
from tests.meta_dialogs import new_account
from tests.services.scheduler.publishing import schedule

pytestmark = pytest.mark.browser


def offered(page, username: str) -> None:
    """Until the Schedule panel's account choice lists @username."""
    choice = page.get_by_label("Instagram account").locator("option", has_text=f"@{username}")
    choice.wait_for(state="attached")


def test_the_composer_follows_a_connect_and_a_disconnect_made_elsewhere(browser, system, api, instagram):
    user = api.new_user()
    page = signed_in_page(browser, system, user, "/#/compose")
    page.get_by_text("Connect an Instagram account first").wait_for()

    # Another tab (here, the API) connects an account: the Schedule panel offers it.
    ig_user_id, username = new_account(instagram, "follow")
    made = user.client.post(
        "/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": f"EAAG-{ig_user_id}"}
    )
    assert made.status_code == 201, made.text
    offered(page, username)
    page.get_by_role("button", name="Schedule").wait_for()

    assert user.client.delete(f"/api/v1/accounts/{made.json()['id']}").status_code == 204
    page.get_by_text("Connect an Instagram account first").wait_for()
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    page.context.close()


def test_a_composer_opened_with_an_account_offers_it_at_once(browser, system, api, instagram):
    # Found trying it as a new user would: the panel was drawn before the accounts arrived.
    user = api.new_user()
    ig_user_id, username = new_account(instagram, "atonce")
    token = f"EAAG-{ig_user_id}"
    user.client.post("/api/v1/accounts", json={"ig_user_id": ig_user_id, "access_token": token})
    page = signed_in_page(browser, system, user, "/#/compose")
    offered(page, username)
    assert not page.get_by_text("Connect an Instagram account first").count()
    page.context.close()


def test_a_revoked_account_shows_it_needs_reconnecting_and_the_button_reconnects_it(
    browser, system, api, instagram
):
    user = api.new_user()
    page = signed_in_page(browser, system, user, "/#/accounts")
    ig_user_id, username = new_account(instagram, "relink")
    page.get_by_role("button", name="Connect with Instagram").click()
    page.get_by_label("Username").fill(username)
    page.get_by_role("button", name="Allow").click()
    page.get_by_role("status").filter(has_text=f"Connected @{username}").wait_for()
    [account] = user.client.get("/api/v1/accounts").json()

    # The person removes the app on Instagram; a post due now finds out.
    instagram.post("/_simulator/revoke", json={"ig_user_id": ig_user_id})
    post = user.create_post(media=[{"url": "https://cdn.example.com/harbour.jpg"}])
    post_id = post["id"]
    user.account_id = account["id"]
    assert schedule(user, post_id, 2).status_code == 200
    listed = page.get_by_role("list", name="Connected accounts")
    listed.get_by_text("Needs reconnecting").wait_for(timeout=30_000)  # no reload: live

    page.get_by_role("button", name=f"Reconnect @{username}").click()
    page.get_by_label("Username").fill(username)
    page.get_by_role("button", name="Allow").click()
    page.get_by_role("status").filter(has_text=f"Connected @{username}").wait_for()
    listed.get_by_text("Connected").first.wait_for()
    assert [a["id"] for a in user.client.get("/api/v1/accounts").json()] == [account["id"]]
    deadline = time.monotonic() + 30
    while user.client.get(f"/api/v1/posts/{post_id}").json()["status"] != "published":
        assert time.monotonic() < deadline, "the post waiting for the reconnect was not published"
        time.sleep(0.2)
    published = instagram.get("/_simulator/publishes", params={"ig_user_id": ig_user_id}).json()
    assert len(published) == 1
    page.context.close()
