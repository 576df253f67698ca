"""Images made Instagram-ready with Pillow: orientation applied, sRGB, aspect ratio within
4:5 ... 1.91:1 (padding or centre crop), at most `max_width` wide, JPEG under 8 MB, no
metadata; and a thumbnail. Decoding is bounded (decompression bombs are refused) and a
file Pillow reads as another format than its magic bytes said is refused."""

import io
import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageCms, ImageFilter, ImageOps, ImageStat, UnidentifiedImageError
from pillow_heif import register_heif_opener

from lib.common.errors import invalid_field
from services.media.edits import Logo, apply

# HEIC/HEIF (iPhone photos) through Pillow's plugin interface.
register_heif_opener()

MIN_RATIO = 4 / 5
MAX_RATIO = 1.91
MAX_JPEG_BYTES = 8 * 1024 * 1024
THUMBNAIL_SIZE = (320, 320)
FITS = ("pad", "crop")
# Edge strength (variance of a 512 px edge map) below which an image looks blurred.
BLUR_THRESHOLD = 40.0
# Sniffed format -> the names Pillow gives it.
PILLOW_FORMATS = {"jpeg": {"JPEG", "MPO"}, "png": {"PNG"}, "gif": {"GIF"}, "webp": {"WEBP"}, "heic": {"HEIF"}}
SRGB = ImageCms.createProfile("sRGB")


@dataclass
class ReadyImage:
    width: int
    height: int
    size_bytes: int
    warnings: list[tuple[str, str]] = field(default_factory=list)


def _refuse(message: str):
    return invalid_field("file", message)


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB in sRGB: embedded colour profiles converted, transparency flattened on white."""
    profile = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB") if image.mode != "CMYK" or not profile else image
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            image = ImageCms.profileToProfile(image, source, SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError):
            image = image.convert("RGB")
    return image.convert("RGB") if image.mode != "RGB" else image


def _fit_ratio(image: Image.Image, fit: str, max_width: int) -> tuple[Image.Image, str]:
    """Within Instagram's ratios and at most max_width wide. Padding scales the picture down
    first, so the canvas is never bigger than what is kept (an 80000x1000 strip padded
    first would need a 10 GB canvas)."""
    width, height = image.size
    ratio = width / height
    if MIN_RATIO <= ratio <= MAX_RATIO:
        return _narrowed(image, max_width), ""
    target = MIN_RATIO if ratio < MIN_RATIO else MAX_RATIO
    if fit == "crop":
        if ratio < MIN_RATIO:  # too tall: keep the full width
            new_height = round(width / target)
            top = (height - new_height) // 2
            box = (0, top, width, top + new_height)
        else:  # too wide: keep the full height
            new_width = round(height * target)
            left = (width - new_width) // 2
            box = (left, 0, left + new_width, height)
        cropped = _narrowed(image.crop(box), max_width)
        return cropped, f"cropped from {width}x{height} to Instagram's {target:g} ratio"
    canvas_width = math.ceil(height * target) if ratio < MIN_RATIO else width
    scale = min(1.0, max_width / canvas_width)
    if scale < 1:
        image = image.resize(
            (max(1, math.floor(width * scale)), max(1, math.floor(height * scale))), Image.Resampling.LANCZOS
        )
    inner_width, inner_height = image.size
    # Rounded outwards, so that the canvas's ratio is within Instagram's range.
    if ratio < MIN_RATIO:
        size = (max(inner_width, math.ceil(inner_height * target)), inner_height)
    else:
        size = (inner_width, max(inner_height, math.ceil(inner_width / target)))
    canvas = Image.new("RGB", size, "white")
    canvas.paste(image, ((size[0] - inner_width) // 2, (size[1] - inner_height) // 2))
    return canvas, f"padded from {width}x{height} to Instagram's {target:g} ratio"


def _narrowed(image: Image.Image, max_width: int) -> Image.Image:
    if image.width <= max_width:
        return image
    return image.resize((max_width, _scaled_height(image, max_width)), Image.Resampling.LANCZOS)


def _scaled_height(image: Image.Image, width: int) -> int:
    """The height at `width`, rounded so that the ratio stays within Instagram's range."""
    height = round(image.height * width / image.width)
    if width / height > MAX_RATIO:
        height = math.ceil(width / MAX_RATIO)
    elif width / height < MIN_RATIO:
        height = math.floor(width / MIN_RATIO)
    return height


