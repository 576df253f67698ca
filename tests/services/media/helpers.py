"""Media made in the tests (Pillow, ffmpeg's lavfi sources), uploaded and fetched as a
client would."""

import io
import time
from pathlib import Path

import av
import httpx
import imageio_ffmpeg
from PIL import Image

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()


def image_bytes(size, fmt="JPEG", colour=(200, 120, 40), mode="RGB", **save) -> bytes:
    image = Image.new(mode, size, colour)
    # Detail, so that the sharpness check sees edges.
    for x in range(0, size[0], 16):
        for y in range(0, size[1], 16):
            if (x // 16 + y // 16) % 2:
                image.putpixel((x, y), (0, 0, 0) if mode == "RGB" else (0, 0, 0, 255))
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def upload(user, content: bytes, filename="photo.jpg", content_type="image/jpeg", **params):
    return user.client.post(
        "/api/v1/media/upload", files={"file": (filename, content, content_type)}, params=params
    )


def fetched(url: str) -> Image.Image:
    reply = httpx.get(url, timeout=10)
    assert reply.status_code == 200, reply.text
    return Image.open(io.BytesIO(reply.content))


def make_video(path: Path, *, seconds=4, size="640x360", rate=30, audio=True, source="testsrc2") -> bytes:
    """A video from ffmpeg's test sources (a moving pattern, a 440 Hz tone)."""
    import subprocess  # noqa: PLC0415

    args = [
        FFMPEG,
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        f"{source}=size={size}:rate={rate}:duration={seconds}",
    ]
    if audio:
        args += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}:sample_rate=44100"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if audio:
        args += ["-c:a", "aac", "-shortest"]
    subprocess.run([*args, "-y", str(path)], check=True)
    return path.read_bytes()


def wait_ready(user, media_id: str, timeout=90.0) -> dict:
    """The item once its background processing ended (ready or failed)."""
    deadline = time.monotonic() + timeout
    progress = []
    while time.monotonic() < deadline:
        item = user.client.get(f"/api/v1/media/{media_id}").json()
        progress.append(item["progress"])
        if item["status"] != "processing":
            assert progress == sorted(progress), f"progress went back: {progress}"
            return item
        time.sleep(0.2)
    raise AssertionError(f"{media_id} still processing after {timeout} s (progress {progress[-5:]})")


def fetched_video(url: str, folder: Path) -> tuple[dict, bytes]:
    """The facts of the video at url (as PyAV reads them) and its bytes."""
    reply = httpx.get(url, timeout=30)
    assert reply.status_code == 200, reply.text
    path = folder / "fetched.mp4"
    path.write_bytes(reply.content)
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = next(iter(container.streams.audio), None)
        facts = {
            "format": container.format.name,
            "video_codec": video.codec_context.name,
            "width": video.codec_context.width,
            "height": video.codec_context.height,
            "fps": float(video.average_rate),
            "duration": float(video.duration * video.time_base),
            "audio_codec": audio.codec_context.name if audio else None,
            "sample_rate": audio.codec_context.sample_rate if audio else None,
        }
    return facts, reply.content
