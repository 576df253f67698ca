"""The composer in a real browser: live counters against Instagram's limits, hashtag
warnings, media and the Instagram-like preview of each kind, auto-save that survives a
closed tab and resumes, versions with their diff and a restore, and scheduling at a
suggested best time, each checked against what the API then holds."""

import random
import time

import pytest

from tests.browser.pages import serious_violations, signed_in_page
from tests.services.media.helpers import image_bytes

pytestmark = pytest.mark.browser

ZONE = "Europe/Paris"


def _until(check, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def _post_id(page) -> str:
    """From the address (read in the page: Playwright's page.url may miss a replaceState)."""
    address = _until(lambda: (hash_ := page.evaluate("location.hash")).startswith("#/compose/") and hash_)
    assert address, "the post was never created"
    return address.removeprefix("#/compose/")


def test_write_autosave_resume_version_and_schedule_a_carousel(
    browser, system, api, instagram, screenshot, tmp_path
):
    user = api.new_user(name="Mina", timezone=ZONE)
    ig_user_id = str(random.randint(10**16, 10**17))
    credentials = {"ig_user_id": ig_user_id, "access_token": f"EAAG-{ig_user_id}"}
    instagram.post("/_simulator/accounts", json=credentials)
    assert user.client.post("/api/v1/accounts", json=credentials).status_code == 201

    page = signed_in_page(browser, system, user, "/#/compose")
    page.get_by_role("heading", name="New post").wait_for()
    caption = page.get_by_label("Caption")
    caption.fill("Morning light over the harbour with @harbour_crew #sunrise")
    page.get_by_role("textbox", name="Hashtags").fill("harbour, instagood")
    counters = page.locator("#c-counters")
    counters.filter(has_text="3 / 30 hashtags").wait_for()  # one in the caption, two listed
    assert "1 / 20 mentions" in counters.inner_text()
    # The caption plus the hashtags appended to it, as Instagram receives it.
    expected = len("Morning light over the harbour with @harbour_crew #sunrise #harbour #instagood")
    assert f"{expected} / 2200 characters" in counters.inner_text()
    # instagood is one of the generic tags that bring little reach: said while typing.
    page.locator(".suggestions .warning").filter(has_text="instagood").wait_for()

    page.get_by_label("Type").select_option("carousel")
    for name in ("harbour-1.jpg", "harbour-2.jpg"):
        page.get_by_label("Media URL").fill(f"https://cdn.example.com/{name}")
        page.get_by_role("button", name="Add", exact=True).click()
    assert page.locator(".ig-feed .ig-track .ig-slide").count() == 2
    # The first save creates the post as a draft; the address now names it.
    post_id = _post_id(page)
    page.locator(".saved").filter(has_text="Saved").wait_for()
    stored = user.client.get(f"/api/v1/posts/{post_id}").json()
    assert stored["post_type"] == "carousel" and len(stored["media"]) == 2
    screenshot(page, "composer")

    # Typing goes on; the tab closes at once, before the pause that auto-saves.
    caption.fill("Evening light over the harbour with @harbour_crew #sunrise")
    page.close(run_before_unload=True)
    autosaved = f"/api/v1/posts/{post_id}/autosave"
    draft = _until(lambda: user.client.get(autosaved).json().get("caption", "").startswith("Evening"))
    assert draft, "the last typing was lost with the tab"
    assert user.client.get(f"/api/v1/posts/{post_id}").json()["caption"].startswith("Morning")

    # Opened again: the auto-saved draft is resumed; saving makes it version 2.
    page = signed_in_page(browser, system, user, f"/#/compose/{post_id}")
    page.get_by_text("Resumed your auto-saved draft").wait_for()
    assert page.get_by_label("Caption").input_value().startswith("Evening")
    page.get_by_role("button", name="Save version").click()
    page.locator(".saved").filter(has_text="Saved as version 2").wait_for()
    assert user.client.get(f"/api/v1/posts/{post_id}").json()["caption"].startswith("Evening")

    # History: what changed, then version 1 back as version 3.
    page.get_by_role("button", name="Changes from version 1").click()
    page.locator(".diff .del").filter(has_text="Morning").wait_for()
    assert "Evening" in page.locator(".diff .add").first.inner_text()
    page.get_by_role("button", name="Restore version 1").click()
    page.get_by_role("status").filter(has_text="restored as version 3").wait_for()
    assert page.get_by_label("Caption").input_value().startswith("Morning")
    assert user.client.get(f"/api/v1/posts/{post_id}").json()["version"] == 3

    # A photo uploaded from the composer joins the carousel.
    photo = tmp_path / "quay.jpg"
    photo.write_bytes(image_bytes((1080, 1350)))
    page.set_input_files("#c-upload", str(photo))
    page.get_by_role("status").filter(has_text="quay.jpg added").wait_for()
    assert page.locator(".chosen-media li").count() == 3

    # Every kind previews as Instagram shows it.
    for kind, frame in (("reel", ".ig-reel"), ("story", ".ig-story"), ("carousel", ".ig-feed .ig-track")):
        page.get_by_label("Type").select_option(kind)
        page.locator(frame).wait_for()

    # Schedule at the best suggested time, its score shown.
    page.get_by_role("button", name="Suggest best times").click()
    best = page.locator(".best-time").first
    best.wait_for()
    assert "score" in best.inner_text()
    best.click()
    chosen = page.get_by_label(f"Publish at ({ZONE})").input_value()
    page.get_by_role("button", name="Schedule", exact=True).click()
    page.get_by_role("status").filter(has_text="Scheduled for").wait_for()
    stored = user.client.get(f"/api/v1/posts/{post_id}").json()
    assert stored["status"] == "scheduled"
    assert stored["scheduled_local"].startswith(chosen)
    assert stored["post_type"] == "carousel"  # the type shown when it was scheduled was saved first
    assert len(stored["media"]) == 3 and stored["media"][2]["media_id"]
    assert serious_violations(page) == []
    screenshot(page, "composer-scheduled")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than it
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    page.context.close()


def test_a_draft_over_a_limit_is_kept_as_typed_and_saving_it_says_what_to_fix(browser, system, api):
    user = api.new_user(name="Mina", timezone=ZONE)
    page = signed_in_page(browser, system, user, "/#/compose")
    page.get_by_role("heading", name="New post").wait_for()
    page.get_by_label("Caption").fill("x" * 2300)  # over Instagram's 2,200 while still being written
    post_id = _post_id(page)
    page.locator(".saved").filter(has_text="Saved").wait_for()
    assert len(user.client.get(f"/api/v1/posts/{post_id}/autosave").json()["caption"]) == 2300

    page.get_by_role("button", name="Save version").click()
    caption = page.get_by_label("Caption")
    page.locator(f"#{caption.get_attribute('id')}-error").filter(has_text="2200").wait_for()
    assert caption.get_attribute("aria-invalid") == "true"
    assert user.client.get(f"/api/v1/posts/{post_id}").json()["caption"] == ""  # no version of it
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    page.context.close()
