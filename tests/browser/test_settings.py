"""Settings in a real browser: a new time zone is where the calendar's days and the
schedule's times are read from then on; notification preferences are saved whole, and a
refused webhook address is said beside its field."""

import pytest

from tests.browser.pages import serious_violations, signed_in_page

pytestmark = pytest.mark.browser


def test_time_zone_and_notification_preferences(browser, system, api, screenshot):
    user = api.new_user(name="Mina", timezone="Europe/Paris")
    milestones = {"likes": [100, 1000], "reach_multiple": 3.0}
    first = user.client.post("/api/v1/notifications/preferences", json={"milestones": milestones})
    assert first.status_code == 200, first.text
    page = signed_in_page(browser, system, user, "/#/settings")
    page.get_by_role("heading", name="Settings").wait_for()

    page.get_by_label("Time zone").select_option("America/New_York")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("status").filter(has_text="Saved").first.wait_for()
    assert user.client.get("/api/v1/auth/me").json()["timezone"] == "America/New_York"

    # Notifications: no live note of time changes, quiet nights, a webhook that is no web address.
    page.get_by_label("A post's time changed: In the app").uncheck()
    page.get_by_label("A post failed to publish: Webhook").check()
    page.get_by_label("Quiet hours").check()
    page.get_by_label("From").fill("21:30")
    page.get_by_label("Until").fill("06:45")
    page.get_by_label("Webhook URL").fill("ftp://example.com/hook")
    page.get_by_role("button", name="Save notifications").click()
    webhook = page.get_by_label("Webhook URL")
    page.locator("[aria-invalid=true]").wait_for()
    assert webhook.get_attribute("aria-invalid") == "true"
    assert page.locator(f"#{webhook.get_attribute('id')}-error").inner_text()
    nothing_saved = user.client.get("/api/v1/notifications/preferences").json()
    assert nothing_saved.get("quiet_hours") is None

    page.get_by_label("A post failed to publish: Webhook").uncheck()
    webhook.fill("")
    page.get_by_role("button", name="Save notifications").click()
    # (This form's own status: the profile's "Saved" above is already on the page.)
    notifications = page.get_by_role("region", name="Notifications", exact=True)
    notifications.get_by_role("status").filter(has_text="Saved").wait_for()
    saved = user.client.get("/api/v1/notifications/preferences").json()
    assert saved["channels"]["schedule_changed"]["websocket"] is False
    assert saved["channels"]["post_published"]["websocket"] is True
    assert saved["quiet_hours"] == {"start": "21:30", "end": "06:45"}
    assert saved["timezone"] == "America/New_York"
    assert saved["milestones"]["likes"] == [100, 1000]  # not shown here, and not lost
    assert serious_violations(page) == []
    screenshot(page, "settings")

    # The calendar now reads its days in the new zone.
    page.get_by_role("link", name="Calendar").click()
    page.get_by_text("times in America/New_York").wait_for()
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    page.context.close()
