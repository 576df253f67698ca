"""Pictures built to exhaust memory are made small or refused, and the media service's
memory stays bounded while several arrive at once."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from services.media.edits import mark_size
from tests.services.media.helpers import fetched, image_bytes, upload

# Peak resident memory the media service may reach in this file (it decodes at most two
# pictures at once; padding before resizing alone used to need about 10 GB).
MAX_MEDIA_SERVICE_BYTES = 2_000_000_000


def _peak_resident_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


@pytest.fixture(scope="module")
def user(api):
    return api.new_user()


def strip(size) -> bytes:
    """A solid PNG: a few KB on the wire, size[0] * size[1] pixels decoded."""
    return image_bytes(size, "PNG", colour=(30, 90, 160))


@pytest.mark.parametrize(
    ("size", "expected"),
    [((80_000, 1000), (1080, 566)), ((1000, 80_000), (1080, 1350))],
)
def test_a_long_strip_is_padded_small(user, size, expected):
    content = strip(size)
    assert len(content) < 1_000_000
    reply = upload(user, content, "strip.png", "image/png")
    assert reply.status_code == 201, reply.text
    item = reply.json()["items"][0]
    assert (item["width"], item["height"]) == expected
    assert fetched(item["cdn_url"]).size == expected


def test_a_picture_over_the_pixel_limit_is_refused(user):
    reply = upload(user, strip((90_000, 1000)), "wide.png", "image/png")
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == "file"


@pytest.mark.parametrize(
    ("size", "operations", "field"),
    [
        # A tall picture resized to 4096 wide: 4096 x 327680.
        ((1000, 80_000), [{"op": "resize", "width": 4096}], "operations.0"),
        # 45 degrees with expand doubles the pixels of a square.
        ((8000, 8000), [{"op": "rotate", "degrees": 45}], "operations.0"),
        # Each 45-degree turn grows the canvas: the step that goes over is named.
        ((3000, 3000), [{"op": "rotate", "degrees": 45}] * 20, "operations."),
    ],
)
def test_edits_that_would_blow_up_the_picture_are_refused(user, size, operations, field):
    item = upload(user, strip(size), "base.png", "image/png").json()["items"][0]
    reply = user.client.post(f"/api/v1/media/{item['id']}/edit", json={"operations": operations})
    assert reply.status_code == 422, reply.text
    named = reply.json()["error"]["fields"][0]["field"]
    assert named.startswith(field)
    assert "pixels" in reply.json()["error"]["fields"][0]["message"]
    # Nothing was added to the library.
    listed = user.client.get("/api/v1/media", params={"limit": 100}).json()["items"]
    assert all(m["parent_id"] != item["id"] for m in listed)


def test_many_bombs_at_once_keep_the_media_service_bounded(user, system):
    bombs = [strip((80_000, 1000)), strip((1000, 80_000))] * 4

    def send(content):
        return upload(user, content, "bomb.png", "image/png").status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(send, bombs))
    assert statuses == [201] * len(bombs)
    assert _peak_resident_bytes(system.processes["media"].pid) < MAX_MEDIA_SERVICE_BYTES


@pytest.mark.parametrize(
    ("picture", "logo", "scale", "fits"),
    [
        # The finding: a tall, narrow logo on a wide picture.
        ((80_000, 1_000), (1_000, 79_000), 50, (13, 1_000)),
        ((1080, 1080), (200, 100), 20, (216, 108)),
        ((1080, 1350), (10, 10), 100, (1080, 1080)),
        ((100, 10), (1, 1_000_000), 100, (1, 10)),
    ],
)
def test_a_watermark_is_never_larger_than_its_picture(picture, logo, scale, fits):
    width, height = mark_size(picture, logo, scale)
    assert (width, height) == fits
    assert width <= picture[0] and height <= picture[1]