def sharpness(image: Image.Image) -> float:
    """Variance of the edges of a 512 px grey copy: low means little detail (blur)."""
    grey = image.convert("L")
    grey.thumbnail((512, 512))
    return ImageStat.Stat(grey.filter(ImageFilter.FIND_EDGES)).var[0]


def _save_jpeg(image: Image.Image, out: Path) -> int:
    for quality in (90, 85, 80, 70, 60):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        if buffer.tell() <= MAX_JPEG_BYTES:
            out.write_bytes(buffer.getvalue())
            return buffer.tell()
    raise _refuse("could not be brought under Instagram's 8 MB")


def decode_keeping_alpha(source: Path, sniffed_format: str, *, max_pixels: int) -> Image.Image:
    """A logo: upright RGBA, its transparency kept."""
    return decode(source, sniffed_format, max_pixels=max_pixels, keep_alpha=True)


def decode(source: Path, sniffed_format: str, *, max_pixels: int, keep_alpha: bool = False) -> Image.Image:
    """The file as an upright sRGB image; bombs, corrupt files and disguised ones refused."""
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            # Above MAX_IMAGE_PIXELS Pillow only warns (it errors at twice that): refuse.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as opened:
                if opened.format not in PILLOW_FORMATS.get(sniffed_format, set()):
                    raise _refuse(f"its content is not a valid {sniffed_format.upper()} image")
                opened.load()
                # In place: a copy of an 80 MP picture would be another 240 MB.
                ImageOps.exif_transpose(opened, in_place=True)
                return opened.convert("RGBA") if keep_alpha else _to_srgb(opened)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise _refuse(f"has too many pixels to decode safely ({err})") from err
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as err:
        raise _refuse(f"is corrupt or truncated ({err})") from err


def finish(
    image: Image.Image,
    *,
    fit: str,
    out: Path,
    thumbnail: Path,
    max_width: int,
    min_width: int,
) -> ReadyImage:
    """Write the Instagram-ready JPEG of `image` to `out` and its thumbnail to `thumbnail`."""
    notes: list[tuple[str, str]] = []
    width, height = image.size
    if width < min_width:
        raise _refuse(f"is {width} px wide; Instagram needs at least {min_width} px")
    image, note = _fit_ratio(image, fit, max_width)
    if note:
        notes.append(("aspect_ratio_fixed", note))
    if sharpness(image) < BLUR_THRESHOLD:
        notes.append(("blurry", "The image has little sharp detail; it may look blurred on Instagram"))
    if width < 600:
        notes.append(("low_resolution", f"{width} px wide: it will look soft on Instagram (1080 is best)"))
    size = _save_jpeg(image, out)
    small = image.copy()
    small.thumbnail(THUMBNAIL_SIZE)
    small.save(thumbnail, "JPEG", quality=80)
    return ReadyImage(image.width, image.height, size, notes)


def is_animated(source: Path) -> bool:
    """An animated GIF (or WebP): Instagram takes no GIF, so it becomes an MP4."""
    try:
        with Image.open(source) as opened:
            return getattr(opened, "n_frames", 1) > 1
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        return False


def prepare(
    source: Path,
    sniffed_format: str,
    *,
    operations: list[dict],
    logo: Logo | None,
    fit: str,
    out: Path,
    thumbnail: Path,
    max_width: int,
    min_width: int,
    max_pixels: int,
) -> ReadyImage:
    """The original at `source`, with its edit operations applied, made Instagram-ready."""
    image = decode(source, sniffed_format, max_pixels=max_pixels)
    if operations:
        image = apply(image, operations, logo, max_pixels=max_pixels)
    return finish(image, fit=fit, out=out, thumbnail=thumbnail, max_width=max_width, min_width=min_width)
