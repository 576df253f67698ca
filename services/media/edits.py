"""Edit operations: checked (each problem names operations.<i>.<parameter>) and, for images,
applied with Pillow. An edited item is its original with a list of operations applied, so
edits never touch the original and an edit of an edit just extends the list."""

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageColor, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

from lib.common.errors import Violation, invalid

IMAGE_OPS = ("crop", "rotate", "flip", "resize", "filter", "text", "watermark")
VIDEO_OPS = ("trim", "scale", "mute")
FILTERS = ("grayscale", "sepia", "warm", "cool", "contrast", "brightness", "sharpen")
POSITIONS = (
    "top-left",
    "top",
    "top-right",
    "left",
    "center",
    "right",
    "bottom-left",
    "bottom",
    "bottom-right",
)
MAX_OPERATIONS = 20
MAX_TEXT = 200


@dataclass(frozen=True)
class Logo:
    image: Image.Image
    position: str
    scale_percent: int
    opacity_percent: int


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Violation] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Violation(field, message))

    def number(self, op: dict, name: str, field: str, low: float, high: float, default=None):
        value = op.get(name, default)
        if value is None:
            self.fail(f"{field}.{name}", "is required")
        elif isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.fail(f"{field}.{name}", "must be a number")
        elif not low <= value <= high:
            self.fail(f"{field}.{name}", f"must be between {low:g} and {high:g}")
        else:
            return value
        return None

    def choice(self, op: dict, name: str, field: str, options: tuple[str, ...], default=None):
        value = op.get(name, default)
        if value not in options:
            self.fail(f"{field}.{name}", f"must be one of {', '.join(options)}")
            return None
        return value


def ratio_of(text: Any) -> float | None:
    """'4:5' -> 0.8; None if it is not a positive ratio."""
    if not isinstance(text, str) or text.count(":") != 1:
        return None
    try:
        width, height = (float(part) for part in text.split(":"))
    except ValueError:
        return None
    if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
        return None
    return width / height


def _check_colour(check: _Checker, field: str, value: Any) -> None:
    try:
        ImageColor.getrgb(value)
    except (ValueError, AttributeError, TypeError):
        check.fail(field, "must be a colour such as #ffcc00 or white")


def check(operations: Any, kind: str) -> list[dict]:
    """The operations, validated for an item of `kind`; a 422 lists every problem."""
    check = _Checker()
    if not isinstance(operations, list) or not operations:
        raise invalid([Violation("operations", "must be a non-empty list of operations")])
    if len(operations) > MAX_OPERATIONS:
        raise invalid([Violation("operations", f"at most {MAX_OPERATIONS} operations")])
    allowed = IMAGE_OPS if kind == "image" else VIDEO_OPS
    for index, op in enumerate(operations):
        field = f"operations.{index}"
        if not isinstance(op, dict):
            check.fail(field, 'must be an object such as {"op": "rotate", "degrees": 90}')
            continue
        name = op.get("op")
        if name not in IMAGE_OPS + VIDEO_OPS:
            check.fail(f"{field}.op", f"must be one of {', '.join(IMAGE_OPS + VIDEO_OPS)}")
            continue
        if name not in allowed:
            check.fail(f"{field}.op", f"{name} applies to {'images' if kind == 'video' else 'videos'} only")
            continue
        if name == "crop":
            if "box" in op:
                box = op["box"]
                if (
                    not isinstance(box, list)
                    or len(box) != 4
                    or not all(
                        isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1 for v in box
                    )
                    or box[2] <= box[0]
                    or box[3] <= box[1]
                ):
                    check.fail(
                        f"{field}.box",
                        "must be [left, top, right, bottom] as fractions (0 to 1) of the picture, "
                        "right > left, bottom > top",
                    )
            elif ratio_of(op.get("aspect_ratio")) is None:
                check.fail(f"{field}.aspect_ratio", "give a box, or an aspect_ratio such as 4:5")
        elif name == "rotate":
            check.number(op, "degrees", field, -360, 360)
        elif name == "flip":
            check.choice(op, "direction", field, ("horizontal", "vertical"))
        elif name == "resize":
            check.number(op, "width", field, 320, 4096)
        elif name == "filter":
            check.choice(op, "name", field, FILTERS)
            check.number(op, "amount", field, 0.1, 3.0, default=1.0)
        elif name == "text":
            text = op.get("text")
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
                check.fail(f"{field}.text", f"must be 1 to {MAX_TEXT} characters")
            check.choice(op, "position", field, POSITIONS, default="bottom")
            check.number(op, "size", field, 8, 400, default=64)
            _check_colour(check, f"{field}.colour", op.get("colour", "white"))
        elif name == "watermark":
            if "position" in op:
                check.choice(op, "position", field, POSITIONS)
        elif name == "trim":
            start = check.number(op, "start", field, 0, 24 * 3600, default=0)
            if op.get("end") is not None:
                end = check.number(op, "end", field, 0, 24 * 3600)
                if start is not None and end is not None and end <= start:
                    check.fail(f"{field}.end", "must be after start")
        elif name == "scale":
            check.number(op, "width", field, 64, 1920)
    if check.problems:
        raise invalid(check.problems)
    return [dict(op) for op in operations]


