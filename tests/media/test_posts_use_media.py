"""Posts that use media library items: checked when scheduled, published with the item's
Instagram-ready file."""

from tests.media.helpers import image_bytes, upload
from tests.scheduler.publishing import publishes, schedule, wait_for_status


def test_a_post_with_a_library_image_publishes_its_instagram_ready_file(publisher, instagram):
    item = upload(publisher, image_bytes((1080, 1080))).json()["items"][0]
    post = publisher.create_post(caption="From the library", media=[{"media_id": item["id"]}])
    assert schedule(publisher, post["id"], 2).status_code == 201
    wait_for_status(publisher, post["id"], "published", timeout=30)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
    containers = instagram.get("/_simulator/containers", params={"ig_user_id": publisher.ig_user_id}).json()
    assert f"/{item['id']}/instagram.jpg" in containers[0]["media_url"]


def test_media_that_is_not_yours_or_gone_cannot_be_scheduled(publisher, api):
    stranger = api.new_user()
    theirs = upload(stranger, image_bytes((1080, 1080))).json()["items"][0]
    mine = upload(publisher, image_bytes((1080, 1080))).json()["items"][0]
    assert publisher.client.delete(f"/api/v1/media/{mine['id']}").status_code == 200
    post = publisher.create_post(
        media=[
            {"url": "https://cdn.example.com/a.jpg"},
            {"media_id": theirs["id"]},
            {"media_id": mine["id"]},
        ],
        post_type="carousel",
    )
    reply = schedule(publisher, post["id"], 3600)
    assert reply.status_code == 422, reply.text
    fields = {f["field"]: f["message"] for f in reply.json()["error"]["fields"]}
    assert fields == {
        "media.1.media_id": "is not in your media library",
        "media.2.media_id": "is not in your media library",
    }
    assert publisher.client.get(f"/api/v1/posts/{post['id']}").json()["status"] == "draft"
