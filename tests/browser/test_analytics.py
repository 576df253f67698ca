"""Analytics in a real browser: a month of published history (written as the worker and the
metrics workflow would have, as the API tests do) read at a glance: the figures against the
period before, engagement by hour, weekday and type, the hashtags, the best posts, and one
post's figures over time as a line."""

import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.browser.pages import serious_violations, signed_in_page
from tests.services.posts.test_calendar_analytics import PARIS, _published

pytestmark = pytest.mark.browser


def test_a_month_at_a_glance(browser, system, api, db, screenshot, smtp_sink):
    user = api.new_user(name="Mina", timezone="Europe/Paris")
    today = datetime.now(PARIS).replace(hour=0, minute=0, second=0, microsecond=0)
    at = [
        (today - timedelta(days=d)).replace(hour=h).astimezone(UTC)
        for d, h in ((3, 9), (5, 18), (9, 18), (12, 12))
    ]
    best = _published(user, db, at[1], likes=900, reach=6000)
    for when, likes in zip((at[0], at[2], at[3]), (120, 300, 60), strict=True):
        _published(user, db, when, likes=likes, reach=likes * 8)
    # The best post's figures over its first days: a second collection, two days on.
    db.execute(
        "INSERT INTO posts.post_metrics (post_id, user_id, collected_at, age_seconds, likes, comments,"
        " shares, saves, reach, views) VALUES (%s, %s, %s, 172800, 1400, 40, 0, 0, 9000, 0)",
        (best, user.id, at[1] + timedelta(days=2)),
    )

    page = signed_in_page(browser, system, user, "/#/analytics")
    page.get_by_role("heading", name="Analytics").wait_for()
    published = page.locator(".tile-figure").filter(has_text="Published")
    published.locator("strong").filter(has_text="4").wait_for()
    assert "no earlier period" in published.inner_text()
    hour_18 = page.get_by_role("listitem", name="18:00:", exact=False)
    assert hour_18.count() == 1 and "18:00" in hour_18.get_attribute("aria-label")
    # 18:00 had the best engagement: its column is the tallest.
    heights = page.eval_on_selector_all(
        ".columns .column", "cols => cols.map(c => c.getBoundingClientRect().height)"
    )
    assert heights.index(max(heights)) == 18
    assert page.locator(".bars").filter(has_text="Engagement by weekday").locator("li").count() == 7

    page.get_by_role("heading", name="Best posts").wait_for()
    page.locator(".ranked button").first.click()
    page.locator(".line svg polyline").first.wait_for()
    assert "Reach: 9,000" in page.locator(".line .legend").inner_text()
    assert serious_violations(page) == []
    screenshot(page, "analytics")

    page.get_by_label("Range").select_option("7")
    published.locator("strong").filter(has_text="2").wait_for()

    # Mailed to a client every month, and once now.
    page.get_by_label("Report name").fill("Mina's month")
    page.get_by_label("When").select_option("monthly")
    page.get_by_label("Send to (email addresses)").fill("client-of-mina@example.com")
    page.get_by_role("button", name="Mail this report").click()
    page.get_by_role("status").filter(has_text="on the 1st of each month").wait_for()
    page.get_by_role("button", name="Send “Mina's month” now").click()
    deadline = time.monotonic() + 30
    while not smtp_sink.to("client-of-mina@example.com"):
        assert time.monotonic() < deadline, "no report mailed"
        time.sleep(0.2)
    attached = [
        part.get_filename() for part in smtp_sink.to("client-of-mina@example.com")[0].iter_attachments()
    ]
    assert sorted(name.rsplit(".", 1)[1] for name in attached) == ["csv", "pdf"]
    assert serious_violations(page) == []
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
    page.context.close()