def _place(canvas: tuple[int, int], size: tuple[int, int], position: str, margin: int) -> tuple[int, int]:
    width, height = canvas
    w, h = size
    if position.endswith("left"):
        x = margin
    elif position.endswith("right"):
        x = width - w - margin
    else:
        x = (width - w) // 2
    if position.startswith("top"):
        y = margin
    elif position.startswith("bottom"):
        y = height - h - margin
    else:
        y = (height - h) // 2
    return x, y


def _crop(image: Image.Image, op: dict) -> Image.Image:
    if "box" in op:
        # Fractions of the picture: the same box whatever the resolution of the original.
        left, top, right, bottom = op["box"]
        box = (
            round(left * image.width),
            round(top * image.height),
            max(round(right * image.width), round(left * image.width) + 1),
            max(round(bottom * image.height), round(top * image.height) + 1),
        )
        return image.crop(box)
    target = ratio_of(op["aspect_ratio"])
    if image.width / image.height > target:
        width = max(1, round(image.height * target))
        left = (image.width - width) // 2
        return image.crop((left, 0, left + width, image.height))
    height = max(1, round(image.width / target))
    top = (image.height - height) // 2
    return image.crop((0, top, image.width, top + height))


def _tint(image: Image.Image, red: float, blue: float) -> Image.Image:
    r, g, b = image.split()
    r = r.point(lambda v: min(255, int(v * red)))
    b = b.point(lambda v: min(255, int(v * blue)))
    return Image.merge("RGB", (r, g, b))


def _filter(image: Image.Image, op: dict) -> Image.Image:
    amount = op.get("amount", 1.0)
    name = op["name"]
    if name == "grayscale":
        return ImageOps.grayscale(image).convert("RGB")
    if name == "sepia":
        return ImageOps.colorize(ImageOps.grayscale(image), "#2e1f0f", "#f0e0c0", mid="#a08060")
    if name == "warm":
        return _tint(image, 1 + 0.12 * amount, 1 - 0.12 * amount)
    if name == "cool":
        return _tint(image, 1 - 0.12 * amount, 1 + 0.12 * amount)
    if name == "contrast":
        return ImageEnhance.Contrast(image).enhance(amount if "amount" in op else 1.2)
    if name == "brightness":
        return ImageEnhance.Brightness(image).enhance(amount if "amount" in op else 1.2)
    return image.filter(ImageFilter.UnsharpMask(radius=2, percent=int(100 * amount), threshold=3))


