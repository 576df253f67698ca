"""Many calls that mostly wait (on the posts service, on Temporal and the worker) made at once."""

import asyncio
from collections.abc import Awaitable, Callable

# All of a 50-post request's at once: measured, 50 calendar moves ran 20% faster than 20 at
# a time.
LIMIT = 50


async def each(items: list, call: Callable[..., Awaitable]) -> list:
    """call(item) for every item, LIMIT at a time; results (or exceptions) in order."""
    gate = asyncio.Semaphore(LIMIT)

    async def one(item):
        async with gate:
            return await call(item)

    return await asyncio.gather(*(one(item) for item in items), return_exceptions=True)
