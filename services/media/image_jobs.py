"""Decoding images, a few at a time per media service.

A decoded picture can hold hundreds of MB (an 80 MP photo is 240 MB as RGB, and colour
conversion copies it), so the number decoded at once is what bounds the service's memory;
uploads beyond it wait their turn.
"""

import asyncio
from collections.abc import Callable
from typing import TypeVar

from services.common.config import Settings

T = TypeVar("T")

_slots: dict[int, asyncio.Semaphore] = {}


async def run(settings: Settings, job: Callable[..., T], *args, **kwargs) -> T:
    """job(*args, **kwargs) on a worker thread once one of settings.image_workers slots is free."""
    slots = _slots.setdefault(id(asyncio.get_running_loop()), asyncio.Semaphore(settings.image_workers))
    async with slots:
        return await asyncio.to_thread(job, *args, **kwargs)
