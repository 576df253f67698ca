"""Image uploads through the API: Instagram-ready JPEGs and thumbnails stored in S3 (moto,
through the real minio SDK), decided by content, with hostile files refused clearly."""

import io
import zlib

import pytest
from PIL import Image

from tests.services.media.helpers import fetched, image_bytes, upload


def test_a_1080_square_photo_stays_1080_square_with_urls(api):
    user = api.new_user()
    reply = upload(user, image_bytes((1080, 1080)))
    assert reply.status_code == 201, reply.text
    item = reply.json()["items"][0]
    assert (item["width"], item["height"]) == (1080, 1080)
    assert item["status"] == "ready"
    assert item["kind"] == "image"
    assert item["original_format"] == "jpeg"
    ready = fetched(item["cdn_url"])
    assert (ready.format, ready.size) == ("JPEG", (1080, 1080))
    thumbnail = fetched(item["thumbnail_url"])
    assert max(thumbnail.size) == 320
    assert user.client.get(f"/api/v1/media/{item['id']}").json()["width"] == 1080


@pytest.mark.parametrize(
    ("size", "fit", "expected"),
    [
        ((4000, 3000), "pad", (1080, 810)),  # within range: only scaled down
        ((3000, 1000), "pad", (1080, 566)),  # 3:1 padded to 1.91:1
        ((3000, 1000), "crop", (1080, 566)),  # or cropped to it
        ((1000, 2000), "pad", (1080, 1350)),  # 1:2 padded to 4:5
        ((1000, 2000), "crop", (1000, 1250)),  # cropped to 4:5 (already narrow enough)
    ],
)
def test_aspect_ratio_and_width_are_brought_into_instagrams_range(api, size, fit, expected):
    user = api.new_user()
    reply = upload(user, image_bytes(size), fit=fit)
    assert reply.status_code == 201, reply.text
    item = reply.json()["items"][0]
    assert (item["width"], item["height"]) == expected
    assert fetched(item["cdn_url"]).size == expected
    codes = [w["code"] for w in item["warnings"]]
    assert ("aspect_ratio_fixed" in codes) == (size[0] / size[1] > 1.91 or size[0] / size[1] < 0.8)


