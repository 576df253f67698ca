"""The calendar in a real browser: a week of posts in the user's zone, a card dragged over a
slot that would break the account's minimum gap shows the refusal before the drop, a drop
on a free slot moves the post (the API's record says so), the keyboard moves one too, gaps
and best hours are marked, and the filters narrow the cards."""

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.browser.pages import serious_violations, signed_in_page

pytestmark = pytest.mark.browser

ZONE = "Europe/Paris"


def _week_ahead() -> list[str]:
    """Next week's days, Monday first: all in the future, all in one week view."""
    today = datetime.now(ZoneInfo(ZONE)).date()
    monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
    return [(monday + timedelta(days=n)).isoformat() for n in range(7)]


def _scheduled(user, account_id: str, when: str, caption: str) -> dict:
    post = user.create_post(caption=caption)
    reply = user.client.post(
        f"/api/v1/posts/{post['id']}/schedule",
        json={"scheduled_time": when, "timezone": ZONE, "account_id": account_id},
    )
    assert reply.status_code == 200, reply.text
    return post


def _local(user, post_id: str) -> str:
    return user.client.get(f"/api/v1/posts/{post_id}").json()["scheduled_local"][:16]


def _card_at(page, day: str, hour: int, post_id: str):
    return page.locator(f'li.day[data-date="{day}"] li.hour[data-hour="{hour}"] [data-post-id="{post_id}"]')


def test_drag_a_post_see_the_refusal_before_the_drop_then_move_it(
    browser, system, api, instagram, screenshot
):
    user = api.new_user(name="Mina", timezone=ZONE)
    ig_user_id = str(random.randint(10**16, 10**17))
    credentials = {"ig_user_id": ig_user_id, "access_token": f"EAAG-{ig_user_id}"}
    instagram.post("/_simulator/accounts", json=credentials)
    account = user.client.post("/api/v1/accounts", json=credentials).json()["id"]
    monday, tuesday, wednesday, thursday, *_ = _week_ahead()
    moving = _scheduled(user, account, f"{monday}T10:00", "Harbour at ten")
    _scheduled(user, account, f"{tuesday}T10:00", "Already on Tuesday")
    markup = _scheduled(user, account, f"{tuesday}T14:00", '<img src=x onerror="window.pwned=1">')
    planned = user.create_post(caption="An idea for later", scheduled_for=f"{wednesday}T17:00:00Z")

    page = signed_in_page(browser, system, user, f"/#/calendar?view=week&date={monday}")
    card = page.locator(f'[data-post-id="{moving["id"]}"]')
    card.wait_for()
    assert card.get_attribute("data-time") == "10:00"
    assert "planned" in page.locator(f'[data-post-id="{planned["id"]}"]').get_attribute("class")
    # A caption is text, never markup: shown as typed, and nothing of it runs.
    assert "<img src=x" in page.locator(f'[data-post-id="{markup["id"]}"] .caption').inner_text()
    assert page.evaluate("window.pwned === undefined")
    # A new user posts once a day at least: the empty days ahead are gaps, with best hours.
    # (a planned draft fills its day's slot: Wednesday is no gap).
    assert page.locator(f'li.day.gap[data-date="{thursday}"] .gap-note').inner_text().startswith("1 missing")
    assert page.locator(f'li.day[data-date="{thursday}"] li.hour.best').count() >= 1
    assert page.locator(f'li.day.gap[data-date="{wednesday}"]').count() == 0
    assert serious_violations(page) == []
    screenshot(page, "calendar-week")

    # Over Tuesday 10:00, where a post already is: refused on the slot, before any drop.
    taken = page.locator(f'li.day[data-date="{tuesday}"] li.hour[data-hour="10"]')
    card.hover()
    page.mouse.down()
    taken.hover()
    taken.hover(position={"x": 20, "y": 10})
    taken.locator(".verdict").filter(has_text="minutes apart").wait_for()
    assert taken.get_attribute("data-verdict") == "refused"
    screenshot(page, "calendar-drag-refused")
    # Then over Wednesday 14:00, free: it fits, with the hour's audience score.
    free = page.locator(f'li.day[data-date="{wednesday}"] li.hour[data-hour="14"]')
    free.hover()
    free.hover(position={"x": 20, "y": 10})
    free.locator(".verdict").filter(has_text="Fits").wait_for()
    assert _local(user, moving["id"]) == f"{monday}T10:00"  # still only asked
    page.mouse.up()
    page.get_by_role("status").filter(has_text="Moved to").wait_for()
    assert _local(user, moving["id"]) == f"{wednesday}T14:00"
    _card_at(page, wednesday, 14, moving["id"]).wait_for()

    # The keyboard: Alt + ↓ an hour later, Alt + → a day later.
    moved = page.locator(f'[data-post-id="{moving["id"]}"]')
    moved.focus()
    page.keyboard.press("Alt+ArrowDown")
    _card_at(page, wednesday, 15, moving["id"]).wait_for()
    assert _local(user, moving["id"]) == f"{wednesday}T15:00"
    # Tuesday 15:00 is an hour from Tuesday's 14:00 post, and the account now wants 90 minutes.
    gap = user.client.patch(f"/api/v1/accounts/{account}", json={"min_gap_minutes": 90})
    assert gap.status_code == 200, gap.text
    page.locator(f'[data-post-id="{moving["id"]}"]').press("Alt+ArrowLeft")
    page.get_by_role("status").filter(has_text="Not moved").filter(has_text="minutes apart").wait_for()
    assert _local(user, moving["id"]) == f"{wednesday}T15:00"

    # Filters: no reel here.
    page.get_by_label("Type").select_option("reel")
    page.locator("[data-post-id]").first.wait_for(state="detached")
    page.get_by_label("Type").select_option("")
    page.locator(f'[data-post-id="{planned["id"]}"]').wait_for()

    # A month at a phone's width: one column, no sideways scroll.
    page.get_by_role("button", name="Month").click()
    page.get_by_role("heading", level=1).filter(has_text=str(date.fromisoformat(monday).year)).wait_for()
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert serious_violations(page) == []
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    page.context.close()
