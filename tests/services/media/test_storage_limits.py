"""Storage cannot grow without limit: a per-user quota (413 naming it), and deleted media's
files removed a grace period after the deletion by the worker's durable periodic job
(MediaPurgeWorkflow; two seconds of grace in the tests)."""

import os
import time
from io import BytesIO
from pathlib import Path

import httpx
import pytest
from minio import Minio
from minio.error import S3Error
from PIL import Image

from devtools import stack
from tests.processes import start_service, stop
from tests.services.media.helpers import image_bytes, make_video, upload

QUOTA = 600_000


def _media_behind_a_gateway(system, logs: Path, **settings):
    media_port, gateway_port = stack.free_port(), stack.free_port()
    media = start_service(
        system,
        "services.media.main",
        media_port,
        logs / "media.log",
        POSTFLOW_MEDIA_GRPC_PORT=str(media_port),
        **settings,
    )
    gateway = start_service(
        system,
        "services.gateway.main",
        gateway_port,
        logs / "gateway.log",
        POSTFLOW_MEDIA_GRPC_PORT=str(media_port),
        POSTFLOW_GATEWAY_PORT=str(gateway_port),
    )
    yield f"http://127.0.0.1:{gateway_port}"
    stop(gateway)
    stop(media)


@pytest.fixture(scope="module")
def small_quota(system, tmp_path_factory):
    """A media service with a 600 KB quota per user, and a gateway in front of it."""
    logs = Path(tmp_path_factory.mktemp("quota"))
    yield from _media_behind_a_gateway(system, logs, POSTFLOW_MEDIA_QUOTA_BYTES=str(QUOTA))


@pytest.fixture(scope="module")
def one_video_each(system, tmp_path_factory):
    """A media service whose users may each have one video converting at a time."""
    logs = Path(tmp_path_factory.mktemp("share"))
    yield from _media_behind_a_gateway(system, logs, POSTFLOW_MEDIA_MAX_PROCESSING_VIDEOS_PER_USER="1")


def _noisy_jpeg() -> bytes:
    """About 200 KB that JPEG cannot squeeze."""
    noise = Image.frombytes("RGB", (400, 400), os.urandom(400 * 400 * 3))
    out = BytesIO()
    noise.save(out, "JPEG", quality=85)
    return out.getvalue()


def _wait(check, timeout: float = 30.0, what: str = ""):
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
    return found


def test_uploads_over_the_quota_are_a_413_naming_it_and_deleting_makes_room(api, small_quota):
    person = api.new_user()
    client = httpx.Client(base_url=small_quota, headers=person.client.headers, timeout=60)
    files = [_noisy_jpeg() for _ in range(4)]
    replies = [client.post("/api/v1/media/upload", files={"file": ("n.jpg", f, "image/jpeg")}) for f in files]
    statuses = [r.status_code for r in replies]
    assert 201 in statuses and statuses[-1] == 413, statuses
    refused = replies[-1].json()["error"]
    assert refused["code"] == "storage_quota_exceeded"
    assert refused["fields"][0]["field"] == "file"
    assert refused["context"]["quota_bytes"] == str(QUOTA)
    usage = client.get("/api/v1/media/usage").json()
    assert usage["quota_bytes"] == QUOTA and 0 < usage["used_bytes"] <= QUOTA

    # Deleted media counts until its files are gone (a grace period), then makes room.
    kept = [r.json()["items"][0]["id"] for r in replies if r.status_code == 201]
    for media_id in kept:
        assert client.delete(f"/api/v1/media/{media_id}").status_code == 200
    _wait(lambda: client.get("/api/v1/media/usage").json()["used_bytes"] == 0, what="purge")
    again = client.post("/api/v1/media/upload", files={"file": ("n.jpg", files[-1], "image/jpeg")})
    assert again.status_code == 201, again.text


def test_edits_count_against_the_quota_too(api, small_quota):
    person = api.new_user()
    client = httpx.Client(base_url=small_quota, headers=person.client.headers, timeout=60)
    item = client.post("/api/v1/media/upload", files={"file": ("n.jpg", _noisy_jpeg(), "image/jpeg")})
    assert item.status_code == 201, item.text
    media_id = item.json()["items"][0]["id"]
    statuses = []
    for _ in range(6):
        reply = client.post(
            f"/api/v1/media/{media_id}/edit", json={"operations": [{"op": "flip", "direction": "horizontal"}]}
        )
        statuses.append(reply.status_code)
        if reply.status_code != 201:
            assert reply.json()["error"]["code"] == "storage_quota_exceeded", reply.text
            break
    assert statuses[0] == 201 and statuses[-1] == 413, statuses
    assert client.get("/api/v1/media/usage").json()["used_bytes"] <= QUOTA


def test_one_user_holds_at_most_their_share_of_the_video_converter(api, one_video_each, tmp_path):
    person, other = api.new_user(), api.new_user()
    video = make_video(tmp_path / "clip.mp4", seconds=6, size="640x360")

    def send(user):
        client = httpx.Client(base_url=one_video_each, headers=user.client.headers, timeout=60)
        return client.post("/api/v1/media/upload", files={"file": ("clip.mp4", video, "video/mp4")})

    first = send(person)
    assert first.status_code == 201, first.text
    # Their share (1 here) is taken while the first converts: a 429 saying when to come back.
    second = send(person)
    assert second.status_code == 429, second.text
    assert int(second.headers["Retry-After"]) > 0
    # Another user is not held back by them.
    assert send(other).status_code == 201


@pytest.fixture(scope="module")
def bucket(s3_server):
    return Minio(s3_server, access_key="postflow-test", secret_key="postflow-test-secret", secure=False)


def _stored(bucket: Minio, key: str) -> bool:
    try:
        bucket.stat_object("postflow-media", key)
        return True
    except S3Error:
        return False


def _keys(db, media_id: str) -> tuple[str, str, str]:
    return db.execute(
        "SELECT original_key, processed_key, thumbnail_key FROM media.media_files WHERE id = %s", (media_id,)
    ).fetchone()


def test_deleted_media_files_go_after_the_grace_period_and_shared_originals_last(api, db, bucket):
    person = api.new_user()
    parent = upload(person, image_bytes((1200, 1200))).json()["items"][0]
    child = person.client.post(
        f"/api/v1/media/{parent['id']}/edit", json={"operations": [{"op": "flip", "direction": "horizontal"}]}
    ).json()
    original, parent_ready, parent_thumb = _keys(db, parent["id"])
    _, child_ready, _ = _keys(db, child["id"])
    assert all(_stored(bucket, k) for k in (original, parent_ready, parent_thumb, child_ready))

    assert person.client.delete(f"/api/v1/media/{parent['id']}").status_code == 200
    # Kept through the grace period (two seconds here)...
    assert _stored(bucket, parent_ready)
    _wait(lambda: not _stored(bucket, parent_ready), what="the deleted item's files")
    assert not _stored(bucket, parent_thumb)
    # ...but the original stays while the edited copy, still in the library, needs it.
    assert _stored(bucket, original) and _stored(bucket, child_ready)
    assert person.client.get(f"/api/v1/media/{child['id']}").status_code == 200

    assert person.client.delete(f"/api/v1/media/{child['id']}").status_code == 200
    _wait(lambda: not _stored(bucket, original), what="the shared original")
    assert not _stored(bucket, child_ready)
    purged = db.execute(
        "SELECT count(*) FROM media.media_files WHERE id IN (%s, %s) AND purged_at IS NOT NULL",
        (parent["id"], child["id"]),
    ).fetchone()[0]
    assert purged == 2
