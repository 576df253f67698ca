"""Posts that use media library items: checked when scheduled, published with the item's
Instagram-ready file."""

from tests.services.media.helpers import image_bytes, make_video, upload, wait_ready
from tests.services.scheduler.publishing import publishes, schedule, wait_for_status


def test_a_post_with_a_library_image_publishes_its_instagram_ready_file(publisher, instagram):
    item = upload(publisher, image_bytes((1080, 1080))).json()["items"][0]
    post = publisher.create_post(caption="From the library", media=[{"media_id": item["id"]}])
    assert schedule(publisher, post["id"], 2).status_code == 200
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


def test_usage_is_shown_and_deleting_media_a_scheduled_post_needs_is_refused(publisher):
    item = upload(publisher, image_bytes((1080, 1080))).json()["items"][0]
    unused = publisher.client.get(f"/api/v1/media/{item['id']}").json()
    assert (unused["use_count"], unused["last_used_at"], unused["scheduled_post_ids"]) == (0, None, [])
    draft = publisher.create_post(caption="Draft", media=[{"media_id": item["id"]}])
    post = publisher.create_post(caption="Later", media=[{"media_id": item["id"]}])
    assert schedule(publisher, post["id"], 3600).status_code == 200
    scheduled_for = publisher.client.get(f"/api/v1/posts/{post['id']}").json()["scheduled_for"]

    used = publisher.client.get(f"/api/v1/media/{item['id']}").json()
    assert used["use_count"] == 2
    assert used["scheduled_post_ids"] == [post["id"]]
    assert used["last_used_at"] == scheduled_for
    listed = publisher.client.get("/api/v1/media").json()["items"]
    assert [(m["id"], m["use_count"]) for m in listed] == [(item["id"], 2)]
    # "Used by": the posts themselves (a post without it, and a deleted one, are not).
    publisher.create_post(caption="Elsewhere", media=[{"url": "https://cdn.example.com/x.jpg"}])
    gone = publisher.create_post(caption="Gone", media=[{"media_id": item["id"]}])
    assert publisher.client.delete(f"/api/v1/posts/{gone['id']}").status_code == 200
    using = publisher.client.get("/api/v1/posts", params={"media_id": item["id"]}).json()["items"]
    assert {p["id"] for p in using} == {draft["id"], post["id"]}
    malformed = publisher.client.get("/api/v1/posts", params={"media_id": "not-an-id"})
    assert malformed.status_code == 422 and malformed.json()["error"]["fields"][0]["field"] == "media_id"

    refused = publisher.client.delete(f"/api/v1/media/{item['id']}")
    assert refused.status_code == 409, refused.text
    error = refused.json()["error"]
    assert error["code"] == "media_in_use"
    assert post["id"] in error["message"] and draft["id"] not in error["message"]
    assert publisher.client.get(f"/api/v1/media/{item['id']}").status_code == 200

    forced = publisher.client.delete(f"/api/v1/media/{item['id']}", params={"force": "true"})
    assert forced.status_code == 200
    assert publisher.client.get(f"/api/v1/media/{item['id']}").status_code == 404


def test_a_reel_with_a_library_video_publishes_its_mp4_once_ready(publisher, instagram, tmp_path):
    # 10 s of 720x1280: converting it takes seconds, so it is still processing just after.
    content = make_video(tmp_path / "reel.mp4", seconds=10, size="720x1280")
    item = upload(publisher, content, filename="reel.mp4").json()["items"][0]
    created = publisher.client.post(
        "/api/v1/posts", json={"caption": "Reel", "media": [{"media_id": item["id"]}], "post_type": "reel"}
    )
    assert created.status_code == 201, created.text
    post = created.json()
    # A draft may hold it, with a warning.
    assert {"field": "media.0.media_id", "code": "media_processing"}.items() <= post["warnings"][0].items()
    early = schedule(publisher, post["id"], 3600)
    assert early.status_code == 422
    assert early.json()["error"]["fields"][0] == {
        "field": "media.0.media_id",
        "message": "is processing; a post can use it once it is ready",
    }
    assert wait_ready(publisher, item["id"])["status"] == "ready"
    assert schedule(publisher, post["id"], 2).status_code == 200
    wait_for_status(publisher, post["id"], "published", timeout=60)
    assert len(publishes(instagram, publisher.ig_user_id)) == 1
    containers = instagram.get("/_simulator/containers", params={"ig_user_id": publisher.ig_user_id}).json()
    assert f"/{item['id']}/instagram.mp4" in containers[0]["media_url"]
