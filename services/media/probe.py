"""What a video file holds (duration, streams, codecs), asked of PyAV in a child process
with a time and memory limit: the file is untrusted and a hostile one must not hang or
bloat the media service. python -m services.media.probe FILE prints one JSON object."""

import json
import logging
import os
import resource
import sys
from dataclasses import dataclass
from pathlib import Path

from lib.common.errors import invalid_field
from services.media import child

log = logging.getLogger(__name__)

# Address space of the probing child: demuxing headers needs little; a crafted file that
# asks for more is refused rather than served.
PROBE_MEMORY_BYTES = 2 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class Probe:
    container: str
    duration: float
    width: int
    height: int
    frame_rate: float
    video_codec: str
    audio_codec: str
    audio_sample_rate: int
    audio_channels: int
    pixel_format: str
    video_bit_rate: int
    # Displayed rotation (phones record portrait video as landscape + a rotation).
    rotation: int


def _describe(path: str) -> dict:
    import av  # noqa: PLC0415 - only the child process needs it

    with av.open(path, metadata_errors="ignore") as container:
        video = next(iter(container.streams.video), None)
        audio = next(iter(container.streams.audio), None)
        if video is None:
            return {"error": "has no video stream"}
        duration = 0.0
        if video.duration and video.time_base:
            duration = float(video.duration * video.time_base)
        if not duration and container.duration:
            duration = container.duration / 1_000_000
        # One decoding thread: the probe decodes one frame, and every extra thread reserves
        # address space that counts against the limit.
        video.codec_context.thread_count = 1
        rate = video.average_rate or video.guessed_rate or 0
        rotation = 0
        try:
            frame = next(container.decode(video=0))
            rotation = int(getattr(frame, "rotation", 0) or 0)
        except (StopIteration, av.error.FFmpegError):
            return {"error": "has no decodable video frame"}
        return {
            "container": container.format.name,
            "duration": duration,
            "width": video.codec_context.width,
            "height": video.codec_context.height,
            "frame_rate": float(rate),
            "video_codec": video.codec_context.name,
            "audio_codec": audio.codec_context.name if audio else "",
            "audio_sample_rate": audio.codec_context.sample_rate if audio else 0,
            "audio_channels": audio.codec_context.channels if audio else 0,
            "pixel_format": video.codec_context.pix_fmt or "",
            "video_bit_rate": video.bit_rate or container.bit_rate or 0,
            "rotation": rotation,
        }


async def probe(path: Path, limit_seconds: float) -> Probe:
    """The file's video facts; a file that is not a readable video is a 422 on `file`."""
    try:
        finished = await child.run(
            [sys.executable, "-m", "services.media.probe", str(path)],
            limit_seconds=limit_seconds,
            # glibc reserves 64 MB of address space per malloc arena: few arenas keep the
            # child well within its limit.
            env={**os.environ, "MALLOC_ARENA_MAX": "2"},
        )
    except child.TooSlow as exc:
        raise invalid_field("file", f"could not be read as a video within {limit_seconds:g} s") from exc
    try:
        facts = json.loads(finished.stdout)
    except ValueError as exc:
        log.warning(
            "probe of %s failed (exit %s): %s",
            path,
            finished.returncode,
            finished.stderr[-2000:].decode(errors="replace"),
        )
        raise invalid_field("file", "is corrupt or not a video Postflow can read") from exc
    if "error" in facts:
        raise invalid_field("file", facts["error"])
    return Probe(**facts)


def main() -> None:
    # Limited here, in the child itself: a preexec_fn is unsafe in the threaded service.
    resource.setrlimit(resource.RLIMIT_AS, (PROBE_MEMORY_BYTES, PROBE_MEMORY_BYTES))
    import av  # noqa: PLC0415

    try:
        facts = _describe(sys.argv[1])
    except (av.error.FFmpegError, OSError, ValueError, MemoryError) as err:
        facts = {"error": f"is corrupt or not a video Postflow can read ({type(err).__name__})"}
    print(json.dumps(facts), flush=True)
    # Skip the interpreter's teardown: FFmpeg's threads can crash it after the answer.
    os._exit(0)


if __name__ == "__main__":
    main()
