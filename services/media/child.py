"""Child processes (ffmpeg, the probe) started with the standard library's subprocess,
which uses vfork: the event loop's own spawning forks, and a fork of the threaded gRPC
service can crash in the child before it runs the program. Output is read in threads and
handed to the loop line by line."""

import asyncio
import subprocess
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Finished:
    returncode: int
    stdout: bytes
    stderr: bytes


class TooSlow(Exception):
    """The child did not finish within its time; it was killed."""


async def run(
    args: list[str],
    *,
    limit_seconds: float,
    env: dict[str, str] | None = None,
    on_line: Callable[[str], Awaitable[None]] | None = None,
) -> Finished:
    """Run args to completion (killed after limit_seconds); on_line sees each stdout line."""
    loop = asyncio.get_running_loop()
    process = await asyncio.to_thread(
        subprocess.Popen,
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    lines: asyncio.Queue[bytes | None] = asyncio.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            loop.call_soon_threadsafe(lines.put_nowait, line)
        loop.call_soon_threadsafe(lines.put_nowait, None)

    async def follow() -> bytes:
        seen = []
        while (line := await lines.get()) is not None:
            seen.append(line)
            if on_line is not None:
                await on_line(line.decode(errors="replace").strip())
        return b"".join(seen)

    assert process.stderr is not None
    pumping = asyncio.create_task(asyncio.to_thread(pump))
    try:
        async with asyncio.timeout(limit_seconds):
            out, errors = await asyncio.gather(follow(), asyncio.to_thread(process.stderr.read))
            returncode = await asyncio.to_thread(process.wait)
    except TimeoutError as exc:
        process.kill()
        await asyncio.to_thread(process.wait)
        raise TooSlow() from exc
    except BaseException:
        process.kill()
        await asyncio.to_thread(process.wait)
        raise
    finally:
        await asyncio.gather(pumping, return_exceptions=True)
        process.stdout.close()
        process.stderr.close()
    return Finished(returncode, out, errors)
