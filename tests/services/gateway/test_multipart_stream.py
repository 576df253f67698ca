"""The upload's multipart body is read as it arrives: a file's first bytes reach the media
service's side before the rest of the body has even been sent (so nothing is spooled to
disk first), and a body with too many files, another field, or cut short is refused."""

import asyncio

import pytest
from starlette.requests import Request

from lib.common.errors import ServiceError
from services.gateway.media.multipart_stream import each_file

BOUNDARY = "postflow-test-boundary"


def _part(name: str, filename: str | None, content: bytes) -> bytes:
    disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
    head = f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\nContent-Type: application/octet-stream"
    return f"{head}\r\n\r\n".encode() + content + b"\r\n"


def _request(pieces) -> Request:
    """A request whose body arrives piece by piece, each when the previous one is taken
    (`pieces`: an async iterator of bytes)."""
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/media/upload",
        "headers": [(b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode())],
    }
    iterator = aiter(pieces)

    async def receive():
        try:
            return {"type": "http.request", "body": await anext(iterator), "more_body": True}
        except StopAsyncIteration:
            return {"type": "http.request", "body": b"", "more_body": False}

    return Request(scope, receive)


async def _collect(filename: str, pieces) -> tuple[str, bytes]:
    return filename, b"".join([piece async for piece in pieces])


async def test_a_files_bytes_are_handed_on_before_the_body_has_arrived():
    first_piece_seen = asyncio.Event()
    content = bytes(range(256)) * 4096  # 1 MiB

    async def body():
        whole = _part("file", "a.bin", content) + f"--{BOUNDARY}--\r\n".encode()
        yield whole[: len(whole) // 2]
        # The second half is sent only once the first bytes were handed on.
        await asyncio.wait_for(first_piece_seen.wait(), timeout=5)
        yield whole[len(whole) // 2 :]

    async def handle(filename, pieces):
        received = bytearray()
        async for piece in pieces:
            received.extend(piece)
            first_piece_seen.set()
        return filename, bytes(received)

    assert await each_file(_request(body()), field="file", max_files=10, handle=handle) == [
        ("a.bin", content)
    ]


async def test_several_files_in_order_and_other_fields_dropped():
    async def body():
        yield (
            _part("note", None, b"ignored") + _part("file", "a.jpg", b"one") + _part("file", "b.jpg", b"two")
        )
        yield f"--{BOUNDARY}--\r\n".encode()

    got = await each_file(_request(body()), field="file", max_files=10, handle=_collect)
    assert got == [("a.jpg", b"one"), ("b.jpg", b"two")]


@pytest.mark.parametrize(
    ("parts", "words"),
    [
        ([_part("file", f"{n}.jpg", b"x") for n in range(3)], "at most 2 files"),
        ([_part("photo", "a.jpg", b"x")], "multipart field 'file'"),
        ([_part(f"f{n}", None, b"x") for n in range(11)], "form fields"),
    ],
)
async def test_a_body_beyond_the_limits_is_refused_naming_the_file(parts, words):
    async def body():
        for part in parts:
            yield part
        yield f"--{BOUNDARY}--\r\n".encode()

    with pytest.raises(ServiceError) as refused:
        await each_file(_request(body()), field="file", max_files=2, handle=_collect)
    assert refused.value.violations[0].field == "file"
    assert words in refused.value.violations[0].message


async def test_a_body_cut_short_is_refused():
    async def body():
        yield _part("file", "a.jpg", b"x" * 1000)[:-10]

    with pytest.raises(ServiceError, match="ended before its last file"):
        await each_file(_request(body()), field="file", max_files=10, handle=_collect)
