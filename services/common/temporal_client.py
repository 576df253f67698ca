"""Connecting to Temporal, waiting for it while make run starts everything at once."""

import asyncio

from temporalio.client import Client


async def connect(address: str, namespace: str, attempts: int = 120) -> Client:
    for attempt in range(attempts):
        try:
            return await Client.connect(address, namespace=namespace)
        except RuntimeError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(0.5)
    raise AssertionError("unreachable")
