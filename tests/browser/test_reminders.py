"""What the API cannot publish, in a real browser: a story planned "publish it myself"
brings a reminder to the bell at its time; it opens the post, whose media are there to
download and caption to copy; "Mark as done" records it published. And a scheduled post
whose pre-flight failed a day ahead says so on its calendar card."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.browser.pages import serious_violations, signed_in_page
from tests.services.scheduler.publishing import IMAGE, ZONE, local_in, schedule
from tests.services.scheduler.test_preflight import MISSING, _round

pytestmark = pytest.mark.browser


def _until(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def _unread(bell) -> int:
    """The bell's count, as a screen reader hears it ("Notifications, 3 unread")."""
    label = bell.get_attribute("aria-label") or ""
    return int(label.split(", ")[1].split()[0]) if ", " in label else 0


def test_a_reminder_opens_the_post_to_publish_by_hand_and_it_is_marked_done(
    browser, system, publisher, screenshot
):
    page = signed_in_page(browser, system, publisher, "/#/calendar")
    post = publisher.client.post(
        "/api/v1/posts",
        json={
            "caption": "Poll in the story: which loaf?",
            "media": [{"url": IMAGE}],
            "post_type": "story",
            "options": {"publish_myself": True},
            "scheduled_for": local_in(3),
            "timezone": ZONE,
        },
    ).json()
    bell = page.locator("pf-bell button.bell")
    _until(lambda: _unread(bell) > 0)
    bell.click()
    reminder = page.locator(".notification").filter(has_text="Time to post your story").first
    reminder.wait_for(timeout=30_000)
    reminder.click()
    page.get_by_role("heading", name="You publish it yourself").wait_for()
    page.locator(".reminder-state").filter(has_text="It is time").wait_for()
    assert page.get_by_role("link", name="Download media 1").get_attribute("href") == IMAGE
    assert page.get_by_label("Caption to copy").input_value() == "Poll in the story: which loaf?"
    assert serious_violations(page) == []
    screenshot(page, "reminder")
    page.get_by_role("button", name="Mark as done").click()
    page.locator(".reminder-state").filter(has_text="Done: you published it").wait_for()
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "published"
    assert [p for p in page.problems if "Failed to load resource" not in p] == []


def test_a_failed_pre_flight_shows_on_the_calendar_card(browser, system, publisher):
    post = publisher.client.post(
        "/api/v1/posts", json={"caption": "Unreachable", "media": [{"url": MISSING}]}
    ).json()
    assert schedule(publisher, post["id"], 20 * 3600).status_code == 200
    # Playwright's loop runs in this thread: the round is asked from another.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, _round(system, publisher.id)).result().failed == 1
    day = publisher.client.get(f"/api/v1/posts/{post['id']}").json()["scheduled_local"][:10]
    page = signed_in_page(browser, system, publisher, f"/#/calendar?view=day&date={day}")
    card = page.locator(f'[data-post-id="{post["id"]}"]')
    card.wait_for()
    assert "Would fail" in card.inner_text()
    assert "would fail" in card.get_attribute("aria-label")
    card.click()
    page.locator(".preflight-checks li.failed").filter(has_text="HTTP 404").wait_for()
