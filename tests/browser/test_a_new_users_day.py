"""A new user's day, in a real browser and nothing else: sign up, connect an account,
upload a photo (dropped) and a short video (picked) and watch them upload and process,
compose a carousel of both, see the best times, schedule, drag the post to another day on
the calendar, publish it and watch it go out live, and open the notification. The
simulator's record says what reached Instagram."""

import base64
import random
import time
from datetime import datetime, timedelta

import pytest

from tests.browser.pages import open_page, serious_violations
from tests.services.media.helpers import image_bytes, make_video
from tests.services.scheduler.publishing import publishes

pytestmark = pytest.mark.browser

# Dropping a file: the drop event a browser makes when a file from the desktop lands.
DROP_FILE = """([zone, name, type, b64]) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const data = new DataTransfer();
  data.items.add(new File([bytes], name, { type }));
  const drop = new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
  document.querySelector(zone).dispatchEvent(drop);
}"""


def unread(bell) -> int:
    """The bell's count, as a screen reader hears it: "Notifications, 3 unread" (once the
    bell has asked for it)."""
    _until(lambda: bell.get_attribute("aria-label"))
    return int(bell.get_attribute("aria-label").split(", ")[1].split()[0])


def _until(check, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.1)


def test_a_new_users_day(browser, system, instagram, screenshot, tmp_path):
    page = open_page(browser, system)
    page.goto("/")
    page.get_by_role("button", name="Create an account").click()
    page.get_by_label("Your name").fill("Mina from Harbour Studio")
    page.get_by_label("Email").fill(f"day-{random.randint(10**8, 10**9)}@example.com")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()

    # 2. Connect the (simulated) Instagram account.
    page.get_by_role("heading", name="Instagram accounts").wait_for()
    ig_user_id = str(random.randint(10**16, 10**17))
    token = f"EAAG-{ig_user_id}"
    instagram.post(
        "/_simulator/accounts",
        json={"ig_user_id": ig_user_id, "access_token": token, "username": "harbour_studio"},
    )
    page.get_by_text("Advanced: paste an access token").click()
    page.get_by_label("Instagram account id").fill(ig_user_id)
    page.get_by_label("Access token").fill(token)
    page.get_by_role("button", name="Connect account").click()
    page.get_by_role("status").filter(has_text="Connected @harbour_studio").wait_for()
    page.locator(".connection[data-state=live]").wait_for()  # the tab's socket is up

    # 3. Upload a photo (dropped on the page) and a short video (picked), watching progress.
    page.get_by_role("link", name="Media").click()
    page.get_by_role("heading", name="Media library").wait_for()
    page.evaluate(
        """() => import("/app/live.js").then((live) => {
             window.processing = [];
             live.on("media_processing", (e) => window.processing.push([e.status, e.progress]));
           })"""
    )
    photo = base64.b64encode(image_bytes((1080, 1350))).decode()
    page.evaluate(DROP_FILE, [".drop-zone", "harbour.jpg", "image/jpeg", photo])
    video = make_video(tmp_path / "waves.mp4", seconds=3, size="720x1280")
    (tmp_path / "waves.mp4").write_bytes(video)
    page.set_input_files("#m-files", str(tmp_path / "waves.mp4"))
    uploads = page.locator(".upload")
    page.locator('.upload[data-status="ready"]').nth(1).wait_for(timeout=90_000)
    assert [row.locator("progress").get_attribute("value") for row in uploads.all()] == ["100", "100"]
    # The video's processing came over the WebSocket, ending ready.
    processed = page.evaluate("window.processing")
    assert processed and processed[-1] == ["ready", 100], processed
    page.locator(".media-tile").nth(1).wait_for()
    assert serious_violations(page) == []
    screenshot(page, "media-library")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than it
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})

    # 4. Compose a carousel of both.
    page.get_by_role("link", name="New post").click()
    page.get_by_role("heading", name="New post").wait_for()
    page.get_by_label("Type").select_option("carousel")
    page.get_by_label("Caption").fill("Harbour mornings, in two frames #harbour")
    page.get_by_role("button", name="Add harbour.jpg").click()
    page.get_by_role("button", name="Add waves.mp4").click()
    assert page.locator(".ig-feed .ig-track .ig-slide").count() == 2
    page.locator(".saved").filter(has_text="Saved").wait_for()

    # 5. The best times, scored; 6. schedule at the best one not on a Sunday (so that the
    # next day is in the same week view for step 7).
    page.get_by_role("button", name="Suggest best times").click()
    page.locator(".best-time").first.wait_for()
    suggested = page.locator(".best-time").all()
    assert all("score" in one.inner_text() for one in suggested)
    best = next(
        one for one in suggested if datetime.fromisoformat(one.get_attribute("data-time")).weekday() != 6
    )
    best.click()
    chosen = page.get_by_label("Publish at").input_value()  # "YYYY-MM-DDTHH:MM"
    assert chosen == best.get_attribute("data-time")
    page.get_by_role("button", name="Schedule", exact=True).click()
    page.get_by_role("status").filter(has_text="Scheduled for").wait_for()
    post_id = page.evaluate("location.hash").removeprefix("#/compose/")

    # 7. On the calendar, drag it to the next day, same hour.
    day, hour = chosen[:10], int(chosen[11:13])
    next_day = (datetime.fromisoformat(chosen) + timedelta(days=1)).date().isoformat()
    page.get_by_role("link", name="Calendar").click()
    page.evaluate(f"location.hash = '#/calendar?view=week&date={day}'")
    card = page.locator(f'li.day[data-date="{day}"] [data-post-id="{post_id}"]')
    card.wait_for()
    card.drag_to(page.locator(f'li.day[data-date="{next_day}"] li.hour[data-hour="{hour}"]'))
    page.get_by_role("status").filter(has_text="Moved to").wait_for()
    page.locator(f'li.day[data-date="{next_day}"] [data-post-id="{post_id}"]').wait_for()
    assert page.locator(f'li.day[data-date="{day}"] [data-post-id="{post_id}"]').count() == 0
    screenshot(page, "calendar")

    # 8. Publish it now from the post, and watch it go out live.
    before = unread(page.locator("pf-bell button.bell"))
    page.locator(f'[data-post-id="{post_id}"]').click()
    page.get_by_role("heading", name="Edit post").wait_for()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Publish now").click()
    page.get_by_role("link", name="See it on Instagram").wait_for(timeout=60_000)
    assert "done" in page.locator(".timeline li").filter(has_text="Published").get_attribute("class")
    sent = publishes(instagram, ig_user_id)
    assert [p["caption"] for p in sent] == ["Harbour mornings, in two frames #harbour"]
    screenshot(page, "published")

    # 9. The bell counted it live (with the video's and the move's); open the notification.
    bell = page.locator("pf-bell button.bell")
    _until(lambda: unread(bell) > before)
    bell.click()
    page.get_by_role("region", name="Notifications").wait_for()
    published = page.locator(".unread .notification").filter(has_text="ublished").first
    published.wait_for()
    assert serious_violations(page) == []
    screenshot(page, "notifications")
    # From another screen: the bell, then the notification, opens the post; it is read now.
    page.get_by_role("link", name="Calendar").click()
    page.get_by_role("heading", name="Week of", exact=False).wait_for()
    bell.click()
    published.click()
    page.get_by_role("heading", name="Edit post").wait_for()
    assert page.evaluate("location.hash") == f"#/compose/{post_id}"
    bell.click()
    page.locator(".read .notification").filter(has_text="ublished").first.wait_for()
    assert page.locator(".unread .notification").filter(has_text="ublished").count() == 0

    # Nothing broke on the way: no script error, no refusal by the Content-Security-Policy.
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    assert len(publishes(instagram, ig_user_id)) == 1  # once, and only once
    page.context.close()