def test_exif_orientation_is_applied(api):
    user = api.new_user()
    image = Image.new("RGB", (1200, 800), (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    item = upload(user, out.getvalue()).json()["items"][0]
    assert (item["width"], item["height"]) == (960, 1200)  # 800x1200 upright, padded to 4:5
    assert not fetched(item["cdn_url"]).getexif(), "metadata stripped"


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_png_webp_and_still_gif_become_jpeg(api, fmt):
    user = api.new_user()
    mode = "RGBA" if fmt != "GIF" else "RGB"
    colour = (30, 60, 200, 128) if mode == "RGBA" else (30, 60, 200)
    content = image_bytes((800, 800), fmt, colour=colour, mode=mode)
    # The name and content type lie: the content decides.
    reply = upload(user, content, filename="picture.bin", content_type="application/octet-stream")
    assert reply.status_code == 201, reply.text
    item = reply.json()["items"][0]
    assert item["original_format"] == fmt.lower()
    assert fetched(item["cdn_url"]).format == "JPEG"


def bomb() -> bytes:
    """A small PNG that declares 20000 x 20000 pixels (400 MP)."""
    width = height = 20000

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    rows = zlib.compress(b"\x00" + b"\x00" * (width // 8), 9) * 1
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"GIF89a" + b"\x00" * 10, "corrupt"),
        (image_bytes((1200, 1200))[:5000], "corrupt or truncated"),
        (b"%PDF-1.7\n" + b"x" * 200, "not an image or video"),
        (b"<?php echo 'hi'; ?>" + b" " * 100, "not an image or video"),
        (b"\xff\xd8\xff\xe0" + image_bytes((900, 900), "PNG"), "corrupt"),  # JPEG magic, PNG body
        (bomb(), "too many pixels"),
        (image_bytes((200, 200)), "at least 320 px"),
        (b"", "empty"),
    ],
)
def test_bad_and_hostile_files_are_422_naming_the_file(api, content, says):
    user = api.new_user()
    reply = upload(user, content)
    assert reply.status_code == 422, reply.text
    error = reply.json()["error"]
    assert error["fields"][0]["field"] == "file"
    assert says in error["fields"][0]["message"]
    assert user.client.get("/api/v1/media").json()["items"] == []


def test_a_request_without_files_is_a_422(api):
    user = api.new_user()
    reply = user.client.post("/api/v1/media/upload", data={"note": "no file"})
    assert reply.status_code == 422
    assert reply.json()["error"]["fields"][0]["field"] == "file"


def test_the_library_lists_filters_edits_and_deletes_only_your_media(api):
    user, other = api.new_user(), api.new_user()
    first = upload(user, image_bytes((1080, 1080)), filename="harbour.jpg").json()["items"][0]
    second = upload(user, image_bytes((1080, 1350)), filename="market.jpg").json()["items"][0]
    changed = user.client.put(
        f"/api/v1/media/{first['id']}",
        json={"description": "Harbour at dawn", "alt_text": "Boats in fog", "tags": ["Harbour", "dawn"]},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["tags"] == ["harbour", "dawn"]
    listed = user.client.get("/api/v1/media").json()["items"]
    assert [m["id"] for m in listed] == [second["id"], first["id"]]
    assert [m["id"] for m in user.client.get("/api/v1/media", params={"tag": "harbour"}).json()["items"]] == [
        first["id"]
    ]
    assert [m["id"] for m in user.client.get("/api/v1/media", params={"q": "fog"}).json()["items"]] == [
        first["id"]
    ]
    page = user.client.get("/api/v1/media", params={"limit": 1}).json()
    rest = user.client.get("/api/v1/media", params={"limit": 1, "cursor": page["next_cursor"]}).json()
    assert [m["id"] for m in page["items"] + rest["items"]] == [second["id"], first["id"]]
    assert rest["next_cursor"] is None  # the last page

    assert other.client.get(f"/api/v1/media/{first['id']}").status_code == 404
    assert other.client.put(f"/api/v1/media/{first['id']}", json={"description": "mine"}).status_code == 404
    assert other.client.delete(f"/api/v1/media/{first['id']}").status_code == 404
    assert other.client.get("/api/v1/media").json()["items"] == []

    assert user.client.put(f"/api/v1/media/{first['id']}", json={"colour": "red"}).status_code == 422
    assert user.client.get("/api/v1/media", params={"kind": "sound"}).status_code == 422
    assert user.client.delete(f"/api/v1/media/{first['id']}").status_code == 200
    assert user.client.get(f"/api/v1/media/{first['id']}").status_code == 404
    assert [m["id"] for m in user.client.get("/api/v1/media").json()["items"]] == [second["id"]]


def test_an_upload_over_the_limit_is_a_413(api, system):
    user = api.new_user()
    limit = 30 * 1024 * 1024
    reply = upload(user, b"\xff\xd8\xff" + b"\x00" * (limit + 1024))
    assert reply.status_code == 413, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == "file"


def test_too_many_files_or_an_unknown_fit_are_422_before_anything_is_stored(api):
    user = api.new_user()
    content = image_bytes((1080, 1080))
    files = [("file", (f"p{n}.jpg", content, "image/jpeg")) for n in range(11)]
    reply = user.client.post("/api/v1/media/upload", files=files)
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == "file"
    stretched = upload(user, content, fit="stretch")
    assert stretched.status_code == 422
    assert stretched.json()["error"]["fields"][0]["field"] == "fit"
    assert user.client.get("/api/v1/media").json()["items"] == []


def test_the_library_filters_by_upload_date(api):
    user = api.new_user()
    first = upload(user, image_bytes((1080, 1080))).json()["items"][0]
    second = upload(user, image_bytes((1080, 1080))).json()["items"][0]
    assert second["created_at"] > first["created_at"]

    def listed(**params):
        reply = user.client.get("/api/v1/media", params=params)
        assert reply.status_code == 200, reply.text
        return [m["id"] for m in reply.json()["items"]]

    assert listed(created_from=second["created_at"]) == [second["id"]]
    assert listed(created_to=second["created_at"]) == [first["id"]]
    assert listed(created_from=first["created_at"], created_to="2100-01-01T00:00:00Z") == [
        second["id"],
        first["id"],
    ]
    backwards = user.client.get(
        "/api/v1/media", params={"created_from": second["created_at"], "created_to": first["created_at"]}
    )
    assert backwards.status_code == 422
    assert backwards.json()["error"]["fields"][0]["field"] == "created_to"
    garbled = user.client.get("/api/v1/media", params={"created_from": "last tuesday"})
    assert garbled.status_code == 422
    assert garbled.json()["error"]["fields"][0]["field"] == "created_from"
