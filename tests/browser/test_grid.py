"""The profile grid in a real browser: the planned and scheduled posts above the profile's
published ones at 3:4, a square picture's crop said, a drag that swaps two posts' times (the
API's record says so), the keyboard's swap, and a drop on a published post refused."""

import pytest

from tests.browser.pages import serious_violations, signed_in_page
from tests.services.media.helpers import image_bytes, upload, wait_ready
from tests.services.scheduler.publishing import ZONE, local_in

pytestmark = pytest.mark.browser


def _local(user, post_id: str) -> str:
    """The post's time on its own clock (a swap keeps each post's zone)."""
    return user.client.get(f"/api/v1/posts/{post_id}").json()["scheduled_local"][:16]


def test_the_grid_shows_the_plan_at_3_4_and_a_drag_swaps_two_posts(
    browser, system, publisher, instagram, screenshot
):
    reply = instagram.post(
        f"/_simulator/accounts/{publisher.ig_user_id}/history", json={"posts": 2, "days": 10}
    )
    assert reply.status_code == 201
    square = upload(publisher, image_bytes((1080, 1080)), "square.jpg").json()
    wait_ready(publisher, square["id"])
    media = [{"media_id": square["id"]}]
    first = publisher.client.post("/api/v1/posts", json={"caption": "First", "media": media}).json()
    body = {"scheduled_time": local_in(3 * 3600), "timezone": ZONE, "account_id": publisher.account_id}
    assert publisher.client.post(f"/api/v1/posts/{first['id']}/schedule", json=body).status_code == 200
    planned = publisher.client.post(
        "/api/v1/posts",
        json={"caption": "Planned", "media": media, "scheduled_for": local_in(86400), "timezone": ZONE},
    ).json()
    before = {p: _local(publisher, p) for p in (first["id"], planned["id"])}

    page = signed_in_page(browser, system, publisher, "/#/grid")
    tiles = page.locator(".profile-grid .grid-tile")
    tiles.nth(3).wait_for()
    assert [tiles.nth(i).get_attribute("data-state") for i in range(4)] == [
        "planned",
        "scheduled",
        "published",
        "published",
    ]
    # A square picture in a 3:4 tile loses an eighth of its width on each side; Instagram's
    # 4:5 pictures a little.
    page.locator('.grid-tile[data-state="planned"][data-crop]').wait_for()
    assert tiles.nth(0).get_attribute("data-crop") == "Sides cropped 13% each"
    page.locator('.grid-tile[data-state="published"][data-crop]').first.wait_for()
    assert tiles.nth(2).get_attribute("data-crop") == "Sides cropped 3% each"
    box = tiles.nth(0).bounding_box()
    assert abs(box["width"] / box["height"] - 0.75) < 0.02
    assert serious_violations(page) == []
    screenshot(page, "profile-grid")

    # Drag the planned post onto the scheduled one: their times swap.
    tiles.nth(0).drag_to(tiles.nth(1))
    page.get_by_role("status").filter(has_text="Swapped").wait_for()
    assert _local(publisher, first["id"]) == before[planned["id"]]
    assert _local(publisher, planned["id"]) == before[first["id"]]
    page.locator(".grid-tile").first.and_(page.locator(f'[data-post-id="{first["id"]}"]')).wait_for()

    # The keyboard swaps them back.
    page.locator(f'[data-post-id="{first["id"]}"]').focus()
    page.keyboard.press("Alt+ArrowRight")
    page.get_by_role("status").filter(has_text="Swapped: First").wait_for()
    assert _local(publisher, first["id"]) == before[first["id"]]

    # A drop on a published post is refused, and nothing moves.
    page.locator(".grid-tile").first.and_(page.locator(f'[data-post-id="{planned["id"]}"]')).wait_for()
    page.locator(f'[data-post-id="{first["id"]}"]').drag_to(
        page.locator('.grid-tile[data-state="published"]').first
    )
    page.get_by_role("status").filter(has_text="Not swapped").wait_for()
    assert {p: _local(publisher, p) for p in before} == before
    assert [p for p in page.problems if "Failed to load resource" not in p] == []
