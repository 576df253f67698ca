"""Videos (and animated GIFs) made Instagram-ready with ffmpeg: MP4, H.264 + AAC at 48 kHz,
moov atom first, 23-60 fps, at most 1920 wide; and a thumbnail. The commands are built by
ffmpeg-python as argument lists (no shell) and run with a deadline and an output cap,
reporting progress as they go."""

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import ffmpeg
import imageio_ffmpeg

from services.media import child
from services.media.probe import Probe

MIN_SECONDS = 3.0
MAX_SECONDS = 15 * 60.0
MIN_FPS = 23.0
MAX_FPS = 60.0
MAX_WIDTH = 1920
AUDIO_RATE = 48000
THUMBNAIL_WIDTH = 320
# The Instagram-ready file may not exceed this (Instagram's reel limit is 1 GB).
MAX_OUTPUT_BYTES = 1024 * 1024 * 1024
# Instagram's reel limit on video bit rate.
MAX_VIDEO_BIT_RATE = 25_000_000
FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
VIDEO_OPS = ("trim", "scale", "mute")


class VideoFailed(Exception):
    """ffmpeg could not make the Instagram-ready file; the message says why, for the user."""


@dataclass(frozen=True)
class Cut:
    """What the edit operations ask of a transcode."""

    start: float = 0.0
    end: float | None = None
    width: int | None = None
    mute: bool = False


def cut_of(operations: list[dict]) -> Cut:
    """The operations (already validated) folded into one cut; later ones refine earlier."""
    start, end, width, mute = 0.0, None, None, False
    for op in operations:
        if op["op"] == "trim":
            # A trim of a trimmed video counts from the start of the trimmed one.
            new_start = start + op.get("start", 0.0)
            new_end = start + op["end"] if op.get("end") is not None else end
            start, end = new_start, min(new_end, end) if end is not None and new_end is not None else new_end
        elif op["op"] == "scale":
            width = op["width"]
        elif op["op"] == "mute":
            mute = True
    return Cut(start, end, width, mute)


def length(probe: Probe, cut: Cut, is_gif: bool) -> float:
    """The duration of the Instagram-ready video."""
    end = probe.duration if cut.end is None else min(cut.end, probe.duration)
    seconds = max(0.0, end - cut.start)
    if is_gif:
        return max(seconds, MIN_SECONDS)
    return seconds


def problems(probe: Probe, cut: Cut, is_gif: bool) -> str:
    """Why this video cannot become an Instagram video, or '' when it can."""
    if probe.width < 2 or probe.height < 2:
        return "has no picture"
    if cut.start >= probe.duration:
        return f"the trim starts at {cut.start:g} s, after the video's end ({probe.duration:.1f} s)"
    seconds = length(probe, cut, is_gif)
    if seconds < MIN_SECONDS:
        return f"is {seconds:.1f} s long; Instagram needs at least {MIN_SECONDS:g} s"
    if seconds > MAX_SECONDS:
        return f"is {seconds:.0f} s long; Instagram takes at most {MAX_SECONDS / 60:g} minutes (trim it)"
    return ""


