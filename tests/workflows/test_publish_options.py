"""Every publish option reaches Instagram (the simulator, which refuses what Meta does not
take) on the containers it belongs to: a carousel's people tags and alt text on its
picture, a library item's own alt text by default, a reel's cover, frame, audio name,
trial and collaborators."""

from tests.services.media.helpers import image_bytes, upload, wait_ready
from tests.services.scheduler.publishing import publishes, schedule, wait_for_status

PHOTO = "https://cdn.example.com/harbour.jpg"
VIDEO = "https://cdn.example.com/harbour.mp4"
TAGS = [{"username": "ana.lima", "x": 0.25, "y": 0.75}]


def containers(instagram, ig_user_id: str) -> list[dict]:
    return instagram.get("/_simulator/containers", params={"ig_user_id": ig_user_id}).json()


def test_options_reach_the_containers_they_belong_to(publisher, instagram):
    library = upload(publisher, image_bytes((1080, 1350)), filename="cover.jpg").json()
    wait_ready(publisher, library["id"])
    described = publisher.client.put(f"/api/v1/media/{library['id']}", json={"alt_text": "Boats at dawn"})
    assert described.status_code == 200, described.text
    carousel = publisher.create_post(
        post_type="carousel",
        caption="Two views",
        media=[
            {"media_id": library["id"]},
            {"url": PHOTO, "alt_text": "The pier", "user_tags": TAGS},
            {"url": VIDEO},
        ],
        options={"location_id": "110843418940484", "collaborators": ["studio_two"]},
    )
    reel = publisher.create_post(
        post_type="reel",
        caption="A reel",
        media=[{"url": VIDEO, "user_tags": [{"username": "joe_b"}]}],
        options={
            "share_to_feed": False,
            "cover": {"media_id": library["id"]},
            "audio_name": "Harbour waves",
            "trial": "ss_performance",
            "collaborators": ["ana.lima"],
        },
    )
    gap = publisher.client.patch(f"/api/v1/accounts/{publisher.account_id}", json={"min_gap_minutes": 0})
    assert gap.status_code == 200, gap.text
    for post in (carousel, reel):
        assert schedule(publisher, post["id"], 2).status_code == 200
    for post in (carousel, reel):
        wait_for_status(publisher, post["id"], "published", timeout=60)
    assert len(publishes(instagram, publisher.ig_user_id)) == 2

    made = containers(instagram, publisher.ig_user_id)
    children = [c for c in made if c["is_carousel_item"]]
    assert [c["options"] for c in children] == [
        {"alt_text": "Boats at dawn"},
        {"alt_text": "The pier", "user_tags": TAGS},
        {},
    ]
    parent = next(c for c in made if c["media_type"] == "CAROUSEL")
    assert parent["options"] == {"location_id": "110843418940484", "collaborators": ["studio_two"]}
    reels = next(c for c in made if c["media_type"] == "REELS")
    cover = reels["options"].pop("cover_url")
    assert reels["options"] == {
        "user_tags": [{"username": "joe_b"}],
        "collaborators": ["ana.lima"],
        "share_to_feed": False,
        "audio_name": "Harbour waves",
        "trial_params": {"graduation_strategy": "SS_PERFORMANCE"},
    }
    # The library image's Instagram-ready file, as Instagram fetches the media themselves.
    assert cover.startswith("http") and cover != PHOTO
