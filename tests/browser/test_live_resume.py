"""A tab whose socket drops (the network goes, the realtime service is unreachable for a
while) reconnects by itself with the last event id it saw, and what happened meanwhile
reaches it first: the calendar redraws a post moved while it was away."""

import random
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.browser.pages import signed_in_page

pytestmark = pytest.mark.browser

ZONE = "Europe/Paris"


def test_a_dropped_socket_resumes_where_it_left_off(browser, system, api, instagram):
    user = api.new_user(name="Mina", timezone=ZONE)
    ig_user_id = str(random.randint(10**16, 10**17))
    credentials = {"ig_user_id": ig_user_id, "access_token": f"EAAG-{ig_user_id}"}
    instagram.post("/_simulator/accounts", json=credentials)
    account = user.client.post("/api/v1/accounts", json=credentials).json()["id"]
    today = datetime.now(ZoneInfo(ZONE)).date()
    monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
    tuesday, friday = monday + timedelta(days=1), monday + timedelta(days=4)
    post = user.create_post(caption="Moved while the tab was away")
    body = {"scheduled_time": f"{tuesday}T10:00", "timezone": ZONE, "account_id": account}
    assert user.client.post(f"/api/v1/posts/{post['id']}/schedule", json=body).status_code == 200

    # Every socket of the page goes through here: proxied to Postflow, or refused while down.
    sockets = {"down": False, "opened": [], "live": []}

    def route(ws):
        sockets["opened"].append(ws.url)
        if sockets["down"]:
            ws.close(code=1013, reason="unreachable")  # as the gateway says it
            return
        ws.connect_to_server()
        sockets["live"].append(ws)

    page = signed_in_page(browser, system, user, "about:blank")
    page.route_web_socket(re.compile(r".*/ws/posts/.*"), route)
    page.goto(f"/#/calendar?view=week&date={monday}")
    page.locator(f'li.day[data-date="{tuesday}"] [data-post-id="{post["id"]}"]').wait_for()
    page.locator(".connection[data-state=live]").wait_for()
    assert "last_event_id" not in sockets["opened"][-1]

    sockets["down"] = True
    sockets["live"][-1].close(code=4000, reason="network gone")
    page.locator(".connection[data-state=connecting]").wait_for()
    # Meanwhile, from another device: the post moves to Friday.
    body["scheduled_time"] = f"{friday}T18:00"
    assert user.client.put(f"/api/v1/posts/{post['id']}/schedule", json=body).status_code == 200
    # The tab keeps trying (and is refused) while it is down.
    dropped_at = len(sockets["opened"])
    for _ in range(100):
        if len(sockets["opened"]) > dropped_at:
            break
        page.wait_for_timeout(100)
    assert len(sockets["opened"]) > dropped_at, "the tab never tried to reconnect"
    sockets["down"] = False
    page.evaluate("window.dispatchEvent(new Event('online'))")  # back online: reconnect now

    page.locator(".connection[data-state=live]").wait_for()
    resumed = sockets["opened"][-1]
    assert re.search(r"last_event_id=\d+", resumed), resumed
    # The move made while away came in on the resumed socket, and the calendar redrew.
    moved = f'li.day[data-date="{friday}"] li.hour[data-hour="18"] [data-post-id="{post["id"]}"]'
    page.locator(moved).wait_for()
    assert page.locator(f'li.day[data-date="{tuesday}"] [data-post-id="{post["id"]}"]').count() == 0
    page.context.close()
