"""Video and animated GIF uploads through the API: answered at once as `processing`, made
Instagram-ready by real ffmpeg in the background, stored in S3 (moto, through the minio
SDK), with thumbnails; unusable videos refused at upload with the reason."""

import io
import subprocess

import pytest
from PIL import Image

from tests.services.media.helpers import (
    FFMPEG,
    fetched,
    fetched_video,
    image_bytes,
    make_video,
    upload,
    wait_ready,
)


def test_an_mp4_becomes_an_instagram_ready_h264_aac_video_with_a_thumbnail(api, tmp_path):
    user = api.new_user()
    content = make_video(tmp_path / "clip.mp4", seconds=4, size="640x360")
    reply = upload(user, content, filename="clip.mp4", content_type="video/mp4")
    assert reply.status_code == 201, reply.text
    answered = reply.json()["items"][0]
    assert (answered["kind"], answered["status"], answered["progress"]) == ("video", "processing", 0)
    assert answered["cdn_url"] is None

    item = wait_ready(user, answered["id"])
    assert item["status"] == "ready", item["failure_reason"]
    assert item["progress"] == 100
    assert (item["width"], item["height"]) == (640, 360)
    assert item["duration_seconds"] == pytest.approx(4, abs=0.1)
    assert (item["video_codec"], item["audio_codec"]) == ("h264", "aac")
    assert item["size_bytes"] > 0

    facts, data = fetched_video(item["cdn_url"], tmp_path)
    assert facts["video_codec"] == "h264"
    assert (facts["audio_codec"], facts["sample_rate"]) == ("aac", 48000)
    assert 23 <= facts["fps"] <= 60
    assert data.index(b"moov") < data.index(b"mdat"), "moov atom first (fast start)"
    thumbnail = fetched(item["thumbnail_url"])
    assert (thumbnail.format, thumbnail.width) == ("JPEG", 320)


def test_a_mov_too_wide_and_too_slow_is_scaled_to_1920_and_30_fps(api, tmp_path):
    user = api.new_user()
    content = make_video(tmp_path / "wide.mov", seconds=3, size="2000x500", rate=12, audio=False)
    reply = upload(user, content, filename="wide.mov", content_type="video/quicktime")
    assert reply.status_code == 201, reply.text
    item = reply.json()["items"][0]
    assert item["original_format"] == "mov"
    assert {w["code"] for w in item["warnings"]} == {"frame_rate_changed", "scaled_down"}
    item = wait_ready(user, item["id"])
    assert item["status"] == "ready", item["failure_reason"]
    facts, _ = fetched_video(item["cdn_url"], tmp_path)
    assert (facts["width"], facts["height"]) == (1920, 480)
    assert facts["fps"] == pytest.approx(30)
    assert facts["audio_codec"] is None


def test_an_animated_gif_becomes_an_mp4_of_at_least_3_seconds(api, tmp_path):
    user = api.new_user()
    frames = [Image.new("RGB", (400, 400), colour) for colour in ("red", "green", "blue", "white")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=250, loop=0)
    item = upload(user, out.getvalue(), filename="loop.gif", content_type="image/gif").json()["items"][0]
    assert (item["kind"], item["original_format"]) == ("video", "gif")
    item = wait_ready(user, item["id"])
    assert item["status"] == "ready", item["failure_reason"]
    facts, _ = fetched_video(item["cdn_url"], tmp_path)
    assert facts["video_codec"] == "h264"
    assert facts["duration"] >= 3.0
    # A still GIF stays an image.
    still = upload(user, image_bytes((800, 800), "GIF"), filename="still.gif").json()["items"][0]
    assert (still["kind"], still["status"]) == ("image", "ready")


def colour_video(path, *, colours=("red", "blue"), seconds_each=2):
    """A video showing each colour in turn (to tell where a thumbnail was taken)."""
    inputs, labels = [], ""
    for n, colour in enumerate(colours):
        inputs += ["-f", "lavfi", "-i", f"color=c={colour}:size=480x480:rate=30:duration={seconds_each}"]
        labels += f"[{n}:v]"
    graph = f"{labels}concat=n={len(colours)}:v=1:a=0[out]"
    subprocess.run(
        [
            FFMPEG,
            "-v",
            "error",
            *inputs,
            "-filter_complex",
            graph,
            "-map",
            "[out]",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-y",
            str(path),
        ],
        check=True,
    )
    return path.read_bytes()