def _even(value: float) -> int:
    return max(2, int(value) // 2 * 2)


def output_size(probe: Probe, cut: Cut) -> tuple[int, int]:
    width, height = probe.width, probe.height
    if probe.rotation in (90, -90, 270, -270):
        width, height = height, width
    target = min(cut.width or width, MAX_WIDTH, width)
    return _even(target), _even(height * target / width)


def output_fps(probe: Probe) -> float:
    fps = probe.frame_rate or 30.0
    if fps < MIN_FPS:
        return 30.0 if fps < 15 else MIN_FPS
    return min(fps, MAX_FPS)


def video_copyable(probe: Probe, cut: Cut, is_gif: bool) -> bool:
    """Already what Instagram takes (most phones' H.264): the picture is copied, not
    re-encoded, which turns a minute of conversion into a second of remuxing."""
    return (
        not is_gif
        and cut == Cut(mute=cut.mute)
        and probe.video_codec == "h264"
        and probe.pixel_format == "yuv420p"
        and probe.rotation == 0
        and max(probe.width, probe.height) <= MAX_WIDTH
        and MIN_FPS <= probe.frame_rate <= MAX_FPS
        and 0 < probe.video_bit_rate <= MAX_VIDEO_BIT_RATE
    )


def audio_copyable(probe: Probe) -> bool:
    return probe.audio_codec == "aac" and probe.audio_sample_rate == AUDIO_RATE and probe.audio_channels <= 2


def transcode_args(source: Path, out: Path, probe: Probe, cut: Cut, is_gif: bool) -> list[str]:
    """The ffmpeg argument list (after the executable) making `out` from `source`."""
    if video_copyable(probe, cut, is_gif):
        return _remux_args(source, out, probe, cut)
    seconds = length(probe, cut, is_gif)
    input_options = {}
    if is_gif and probe.duration < MIN_SECONDS:
        # Instagram takes no video under 3 s: a short GIF loops until it is long enough.
        input_options["stream_loop"] = math.ceil(MIN_SECONDS / max(probe.duration, 0.1))
    if cut.start:
        input_options["ss"] = cut.start
    stream = ffmpeg.input(str(source), **input_options)
    width, height = output_size(probe, cut)
    picture = stream.video
    # Filters only where they change something: each costs a pass over every frame.
    if (width, height) != (probe.width, probe.height) or probe.rotation:
        picture = picture.filter("scale", width, height)
    if output_fps(probe) != probe.frame_rate:
        picture = picture.filter("fps", output_fps(probe))
    if probe.pixel_format != "yuv420p":
        picture = picture.filter("format", "yuv420p")
    outputs = [picture]
    options = {
        "t": f"{seconds:.3f}",
        "vcodec": "libx264",
        # superfast: a minute of HEVC 1080p converts in ~21 s here instead of ~29 s with
        # veryfast, for larger files, capped at 10 Mbit/s (Instagram takes up to 25 and
        # re-encodes what it is given anyway).
        "preset": "superfast",
        "crf": 23,
        "maxrate": "10M",
        "bufsize": "20M",
        "profile:v": "high",
        "movflags": "+faststart",
        "fs": MAX_OUTPUT_BYTES,
        "map_metadata": -1,
    }
    if probe.audio_codec and not cut.mute and not is_gif:
        outputs.append(stream.audio)
        options.update({"acodec": "aac", "ar": AUDIO_RATE, "ac": 2, "b:a": "128k"})
    command = ffmpeg.output(*outputs, str(out), **options).global_args(
        "-nostdin", "-hide_banner", "-v", "error", "-progress", "pipe:1", "-nostats"
    )
    return command.overwrite_output().get_args()


def _remux_args(source: Path, out: Path, probe: Probe, cut: Cut) -> list[str]:
    stream = ffmpeg.input(str(source))
    outputs = [stream.video]
    options = {"vcodec": "copy", "movflags": "+faststart", "fs": MAX_OUTPUT_BYTES, "map_metadata": -1}
    if probe.audio_codec and not cut.mute:
        outputs.append(stream.audio)
        if audio_copyable(probe):
            options["acodec"] = "copy"
        else:
            options.update({"acodec": "aac", "ar": AUDIO_RATE, "ac": 2, "b:a": "128k"})
    command = ffmpeg.output(*outputs, str(out), **options).global_args(
        "-nostdin", "-hide_banner", "-v", "error", "-progress", "pipe:1", "-nostats"
    )
    return command.overwrite_output().get_args()


def thumbnail_args(source: Path, out: Path, at: float) -> list[str]:
    return (
        ffmpeg.input(str(source), ss=at)
        .filter("scale", THUMBNAIL_WIDTH, -2)
        .output(str(out), vframes=1, **{"q:v": 4})
        .global_args("-nostdin", "-hide_banner", "-v", "error")
        .overwrite_output()
        .get_args()
    )


async def run(
    args: list[str],
    *,
    limit_seconds: float,
    duration: float = 0.0,
    on_progress: Callable[[int], Awaitable[None]] | None = None,
) -> None:
    """Run ffmpeg with `args`; report percent done from its -progress output."""

    async def follow(line: str) -> None:
        key, _, value = line.partition("=")
        if key == "out_time_us" and on_progress and duration > 0 and value.isdigit():
            await on_progress(min(99, int(int(value) / 1_000_000 / duration * 100)))

    try:
        finished = await child.run([FFMPEG, *args], limit_seconds=limit_seconds, on_line=follow)
    except child.TooSlow as exc:
        raise VideoFailed(f"processing took longer than {limit_seconds:g} s") from exc
    if finished.returncode != 0:
        last = finished.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise VideoFailed(f"ffmpeg could not convert it: {last[0][:300]}")


def content_type(original_format: str) -> str:
    return {"mov": "video/quicktime", "gif": "image/gif"}.get(original_format, "video/mp4")
