"""Instagram downloads each image_url / video_url itself when a container is created, and
refuses what it cannot fetch or does not take. The simulator does the same, over HTTP.

Meta's rules (https://developers.facebook.com/docs/instagram-platform/content-publishing/
and its error table, https://developers.facebook.com/docs/instagram-platform/
instagram-graph-api/reference/error-codes):
- the media is fetched from the URL: a URL Instagram cannot fetch (no answer, an error
  status) is 9004 / 2207052 "Media download has failed"; a download that takes too long is
  -2 / 2207003;
- JPEG is the only image format: any other is refused (36001 / 2207005, "The image format
  is not supported");
- an image is at most 8 MiB (36000 / 2207004).

Hosts under example.com (reserved for documentation, RFC 2606: no real media lives there)
are served by the simulator itself, at /_web/<host>/<path>, so that tests and benchmarks
name media URLs that a real fetch reaches: a JPEG, a PNG for *.png, an MP4 for videos, and
a 404 for any path with "missing" in it.
"""

import hashlib
import io
from functools import cache, lru_cache
from urllib.parse import urlsplit

import httpx
from PIL import Image

from devtools.graph_simulator.errors import GraphError

MAX_IMAGE_BYTES = 8 * 1024 * 1024
# Reels may be up to 1 GB (the content publishing page's video specifications).
MAX_VIDEO_BYTES = 1024 * 1024 * 1024
TIMEOUT_SECONDS = 10.0
WEB_DOMAIN = "example.com"
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v")
JPEG_MAGIC = b"\xff\xd8\xff"
UNSUPPORTED_VIDEO = "The video format is not supported. Please check spec for supported streams format"


def download_failed(why: str) -> GraphError:
    return GraphError(
        400, 9004, 2207052, f"Media download has failed. The media URI doesn't meet our requirements ({why})."
    )


def served_here(host: str) -> bool:
    return host == WEB_DOMAIN or host.endswith(f".{WEB_DOMAIN}")


class MediaFetcher:
    def __init__(self, own_url: str) -> None:
        # This simulator's own address: example.com's media are fetched from it.
        self._own_url = own_url.rstrip("/")
        # No kept-alive connections: a server closes an idle one after its own timeout
        # (uvicorn: 5 s, httpx's pool: also 5 s), and a fetch that picks one up at that moment
        # reads "server disconnected" (RemoteProtocolError), a download failure Instagram
        # would not report. A fresh connection per fetch costs little and cannot race.
        self._client = httpx.AsyncClient(
            timeout=TIMEOUT_SECONDS,
            follow_redirects=True,
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    async def close(self) -> None:
        await self._client.aclose()

    def _address(self, url: str) -> str:
        parts = urlsplit(url)
        if served_here((parts.hostname or "").lower()):
            query = f"?{parts.query}" if parts.query else ""
            return f"{self._own_url}/_web/{parts.hostname}{parts.path or '/'}{query}"
        return url

    async def image(self, url: str) -> None:
        body = await self._download(url, MAX_IMAGE_BYTES)
        if body is None:
            raise GraphError(400, 36000, 2207004, "The image size is too large.")
        if not body.startswith(JPEG_MAGIC):
            raise GraphError(
                400, 36001, 2207005, "The image format is not supported. Only JPEG images can be published."
            )

    async def video(self, url: str) -> None:
        body = await self._download(url, MAX_VIDEO_BYTES, head_only=64)
        if body is None:
            raise GraphError(400, 352, 2207026, "The video file is too large.")
        if body[4:8] != b"ftyp":
            raise GraphError(400, 352, 2207026, UNSUPPORTED_VIDEO)

    async def _download(self, url: str, most: int, head_only: int = 0) -> bytes | None:
        """The body (its first `head_only` bytes when given, the rest counted); None when it
        is larger than `most`."""
        kept, size = bytearray(), 0
        try:
            async with self._client.stream("GET", self._address(url)) as answer:
                if answer.status_code >= 400:
                    raise download_failed(f"HTTP {answer.status_code}")
                async for chunk in answer.aiter_bytes():
                    size += len(chunk)
                    if size > most:
                        return None
                    if not head_only or len(kept) < head_only:
                        kept.extend(chunk)
        except httpx.TimeoutException as err:
            raise GraphError(400, -2, 2207003, "It takes too long to download the media.", True) from err
        except httpx.HTTPError as err:
            raise download_failed(type(err).__name__) from err
        return bytes(kept)


@cache
def _picture(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1080, 1080), (40, 90, 160)).save(out, kind)
    return out.getvalue()


@lru_cache(maxsize=256)
def coloured_picture(key: str) -> bytes:
    """A 1080x1350 JPEG whose colour comes from `key`."""
    digest = hashlib.sha256(key.encode()).digest()
    out = io.BytesIO()
    Image.new("RGB", (1080, 1350), (digest[0], digest[1], digest[2])).save(out, "JPEG", quality=60)
    return out.getvalue()


# An MP4's first box (ftyp) and an empty media data box: what the format check reads.
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08mdat"


def stand_in(path: str) -> tuple[int, bytes, str]:
    """What example.com serves at `path`: (status, body, content type)."""
    lowered = path.lower()
    if "missing" in lowered:
        return 404, b"not found", "text/plain"
    if lowered.endswith(".png"):
        return 200, _picture("PNG"), "image/png"
    if lowered.endswith(VIDEO_SUFFIXES):
        return 200, MP4, "video/mp4"
    if lowered.endswith((".html", ".htm", "/")):
        return 200, b"<!doctype html><title>A page, not a picture</title>", "text/html"
    return 200, _picture("JPEG"), "image/jpeg"
