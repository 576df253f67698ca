"""An upload's multipart body read as it arrives, each file handed on while its bytes come in:
nothing is spooled. (Starlette's request.form() wrote every file to a temporary file first:
on Kubernetes /tmp is a 1 GiB emptyDir, and two 600 MB uploads evicted the gateway.)

Memory stays bounded: the parser holds no more than a piece of the body, and each file's
pieces wait in a small queue until the media service has taken the ones before (a slow
media service slows the client's upload instead of filling memory)."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from lib.common.errors import invalid_field

# Pieces of one file waiting for the media service.
QUEUED_PIECES = 8
# Form fields that are not files are read and dropped, within these bounds.
MAX_OTHER_FIELDS = 10
MAX_HEADER_BYTES = 4096

Handler = Callable[[str, AsyncIterator[bytes]], Awaitable[Any]]


def _disposition(headers: dict[bytes, bytes]) -> tuple[str, str | None]:
    """(field name, file name or None) of a part."""
    _, params = parse_options_header(headers.get(b"content-disposition", b""))
    name = params.get(b"name", b"").decode("utf-8", "replace")
    filename = params.get(b"filename")
    return name, None if filename is None else filename.decode("utf-8", "replace")


async def _pieces(queue: asyncio.Queue) -> AsyncIterator[bytes]:
    while (piece := await queue.get()) is not None:
        yield piece


class _File:
    """One file being handed on: its pieces' queue and the handler's task."""

    def __init__(self, filename: str, handle: Handler) -> None:
        self.queue: asyncio.Queue = asyncio.Queue(QUEUED_PIECES)
        self.task = asyncio.create_task(handle(filename, _pieces(self.queue)))

    async def put(self, piece: bytes | None) -> None:
        """Queued, or the handler's own error when it stopped taking pieces (a refusal)."""
        put = asyncio.ensure_future(self.queue.put(piece))
        done, _ = await asyncio.wait({put, self.task}, return_when=asyncio.FIRST_COMPLETED)
        if put not in done:
            put.cancel()
            self.task.result()  # raises what ended it
            raise invalid_field("file", "the file was refused before it was sent whole")

    def cancel(self) -> None:
        self.task.cancel()


async def each_file(request: Request, *, field: str, max_files: int, handle: Handler) -> list[Any]:
    """handle(filename, pieces) for each file of the multipart field `field`, one after the
    other as the body arrives; their results, in order. A malformed body, another field
    name, or more than max_files files is the request's mistake, named "file"."""
    _, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if not boundary:
        raise invalid_field("file", "send the files as multipart/form-data with its boundary")
    events: list[tuple[str, Any]] = []
    headers: dict[bytes, bytes] = {}
    name, value = bytearray(), bytearray()

    def header_end() -> None:
        headers[bytes(name).lower()] = bytes(value)
        name.clear()
        value.clear()

    def begin() -> None:
        headers.clear()

    callbacks = {
        "on_part_begin": begin,
        "on_header_field": lambda data, start, end: name.extend(data[start:end]),
        "on_header_value": lambda data, start, end: value.extend(data[start:end]),
        "on_header_end": header_end,
        "on_headers_finished": lambda: events.append(("begin", dict(headers))),
        "on_part_data": lambda data, start, end: events.append(("data", bytes(data[start:end]))),
        "on_part_end": lambda: events.append(("end", None)),
    }
    parser = MultipartParser(boundary, callbacks, max_header_size=MAX_HEADER_BYTES)
    results: list[Any] = []
    current: _File | None = None
    files = others = 0
    try:
        async for chunk in request.stream():
            try:
                parser.write(chunk)
            except MultipartParseError as err:
                raise invalid_field("file", f"the multipart body is malformed ({err})") from err
            for kind, payload in events:
                if kind == "begin":
                    part_name, filename = _disposition(payload)
                    if filename is None:
                        others += 1
                        if others > MAX_OTHER_FIELDS:
                            raise invalid_field(
                                "file", f"at most {MAX_OTHER_FIELDS} form fields besides the files"
                            )
                        continue
                    if part_name != field:
                        raise invalid_field("file", f"send the files in the multipart field '{field}'")
                    files += 1
                    if files > max_files:
                        raise invalid_field("file", f"at most {max_files} files in one upload")
                    current = _File(filename, handle)
                elif kind == "data" and current is not None:
                    await current.put(payload)
                elif kind == "end" and current is not None:
                    await current.put(None)
                    results.append(await current.task)
                    current = None
            events.clear()
        parser.finalize()
    finally:
        if current is not None:
            current.cancel()
    if current is not None:
        raise invalid_field("file", "the upload ended before its last file did")
    return results