def dominant(image: Image.Image) -> str:
    red, _, blue = image.convert("RGB").resize((1, 1)).getpixel((0, 0))
    return "red" if red > blue else "blue"


def test_the_thumbnail_is_taken_at_1_second_or_where_asked(api, tmp_path):
    user = api.new_user()
    content = colour_video(tmp_path / "colours.mp4")
    default = upload(user, content, filename="c.mp4").json()["items"][0]
    later = upload(user, content, filename="c.mp4", thumbnail_at=3).json()["items"][0]
    assert dominant(fetched(wait_ready(user, default["id"])["thumbnail_url"])) == "red"
    assert dominant(fetched(wait_ready(user, later["id"])["thumbnail_url"])) == "blue"
    bad = upload(user, content, filename="c.mp4", thumbnail_at=-1)
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"][0]["field"] == "thumbnail_at"


def test_trim_scale_and_mute_make_a_new_video_and_keep_the_original(api, tmp_path):
    user = api.new_user()
    content = make_video(tmp_path / "long.mp4", seconds=6, size="640x360")
    original = wait_ready(user, upload(user, content, filename="long.mp4").json()["items"][0]["id"])
    reply = user.client.post(
        f"/api/v1/media/{original['id']}/edit",
        json={
            "operations": [
                {"op": "trim", "start": 1, "end": 4.5},
                {"op": "scale", "width": 320},
                {"op": "mute"},
            ]
        },
    )
    assert reply.status_code == 201, reply.text
    edited = reply.json()
    assert (edited["status"], edited["parent_id"]) == ("processing", original["id"])
    edited = wait_ready(user, edited["id"])
    assert edited["status"] == "ready", edited["failure_reason"]
    facts, _ = fetched_video(edited["cdn_url"], tmp_path)
    assert facts["duration"] == pytest.approx(3.5, abs=0.1)
    assert (facts["width"], facts["height"]) == (320, 180)
    assert facts["audio_codec"] is None
    assert [op["op"] for op in edited["edits"]] == ["trim", "scale", "mute"]
    # The original is untouched and still in the library.
    kept = user.client.get(f"/api/v1/media/{original['id']}").json()
    assert (kept["duration_seconds"], kept["audio_codec"], kept["edits"]) == (
        original["duration_seconds"],
        "aac",
        [],
    )


@pytest.mark.parametrize(
    ("operations", "field"),
    [
        ([{"op": "trim", "start": 5, "end": 6}], "operations"),  # leaves 1 s: too short
        ([{"op": "trim", "start": 4, "end": 2}], "operations.0.end"),
        ([{"op": "rotate", "degrees": 90}], "operations.0.op"),  # an image operation
        ([{"op": "scale", "width": 5000}], "operations.0.width"),
        ([], "operations"),
    ],
)
def test_impossible_video_edits_are_422_naming_the_field(api, tmp_path, operations, field):
    user = api.new_user()
    content = make_video(tmp_path / "v.mp4", seconds=6, size="320x240", audio=False)
    item = wait_ready(user, upload(user, content, filename="v.mp4").json()["items"][0]["id"])
    reply = user.client.post(f"/api/v1/media/{item['id']}/edit", json={"operations": operations})
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["fields"][0]["field"] == field
    assert [m["id"] for m in user.client.get("/api/v1/media").json()["items"]] == [item["id"]]


def test_videos_that_cannot_be_instagram_videos_are_refused_with_the_reason(api, tmp_path):
    user = api.new_user()
    short = make_video(tmp_path / "short.mp4", seconds=1)
    reply = upload(user, short, filename="short.mp4")
    assert reply.status_code == 422
    assert "at least 3 s" in reply.json()["error"]["fields"][0]["message"]
    whole = make_video(tmp_path / "whole.mp4", seconds=4)
    for broken in (whole[: len(whole) // 3], whole[:64] + b"\x00" * 5000):
        reply = upload(user, broken, filename="broken.mp4")
        assert reply.status_code == 422, reply.text
        assert reply.json()["error"]["fields"][0]["field"] == "file"
    assert user.client.get("/api/v1/media").json()["items"] == []
