"""Calls made within a moment of each other, sent as one request."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Batched(Generic[T, R]):
    """`await batched(item)` answers `send([..., item, ...])`'s answer for that item: the
    items asked for within `window` seconds of the first (at most `most` of them) go in one
    send. A failed send fails every call it carried."""

    def __init__(self, send: Callable[[list[T]], Awaitable[list[R]]], *, window: float, most: int) -> None:
        self._send = send
        self._window = window
        self._most = most
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._timer: asyncio.TimerHandle | None = None
        self._sending: set[asyncio.Task] = set()

    async def __call__(self, item: T) -> R:
        answer: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, answer))
        if len(self._waiting) >= self._most:
            self._go()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._window, self._go)
        return await answer

    def _go(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        batch, self._waiting = self._waiting, []
        if batch:
            task = asyncio.create_task(self._deliver(batch))
            self._sending.add(task)  # a task nobody holds may be collected mid-way
            task.add_done_callback(self._sending.discard)

    async def _deliver(self, batch: list[tuple[T, asyncio.Future[R]]]) -> None:
        try:
            answers = await self._send([item for item, _ in batch])
            if len(answers) != len(batch):
                raise RuntimeError(f"{len(answers)} answers to {len(batch)} items")
        except Exception as err:
            for _, answer in batch:
                if not answer.done():
                    answer.set_exception(err)
            return
        for (_, answer), result in zip(batch, answers, strict=True):
            if not answer.done():
                answer.set_result(result)
