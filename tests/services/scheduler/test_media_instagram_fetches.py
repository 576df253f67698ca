"""Instagram (the simulator) downloads every image_url / video_url itself: library media go
out as URLs signed for the bucket's public endpoint, never the internal one, and a URL it
cannot fetch, or a picture it does not take, fails the post with Instagram's reason."""

from urllib.parse import urlsplit

import pytest

from tests.services.media.helpers import image_bytes, upload
from tests.services.scheduler.publishing import publishes, schedule, wait_for_status


def containers(instagram, ig_user_id: str) -> list[dict]:
    return instagram.get("/_simulator/containers", params={"ig_user_id": ig_user_id}).json()


def test_library_media_are_fetched_from_the_public_endpoint(system, publisher, instagram):
    items = [
        upload(publisher, image_bytes((1080, 1080), colour=(20 * n, 90, 160)), filename=f"p{n}.jpg").json()
        for n in range(2)
    ]
    post = publisher.create_post(post_type="carousel", media=[{"media_id": item["id"]} for item in items])
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published", timeout=45)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
    fetched = [c["media_url"] for c in containers(instagram, publisher.ig_user_id) if c["media_url"]]
    assert len(fetched) == 2
    public = system.env["POSTFLOW_S3_PUBLIC_ENDPOINT"]
    assert {urlsplit(url).netloc for url in fetched} == {public}
    assert system.env["POSTFLOW_S3_ENDPOINT"] != public


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://cdn.example.com/missing/harbour.jpg", "Media download has failed"),
        ("https://cdn.example.com/harbour.png", "Only JPEG images can be published"),
        ("http://127.0.0.1:9/nothing-listens-here.jpg", "Media download has failed"),
    ],
)
def test_media_instagram_cannot_take_fail_the_post_with_its_reason(publisher, instagram, url, reason):
    post = publisher.create_post(media=[{"url": url}])
    assert schedule(publisher, post["id"], 2).status_code == 200
    status = wait_for_status(publisher, post["id"], "failed", timeout=45)
    assert reason in status["last_error"], status["last_error"]
    assert publishes(instagram, publisher.ig_user_id) == []
