"""DueWaves: a finished publish reports back once every publish due by its time has gone out."""

import asyncio
from datetime import UTC, datetime, timedelta

from workflows.publishing.activities import DueWaves

NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)


async def test_a_finished_publish_waits_for_the_rest_of_its_wave_held_ones_included():
    waves = DueWaves()
    with waves.holding(NINE) as first_out, waves.holding(NINE) as still_held:
        first_out()
        waiting = asyncio.ensure_future(waves.gone_out(NINE))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        still_held()
        await asyncio.wait_for(waiting, 1)


async def test_a_later_wave_does_not_hold_back_an_earlier_one_and_leaving_twice_counts_once():
    waves = DueWaves()
    with waves.holding(NINE + timedelta(minutes=5)), waves.holding(NINE) as out:
        out()
        out()
        await asyncio.wait_for(waves.gone_out(NINE), 1)
        # The wave at 09:05 waits for the one at 09:00 too: here none is left.
        with waves.holding(NINE) as again:
            waiting = asyncio.ensure_future(waves.gone_out(NINE + timedelta(minutes=5)))
            await asyncio.sleep(0.05)
            assert not waiting.done()
            again()
        await asyncio.sleep(0.05)
        assert not waiting.done()  # 09:05's own publish is still held
    await asyncio.wait_for(waiting, 1)


async def test_a_cancelled_hold_leaves_its_wave():
    waves = DueWaves()

    async def held():
        with waves.holding(NINE):
            await asyncio.sleep(60)

    hold = asyncio.ensure_future(held())
    await asyncio.sleep(0.01)
    waiting = asyncio.ensure_future(waves.gone_out(NINE))
    await asyncio.sleep(0.01)
    assert not waiting.done()
    hold.cancel()
    await asyncio.wait_for(waiting, 1)


async def test_a_wave_that_never_goes_out_holds_the_report_back_no_longer_than_the_longest_wait(monkeypatch):
    monkeypatch.setattr(DueWaves, "LONGEST_WAIT", 0.1)
    waves = DueWaves()
    with waves.holding(NINE):
        await asyncio.wait_for(waves.gone_out(NINE), 1)
