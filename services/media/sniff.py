"""What a file is, by its first bytes: the client's name and content type are never trusted."""

from dataclasses import dataclass

HEAD_BYTES = 64


@dataclass(frozen=True)
class Sniffed:
    # jpeg, png, gif, webp, heic, mp4, mov
    format: str
    # image or video
    kind: str


# ISO base media (MP4, MOV, HEIC): bytes 4-8 are "ftyp", then a brand.
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1"}
_MOV_BRANDS = {b"qt  "}


def sniff(head: bytes) -> Sniffed | None:
    """The format of a file starting with `head` (at least HEAD_BYTES when the file has them)."""
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("jpeg", "image")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("png", "image")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Sniffed("gif", "image")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("webp", "image")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIC_BRANDS:
            return Sniffed("heic", "image")
        if brand in _MOV_BRANDS:
            return Sniffed("mov", "video")
        return Sniffed("mp4", "video")
    return None
