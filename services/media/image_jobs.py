"""Decoding images, a few at a time per media service, on threads of their own.

A decoded picture can hold hundreds of MB (an 80 MP photo is 240 MB as RGB), so how many
are decoded at once is what bounds the service's memory; uploads beyond it wait their turn.
They run on a small pool of their own rather than the event loop's default one: the C
allocator keeps what a thread freed for that thread's next use, so a picture decoded on
each of many threads would leave each holding its peak.
"""

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

from lib.common import metrics
from lib.common.config import Settings

T = TypeVar("T")

_pool: ThreadPoolExecutor | None = None


async def run(settings: Settings, job: Callable[..., T], *args, **kwargs) -> T:
    """job(*args, **kwargs) on one of settings.image_workers threads, once one is free."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=settings.image_workers, thread_name_prefix="image")
    with metrics.queued("image"):
        return await asyncio.get_running_loop().run_in_executor(_pool, partial(_timed, job, *args, **kwargs))


def _timed(job: Callable[..., T], *args, **kwargs) -> T:
    """On the image thread: the time the job ran, not the time it waited for a thread."""
    with metrics.processing("image"):
        return job(*args, **kwargs)
