"""Edits worth making to an item, computed from its Instagram-ready file and its facts,
each with the operation that makes it (an image's exposure and contrast, a padded ratio
that a crop would fill, blur; a video longer than the feed's 90 s or wider than Instagram
shows)."""

import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageStat

from services.media import images
from services.media.models import MediaFile
from services.media.storage import LocalStorage, S3Storage

# Mean luminance (0-255) outside this band reads as under- or over-exposed.
DARK, BRIGHT = 85.0, 185.0
# Standard deviation of luminance below this reads as flat (low contrast).
FLAT = 40.0
FEED_VIDEO_SECONDS = 90.0
SHOWN_WIDTH = 1080


@dataclass(frozen=True)
class Suggestion:
    code: str
    message: str
    operation: dict | None


def for_image(row: MediaFile, ready: Path) -> list[Suggestion]:
    found = []
    with Image.open(ready) as image:
        grey = image.convert("L")
        grey.thumbnail((512, 512))
        stats = ImageStat.Stat(grey)
        mean, spread = stats.mean[0], stats.stddev[0]
        sharp = images.sharpness(image.convert("RGB"))
    if mean < DARK:
        amount = round(min(3.0, 128 / max(mean, 1.0)), 2)
        found.append(
            Suggestion(
                "under_exposed",
                f"The picture is dark (mean {mean:.0f}/255): brighten it by {amount}x",
                {"op": "filter", "name": "brightness", "amount": amount},
            )
        )
    elif mean > BRIGHT:
        amount = round(max(0.5, 128 / mean), 2)
        found.append(
            Suggestion(
                "over_exposed",
                f"The picture is very bright (mean {mean:.0f}/255): darken it to {amount}x",
                {"op": "filter", "name": "brightness", "amount": amount},
            )
        )
    if spread < FLAT:
        found.append(
            Suggestion(
                "low_contrast",
                f"The picture looks flat (spread {spread:.0f}): more contrast",
                {"op": "filter", "name": "contrast", "amount": 1.3},
            )
        )
    if sharp < images.BLUR_THRESHOLD:
        found.append(
            Suggestion(
                "blurry",
                "The picture has little sharp detail: sharpen it",
                {"op": "filter", "name": "sharpen", "amount": 1.5},
            )
        )
    for code, message in row.warnings or []:
        if code == "aspect_ratio_fixed" and message.startswith("padded"):
            ratio = "4:5" if row.width / row.height < 1 else "1.91:1"
            found.append(
                Suggestion(
                    "crop_to_ratio",
                    f"It was padded with white bars: crop to {ratio} to fill the frame",
                    {"op": "crop", "aspect_ratio": ratio},
                )
            )
        elif code == "low_resolution":
            found.append(
                Suggestion("low_resolution", f"{message}; upload a larger original if you have one", None)
            )
    return found


def for_video(row: MediaFile) -> list[Suggestion]:
    found = []
    if (row.duration_seconds or 0) > FEED_VIDEO_SECONDS:
        found.append(
            Suggestion(
                "long_for_feed",
                f"{row.duration_seconds:.0f} s: fine as a reel, but a feed video "
                f"plays at most {FEED_VIDEO_SECONDS:g} s; trim it for the feed",
                {"op": "trim", "start": 0, "end": FEED_VIDEO_SECONDS},
            )
        )
    if (row.width or 0) > SHOWN_WIDTH:
        found.append(
            Suggestion(
                "wider_than_shown",
                f"{row.width} px wide; Instagram shows {SHOWN_WIDTH}: scaling "
                "down makes a smaller file that uploads faster",
                {"op": "scale", "width": SHOWN_WIDTH},
            )
        )
    if not row.audio_codec:
        found.append(
            Suggestion("no_audio", "The video has no sound; reels with audio reach more people", None)
        )
    return found


async def for_item(row: MediaFile, storage: S3Storage | LocalStorage) -> list[Suggestion]:
    """What to suggest for a library item (nothing until it is ready)."""
    if row.status != "ready":
        return []
    if row.kind == "video":
        return for_video(row)

    def from_file() -> list[Suggestion]:
        with tempfile.TemporaryDirectory(prefix="postflow-suggest-") as scratch:
            path = Path(scratch) / "ready.jpg"
            storage.fetch(row.processed_key, path)
            return for_image(row, path)

    return await asyncio.to_thread(from_file)
