"""Fault drills: real processes of a Postflow of the drills' own are killed and started
again while a batch of posts sleeps and publishes. At the end, from the Graph API
simulator's record: every post published exactly once, none before its time, none stuck.

1. Temporal stopped and started again while the posts sleep, and again while they publish.
2. NATS stopped for 20 s in the middle of a batch, with the users' tabs open: publishing
   goes on, and the tabs catch up with no gap and nothing twice.
6. Every process but PostgreSQL killed with SIGKILL at once in the middle of a burst, then
   all started again.
"""

import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from devtools import postgres, stack
from services.migrate import migrate_all
from tests.drills import batch
from tests.drills.live_tabs import LiveTab, stored_event_ids
from tests.factories import Api

ENGINES = ("temporal", "nats")


@pytest.fixture(scope="module")
def drill_system(database_server_url, graph_simulator, tmp_path_factory):
    database = postgres.create_scratch_database(database_server_url, prefix="postflow_drill")
    migrate_all(database)
    running = batch.drill_stack(database, Path(tmp_path_factory.mktemp("drills")), graph_simulator)
    yield running
    running.stop()
    postgres.drop_database(database_server_url, database)


def test_temporal_stopped_while_posts_sleep_and_while_they_publish(drill_system, graph_simulator):
    instagram = httpx.Client(base_url=graph_simulator, timeout=10)
    users = batch.publishers(Api(drill_system.base_url), instagram)
    began = datetime.now(UTC)
    scheduled = batch.schedule_batch(users, [30, 32, 50], "Temporal drill")

    # Asleep: Temporal goes away for 5 s, well before anything is due.
    batch.wait_until(began + timedelta(seconds=12))
    drill_system.kill("temporal", sig=signal.SIGTERM)
    time.sleep(5)
    drill_system.restart("temporal")
    # Publishing: away again as soon as the first post is out (the rest of its second's
    # wave in flight, the next ones held).
    batch.once_the_first_is_out(users, instagram, "Temporal drill")
    drill_system.kill("temporal", sig=signal.SIGKILL)
    assert batch.out(users, instagram, "Temporal drill") < len(scheduled)
    time.sleep(4)
    drill_system.restart("temporal")

    published = batch.settled(scheduled, instagram, timeout=150)
    batch.exactly_once_and_on_time(scheduled, published)


def test_nats_stopped_for_20_seconds_while_posts_publish_and_tabs_follow(drill_system, graph_simulator):
    instagram = httpx.Client(base_url=graph_simulator, timeout=10)
    users = batch.publishers(Api(drill_system.base_url), instagram)
    tabs = [LiveTab(drill_system.base_url, user).open() for user in users]
    scheduled = batch.schedule_batch(users, [20, 24, 28, 32, 36, 40, 44], "NATS drill")
    try:
        batch.once_the_first_is_out(users, instagram, "NATS drill")
        drill_system.kill("nats", sig=signal.SIGTERM)
        out_when_stopped = batch.out(users, instagram, "NATS drill")
        # Some tabs lose their network too, and keep trying while NATS is away; the others
        # keep their sockets.
        for tab in tabs[::2]:
            tab.hang_up()
        time.sleep(20)
        out_when_back = batch.out(users, instagram, "NATS drill")
        drill_system.restart("nats")
        assert out_when_back > out_when_stopped, "publishing stopped with NATS"

        published = batch.settled(scheduled, instagram, timeout=150)
        batch.exactly_once_and_on_time(scheduled, published)
        # Every post's "published" reaches its user's tab (from the outbox, once NATS is back).
        posts_of = {id(u): [] for u in users}
        for user, post, _ in scheduled.values():
            posts_of[id(user)].append(post["id"])
        deadline = time.monotonic() + 60
        while any(
            "published" not in tab.statuses(post_id) for tab in tabs for post_id in posts_of[id(tab.user)]
        ):
            assert time.monotonic() < deadline, "a tab never heard that its post was published"
            time.sleep(0.5)
        time.sleep(2)  # anything that would come twice comes now
    finally:
        for tab in tabs:
            tab.close()

    for tab in tabs:
        seen = [event["event_id"] for event in tab.events]
        assert seen == sorted(set(seen)), "an event came twice or out of order"
        assert seen == stored_event_ids(drill_system.env["POSTFLOW_NATS_URL"], tab.user.id, tab.started_after)
        for post_id in posts_of[id(tab.user)]:
            assert tab.statuses(post_id).count("published") == 1
    assert all(tab.connects > 1 for tab in tabs[::2])


def test_everything_but_postgresql_killed_at_once_in_the_middle_of_a_burst(drill_system, graph_simulator):
    instagram = httpx.Client(base_url=graph_simulator, timeout=10)
    users = batch.publishers(Api(drill_system.base_url), instagram)
    scheduled = batch.schedule_batch(users, [25], "Blackout drill")

    # As soon as the burst has begun: some posts out, some in flight, the rest held.
    batch.once_the_first_is_out(users, instagram, "Blackout drill")
    everything = list(drill_system.processes)
    drill_system.kill(*everything, sig=signal.SIGKILL)
    out_at_the_kill = batch.out(users, instagram, "Blackout drill")
    assert 0 < out_at_the_kill < len(scheduled), out_at_the_kill
    time.sleep(2)
    drill_system.restart(*ENGINES)
    drill_system.restart(*(name for name in everything if name not in ENGINES))
    stack.wait_healthy(drill_system)

    published = batch.settled(scheduled, instagram, timeout=180)
    batch.exactly_once_and_on_time(scheduled, published)
