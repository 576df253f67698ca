"""Repeating a post from the composer: plain choices, said back in words, sent as the RRULE
the API stores; the series then shows its next occurrences and can be stopped."""

import random

import pytest

from tests.browser.pages import serious_violations, signed_in_page
from tests.services.scheduler.publishing import IMAGE

pytestmark = pytest.mark.browser


def test_every_monday_and_thursday_at_half_past_nine(browser, system, api, instagram):
    user = api.new_user(name="Mina", timezone="Europe/Paris")
    ig_user_id = str(random.randint(10**16, 10**17))
    credentials = {"ig_user_id": ig_user_id, "access_token": f"EAAG-{ig_user_id}"}
    instagram.post("/_simulator/accounts", json=credentials)
    assert user.client.post("/api/v1/accounts", json=credentials).status_code == 201
    post = user.create_post(caption="Weekly harbour report", media=[{"url": IMAGE}])

    page = signed_in_page(browser, system, user, f"/#/compose/{post['id']}")
    page.get_by_role("heading", name="Repeat").wait_for()
    page.get_by_label("Thu", exact=True).check()
    page.get_by_label("At", exact=True).fill("09:30")
    page.get_by_label("Times", exact=True).fill("4")
    words = page.locator("form .rule")
    words.filter(has_text="every Monday and Thursday").wait_for()
    assert "4 times at 09:30, from" in words.inner_text()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Repeat this post").click()

    page.get_by_text("Repeats every Monday and Thursday, 4 times at 09:30 (Europe/Paris).").wait_for()
    assert page.get_by_text("Next:").count() == 1
    series = user.client.get(f"/api/v1/posts/{post['id']}/recurrence").json()
    assert series["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30;COUNT=4"
    assert series["timezone"] == "Europe/Paris" and series["status"] == "active"
    assert all(t[11:16] == "09:30" for t in series["upcoming"])

    page.get_by_role("button", name="Stop repeating").click()
    page.get_by_role("button", name="Repeat this post").wait_for()
    assert user.client.get(f"/api/v1/posts/{post['id']}/recurrence").json()["status"] == "stopped"
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    page.context.close()
