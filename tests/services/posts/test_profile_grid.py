"""GET /api/v1/accounts/{id}/grid: the profile grid as it will look, planned posts above
what Instagram shows now, and a swap of two tiles as a calendar move."""

import io

from PIL import Image

from tests.services.scheduler.publishing import IMAGE, ZONE, arm, local_in, schedule, wait_for_status


def _post(user, **body) -> dict:
    body = {"caption": "c", "media": [{"url": IMAGE}], **body}
    reply = user.client.post("/api/v1/posts", json=body)
    assert reply.status_code == 201, reply.text
    return reply.json()


def _grid(user, **params) -> dict:
    reply = user.client.get(f"/api/v1/accounts/{user.account_id}/grid", params=params)
    assert reply.status_code == 200, reply.text
    return reply.json()


def _swap(user, first: dict, second: dict):
    """What the web app sends for a drop: each post at the other's time."""
    moves = [
        {"post_id": first["post_id"], "scheduled_time": second["at"]},
        {"post_id": second["post_id"], "scheduled_time": first["at"]},
    ]
    return user.client.post("/api/v1/calendar/reschedule", json={"moves": moves})


def test_the_grid_shows_planned_posts_in_instagram_order_above_the_profile(publisher, instagram):
    reply = instagram.post(
        f"/_simulator/accounts/{publisher.ig_user_id}/history", json={"posts": 3, "days": 20}
    )
    assert reply.status_code == 201
    went_out = _post(publisher, caption="Went out through Postflow")
    assert schedule(publisher, went_out["id"], 2).status_code == 200
    wait_for_status(publisher, went_out["id"], "published")
    soon = _post(publisher, caption="Soon")
    later = _post(publisher, caption="Later", post_type="carousel", media=[{"url": IMAGE}, {"url": IMAGE}])
    assert schedule(publisher, soon["id"], 2 * 3600).status_code == 200
    assert schedule(publisher, later["id"], 4 * 3600).status_code == 200
    # A draft has no account until scheduled: its plan is on the grid of the account it would
    # go to (the only one here).
    _post(publisher, caption="An idea", scheduled_for=local_in(86400), timezone=ZONE)
    # Not on the grid: a story, a reel kept off the feed.
    story = _post(publisher, caption="Story", post_type="story")
    assert schedule(publisher, story["id"], 6 * 3600).status_code == 200
    _post(
        publisher,
        caption="Reel off the grid",
        post_type="reel",
        media=[{"url": "https://cdn.example.com/clip.mp4"}],
        options={"share_to_feed": False},
        scheduled_for=local_in(2 * 86400),
        timezone=ZONE,
    )

    grid = _grid(publisher, published=10, timezone=ZONE)
    assert grid["instagram_unavailable"] == ""
    tiles = grid["tiles"]
    assert [t["position"] for t in tiles] == list(range(len(tiles)))
    assert [(t["state"], t["caption_preview"]) for t in tiles[:4]] == [
        ("planned", "An idea"),
        ("scheduled", "Later"),
        ("scheduled", "Soon"),
        ("published", "Went out through Postflow"),
    ]
    assert [t["post_type"] for t in tiles[:3]] == ["photo", "carousel", "photo"]
    assert tiles[0]["local_time"].endswith(("+01:00", "+02:00"))
    # The post Postflow published is Instagram's media, linked back to its post.
    assert tiles[3]["post_id"] == went_out["id"] and tiles[3]["instagram_media_id"]
    assert tiles[3]["image_url"] == IMAGE
    # Then the profile's older posts, newest first, each with a picture Instagram serves.
    older = tiles[4:]
    assert len(older) == 3 and all(t["state"] == "published" and t["post_id"] is None for t in older)
    assert [t["at"] for t in older] == sorted((t["at"] for t in older), reverse=True)
    picture = instagram.get(older[0]["image_url"].removeprefix(str(instagram.base_url).rstrip("/")))
    assert picture.status_code == 200 and Image.open(io.BytesIO(picture.content)).size == (1080, 1350)
    # Asked for fewer published posts, the grid reads fewer.
    assert [t["state"] for t in _grid(publisher, published=1)["tiles"]].count("published") == 1


def test_swapping_two_tiles_swaps_their_times_and_a_drop_on_a_published_post_is_refused(publisher):
    first, second = _post(publisher, caption="First"), _post(publisher, caption="Second")
    assert schedule(publisher, first["id"], 2 * 3600).status_code == 200
    assert schedule(publisher, second["id"], 5 * 3600).status_code == 200
    planned = _post(publisher, caption="Planned", scheduled_for=local_in(86400), timezone=ZONE)
    tiles = _grid(publisher)["tiles"]
    assert [t["caption_preview"] for t in tiles] == ["Planned", "Second", "First"]

    reply = _swap(publisher, tiles[0], tiles[2])
    assert reply.status_code == 200, reply.text
    after = _grid(publisher)["tiles"]
    assert [t["caption_preview"] for t in after] == ["First", "Second", "Planned"]
    assert [t["state"] for t in after] == ["scheduled", "scheduled", "planned"]
    assert after[0]["at"] == tiles[0]["at"] and after[2]["at"] == tiles[2]["at"]

    went_out = _post(publisher, caption="Out")
    assert schedule(publisher, went_out["id"], 2).status_code == 200
    wait_for_status(publisher, went_out["id"], "published")
    tiles = _grid(publisher)["tiles"]
    published = next(t for t in tiles if t["state"] == "published")
    refused = _swap(publisher, tiles[1], published)
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"]["code"] == "moves_refused"
    assert _grid(publisher)["tiles"][:3] == tiles[:3]
    assert planned["id"] in {t.get("post_id") for t in tiles}


def test_the_grid_still_shows_the_plan_when_instagram_cannot_be_read(publisher, instagram):
    _post(publisher, caption="Planned", scheduled_for=local_in(86400), timezone=ZONE)
    arm(instagram, publisher, "transient", endpoint="media", times=5)
    grid = _grid(publisher)
    assert [t["caption_preview"] for t in grid["tiles"]] == ["Planned"]
    assert "Instagram" in grid["instagram_unavailable"]


def test_the_grid_request_is_checked(publisher, api):
    base = f"/api/v1/accounts/{publisher.account_id}/grid"
    for params, field in (({"published": 61}, "published"), ({"timezone": "Mars/Olympus"}, "timezone")):
        reply = publisher.client.get(base, params=params)
        assert reply.status_code == 422, reply.text
        assert field in reply.text
    reply = publisher.client.get("/api/v1/accounts/not-an-id/grid")
    assert reply.status_code == 422 and "account_id" in reply.text
    assert (
        publisher.client.get("/api/v1/accounts/00000000-0000-0000-0000-000000000009/grid").status_code == 404
    )
    # Another workspace's account is not found.
    assert api.new_user().client.get(base).status_code == 404
