"""Image edits through the API: each operation makes a new item from the original (which
stays), suggestions carry the operation that applies them, and branding puts the user's
logo on their images."""

import io

import pytest
from PIL import Image, ImageStat

from tests.services.media.helpers import fetched, image_bytes, upload


def halves(size=(1200, 1200), left=(220, 30, 30), right=(30, 30, 220)) -> bytes:
    """Left half one colour, right half another (to see flips and crops)."""
    image = Image.new("RGB", size, left)
    image.paste(Image.new("RGB", (size[0] // 2, size[1]), right), (size[0] // 2, 0))
    for x in range(0, size[0], 24):  # detail for the sharpness check
        for y in range(0, size[1], 24):
            image.putpixel((x, y), (0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def colour_at(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    """The average colour of a small patch around (x, y), given as fractions."""
    px, py = int(x * image.width), int(y * image.height)
    patch = image.convert("RGB").crop((px - 8, py - 8, px + 8, py + 8))
    return tuple(round(v) for v in ImageStat.Stat(patch).mean)


def reddish(rgb) -> bool:
    return rgb[0] > rgb[2] + 60


def blueish(rgb) -> bool:
    return rgb[2] > rgb[0] + 60


def edit(user, media_id: str, *operations: dict):
    return user.client.post(f"/api/v1/media/{media_id}/edit", json={"operations": list(operations)})


@pytest.fixture
def photo(api):
    user = api.new_user()
    item = upload(user, halves()).json()["items"][0]
    return user, item


def edited(user, item, *operations) -> tuple[dict, Image.Image]:
    reply = edit(user, item["id"], *operations)
    assert reply.status_code == 201, reply.text
    new = reply.json()
    assert new["id"] != item["id"] and new["parent_id"] == item["id"]
    assert new["status"] == "ready"
    return new, fetched(new["cdn_url"])


def test_flip_and_rotate(photo):
    user, item = photo
    _, flipped = edited(user, item, {"op": "flip", "direction": "horizontal"})
    assert blueish(colour_at(flipped, 0.1, 0.5)) and reddish(colour_at(flipped, 0.9, 0.5))
    _, turned = edited(user, item, {"op": "rotate", "degrees": 90})
    # Clockwise: the left (red) half is now on top.
    assert reddish(colour_at(turned, 0.5, 0.1)) and blueish(colour_at(turned, 0.5, 0.9))
    # The original is unchanged.
    original = fetched(user.client.get(f"/api/v1/media/{item['id']}").json()["cdn_url"])
    assert reddish(colour_at(original, 0.1, 0.5))


def test_crop_by_box_and_by_ratio_and_resize(photo):
    user, item = photo
    new, right_half = edited(user, item, {"op": "crop", "box": [0.5, 0, 1, 1]})
    # 600x1200 of blue, padded to 4:5 (960x1200) with white: blue in the middle.
    assert (new["width"], new["height"]) == (960, 1200)
    assert blueish(colour_at(right_half, 0.5, 0.5))
    new, _ = edited(user, item, {"op": "crop", "aspect_ratio": "4:5"})
    assert (new["width"], new["height"]) == (960, 1200)
    assert not any(w["code"] == "aspect_ratio_fixed" for w in new["warnings"])
    new, _ = edited(user, item, {"op": "resize", "width": 400})
    assert (new["width"], new["height"]) == (400, 400)


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("grayscale", lambda before, after: max(after) - min(after) < 8),
        ("sepia", lambda before, after: after[0] > after[1] > after[2]),
        ("warm", lambda before, after: after[0] > before[0] and after[2] < before[2]),
        ("cool", lambda before, after: after[0] < before[0] and after[2] > before[2]),
        ("brightness", lambda before, after: sum(after) > sum(before) + 30),
        ("contrast", lambda before, after: after[0] > before[0]),
    ],
)
def test_filters(photo, name, check):
    user, item = photo
    original = fetched(item["cdn_url"])
    _, after = edited(user, item, {"op": "filter", "name": name})
    before_rgb, after_rgb = colour_at(original, 0.25, 0.5), colour_at(after, 0.25, 0.5)
    assert check(before_rgb, after_rgb), (before_rgb, after_rgb)


def test_sharpen_adds_edge_detail(api):
    user = api.new_user()
    soft = Image.new("RGB", (1080, 1080), (120, 120, 120))
    for x in range(0, 1080, 40):
        soft.paste(Image.new("RGB", (20, 1080), (140, 140, 140)), (x, 0))
    out = io.BytesIO()
    soft.save(out, "JPEG", quality=95)
    item = upload(user, out.getvalue()).json()["items"][0]
    _, sharpened = edited(user, item, {"op": "filter", "name": "sharpen", "amount": 3})
    from services.media.images import sharpness  # the measure the blur warning uses

    assert sharpness(sharpened) > sharpness(fetched(item["cdn_url"]))


def test_text_overlay_writes_in_the_colour_asked_where_asked(photo):
    user, item = photo
    _, with_text = edited(
        user, item, {"op": "text", "text": "SALE ████", "position": "top", "size": 120, "colour": "#00ff00"}
    )
    top = with_text.convert("RGB").crop((0, 0, with_text.width, with_text.height // 4))
    greens = sum(1 for r, g, b in top.get_flattened_data() if g > 200 and r < 80 and b < 80)
    assert greens > 500
    bottom = with_text.convert("RGB").crop((0, with_text.height // 2, with_text.width, with_text.height))
    assert sum(1 for r, g, b in bottom.get_flattened_data() if g > 200 and r < 80 and b < 80) == 0


def test_edits_of_edits_chain_on_the_original(photo):
    user, item = photo
    first, _ = edited(user, item, {"op": "flip", "direction": "horizontal"})
    second, image = edited(user, first, {"op": "filter", "name": "grayscale"})
    assert [op["op"] for op in second["edits"]] == ["flip", "filter"]
    assert second["parent_id"] == first["id"]
    assert max(colour_at(image, 0.1, 0.5)) - min(colour_at(image, 0.1, 0.5)) < 8


@pytest.mark.parametrize(
    ("operations", "field"),
    [
        ([{"op": "explode"}], "operations.0.op"),
        ([{"op": "trim", "start": 1}], "operations.0.op"),  # a video operation
        ([{"op": "rotate"}], "operations.0.degrees"),
        ([{"op": "rotate", "degrees": "ninety"}], "operations.0.degrees"),
        ([{"op": "flip", "direction": "sideways"}], "operations.0.direction"),
        ([{"op": "crop", "box": [0.5, 0, 0.2, 1]}], "operations.0.box"),
        ([{"op": "crop", "aspect_ratio": "wide"}], "operations.0.aspect_ratio"),
        ([{"op": "resize", "width": 10}], "operations.0.width"),
        ([{"op": "filter", "name": "vintage"}], "operations.0.name"),
        ([{"op": "text", "text": ""}], "operations.0.text"),
        ([{"op": "text", "text": "hi", "colour": "not-a-colour"}], "operations.0.colour"),
        ([{"op": "flip", "direction": "vertical"}, "rotate"], "operations.1"),
        ([{"op": "watermark"}], "operations"),  # no branding logo yet
        ([{"op": "flip", "direction": "vertical"}] * 21, "operations"),
    ],
)
def test_bad_operations_are_422_naming_the_field_and_save_nothing(photo, operations, field):
    user, item = photo
    reply = edit(user, item["id"], *operations)
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == field
    assert [m["id"] for m in user.client.get("/api/v1/media").json()["items"]] == [item["id"]]


def test_others_cannot_edit_or_see_suggestions_for_your_media(api, photo):
    user, item = photo
    other = api.new_user()
    assert edit(other, item["id"], {"op": "flip", "direction": "vertical"}).status_code == 404
    assert other.client.get(f"/api/v1/media/{item['id']}/suggestions").status_code == 404
    assert other.client.get("/api/v1/media").json()["items"] == []


def suggestions(user, media_id: str) -> dict[str, dict]:
    reply = user.client.get(f"/api/v1/media/{media_id}/suggestions")
    assert reply.status_code == 200, reply.text
    return {s["code"]: s for s in reply.json()["items"]}


def test_suggestions_are_computed_and_each_operation_applies(api):
    user = api.new_user()
    dark = upload(user, image_bytes((1080, 1080), colour=(40, 30, 25))).json()["items"][0]
    found = suggestions(user, dark["id"])
    assert found["under_exposed"]["operation"]["name"] == "brightness"
    assert found["under_exposed"]["operation"]["amount"] > 1
    brighter = edit(user, dark["id"], found["under_exposed"]["operation"])
    assert brighter.status_code == 201, brighter.text
    assert "under_exposed" not in suggestions(user, brighter.json()["id"])

    wide = upload(user, image_bytes((3000, 1000))).json()["items"][0]
    found = suggestions(user, wide["id"])
    assert found["crop_to_ratio"]["operation"] == {"op": "crop", "aspect_ratio": "1.91:1"}
    cropped = edit(user, wide["id"], found["crop_to_ratio"]["operation"])
    assert cropped.status_code == 201, cropped.text
    assert "crop_to_ratio" not in suggestions(user, cropped.json()["id"])
    # A well exposed, in-range photo gets no exposure or ratio suggestion.
    gradient = Image.linear_gradient("L").resize((1080, 1080)).convert("RGB")
    out = io.BytesIO()
    gradient.save(out, "JPEG", quality=95)
    fine = upload(user, out.getvalue()).json()["items"][0]
    assert not set(suggestions(user, fine["id"])) & {"under_exposed", "over_exposed", "crop_to_ratio"}


def logo_png() -> bytes:
    logo = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    logo.paste(Image.new("RGBA", (360, 160), (0, 255, 0, 255)), (20, 20))
    out = io.BytesIO()
    logo.save(out, "PNG")
    return out.getvalue()


def test_branding_puts_the_logo_on_new_uploads_and_the_watermark_edit(api):
    user = api.new_user()
    logo = upload(user, logo_png(), filename="logo.png").json()["items"][0]
    assert user.client.get("/api/v1/media/branding").status_code == 404
    bad = user.client.put("/api/v1/media/branding", json={"logo_media_id": logo["id"], "position": "middle"})
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"][0]["field"] == "position"
    others = api.new_user()
    stolen = others.client.put("/api/v1/media/branding", json={"logo_media_id": logo["id"]})
    assert stolen.status_code == 422
    assert stolen.json()["error"]["fields"][0]["field"] == "logo_media_id"

    before = upload(user, halves()).json()["items"][0]
    saved = user.client.put(
        "/api/v1/media/branding",
        json={
            "logo_media_id": logo["id"],
            "position": "top-left",
            "scale_percent": 30,
            "opacity_percent": 100,
        },
    )
    assert saved.status_code == 200, saved.text
    assert user.client.get("/api/v1/media/branding").json()["position"] == "top-left"

    branded = upload(user, halves()).json()["items"][0]
    assert branded["edits"] == [{"op": "watermark"}]
    image = fetched(branded["cdn_url"])
    green = colour_at(image, 0.12, 0.06)
    assert green[1] > 200 and green[0] < 100, green
    assert reddish(colour_at(fetched(before["cdn_url"]), 0.12, 0.06))
    _, marked = edited(user, before, {"op": "watermark", "position": "bottom-right"})
    assert colour_at(marked, 0.88, 0.94)[1] > 200

    off = user.client.put("/api/v1/media/branding", json={"logo_media_id": logo["id"], "enabled": False})
    assert off.status_code == 200
    assert upload(user, halves()).json()["items"][0]["edits"] == []


def test_heic_photos_become_jpeg(api):
    from pillow_heif import register_heif_opener  # noqa: PLC0415

    register_heif_opener()
    user = api.new_user()
    out = io.BytesIO()
    Image.open(io.BytesIO(halves((1600, 1200)))).save(out, "HEIF")
    reply = upload(user, out.getvalue(), filename="IMG_0001.HEIC", content_type="image/heic")
    assert reply.status_code == 201, reply.text
    item = reply.json()["items"][0]
    assert (item["original_format"], item["width"], item["height"]) == ("heic", 1080, 810)
    assert fetched(item["cdn_url"]).format == "JPEG"