def _text(image: Image.Image, op: dict) -> Image.Image:
    # Size is given for a 1080 px wide image and scales with the picture.
    size = max(8, round(op.get("size", 64) * image.width / 1080))
    # Pillow's bundled font (FreeType): it ships in the Pillow wheel, so the same on every machine.
    font = ImageFont.load_default(size)
    draw = ImageDraw.Draw(image)
    text = op["text"]
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x, y = _place(image.size, (right - left, bottom - top), op.get("position", "bottom"), margin=size // 2)
    colour = ImageColor.getrgb(op.get("colour", "white"))
    # A thin dark outline keeps light text readable on light pictures.
    draw.text(
        (x - left, y - top),
        text,
        font=font,
        fill=colour,
        stroke_width=max(1, size // 20),
        stroke_fill="black",
    )
    return image


def mark_size(picture: tuple[int, int], logo: tuple[int, int], scale_percent: int) -> tuple[int, int]:
    """The logo's size on the picture: scale_percent of its width, its own proportions, and
    never larger than the picture either way. Scaled by width alone, a tall narrow logo on
    a wide picture (1000x79000 on 80000x1000 at 50 %) came out 40000x3,160,000 pixels, a
    memory bomb no output-size check saw (the picture itself does not grow)."""
    width = max(1, min(picture[0], max(8, picture[0] * scale_percent // 100)))
    height = max(1, round(logo[1] * width / logo[0]))
    if height > picture[1]:
        height = picture[1]
        width = max(1, min(width, round(logo[0] * height / logo[1])))
    return width, height


def _watermark(image: Image.Image, op: dict, logo: Logo | None) -> Image.Image:
    if logo is None:
        return image
    mark = logo.image.convert("RGBA")
    mark = mark.resize(mark_size(image.size, mark.size, logo.scale_percent), Image.Resampling.LANCZOS)
    alpha = mark.getchannel("A").point(lambda v: v * logo.opacity_percent // 100)
    mark.putalpha(alpha)
    position = op.get("position", logo.position)
    image.paste(mark, _place(image.size, mark.size, position, margin=image.width // 40), mark)
    return image


def _size_after(size: tuple[int, int], op: dict) -> tuple[int, int]:
    """The picture's size after op, known before doing it: only rotate and resize can grow it."""
    width, height = size
    if op["op"] == "rotate":
        angle = math.radians(op["degrees"])
        cos, sin = abs(math.cos(angle)), abs(math.sin(angle))
        return math.ceil(width * cos + height * sin), math.ceil(width * sin + height * cos)
    if op["op"] == "resize":
        return int(op["width"]), max(1, round(height * op["width"] / width))
    return size


def apply(image: Image.Image, operations: list[dict], logo: Logo | None, *, max_pixels: int) -> Image.Image:
    """The image (RGB) with the operations applied in order; a step that would make more than
    max_pixels is refused before it allocates anything."""
    steps: dict[str, Callable[[Image.Image, dict], Image.Image]] = {
        "crop": _crop,
        "rotate": lambda im, op: im.rotate(
            -op["degrees"], expand=True, fillcolor="white", resample=Image.Resampling.BICUBIC
        ),
        "flip": lambda im, op: ImageOps.mirror(im) if op["direction"] == "horizontal" else ImageOps.flip(im),
        "resize": lambda im, op: im.resize(
            (int(op["width"]), max(1, round(im.height * op["width"] / im.width))), Image.Resampling.LANCZOS
        ),
        "filter": _filter,
        "text": _text,
        "watermark": lambda im, op: _watermark(im, op, logo),
    }
    for index, op in enumerate(operations):
        width, height = _size_after(image.size, op)
        if width * height > max_pixels:
            raise invalid(
                [
                    Violation(
                        f"operations.{index}",
                        f"would make a {width}x{height} picture; at most {max_pixels} pixels",
                    )
                ]
            )
        image = steps[op["op"]](image, op).convert("RGB")
    return image
