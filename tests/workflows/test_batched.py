"""Batched: calls made together go out as one request, each caller getting its own answer."""

import asyncio

import pytest

from workflows.publishing.batched import Batched


async def test_calls_made_together_go_as_one_send_and_each_gets_its_own_answer():
    sends: list[list[int]] = []

    async def send(items: list[int]) -> list[int]:
        sends.append(items)
        return [item * 10 for item in items]

    batched = Batched(send, window=0.01, most=100)
    answers = await asyncio.gather(*(batched(n) for n in range(7)))
    assert answers == [n * 10 for n in range(7)]
    assert sends == [list(range(7))]
    # Later calls make a send of their own.
    assert await batched(8) == 80
    assert sends[-1] == [8]


async def test_a_full_batch_goes_at_once_without_waiting_for_the_window():
    sends: list[list[int]] = []

    async def send(items: list[int]) -> list[int]:
        sends.append(items)
        return items

    batched = Batched(send, window=60, most=3)
    answers = await asyncio.wait_for(asyncio.gather(*(batched(n) for n in range(6))), 5)
    assert answers == list(range(6))
    assert sends == [[0, 1, 2], [3, 4, 5]]


async def test_a_failed_send_fails_every_call_it_carried_and_the_next_batch_still_goes():
    calls = 0

    async def send(items: list[str]) -> list[str]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionError("posts service away")
        return items

    batched = Batched(send, window=0.01, most=100)
    outcomes = await asyncio.gather(batched("a"), batched("b"), return_exceptions=True)
    assert [type(o) for o in outcomes] == [ConnectionError, ConnectionError]
    assert await batched("c") == "c"


async def test_an_answer_of_the_wrong_length_fails_the_calls():
    async def send(items: list[int]) -> list[int]:
        return items[:1]

    batched = Batched(send, window=0.01, most=100)
    with pytest.raises(RuntimeError, match="1 answers to 2 items"):
        await asyncio.gather(batched(1), batched(2))
