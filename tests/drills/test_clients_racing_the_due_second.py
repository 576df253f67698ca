"""Fault drill 5: many clients move, take back, schedule again and delete the same posts
while they come due. Whatever the order the calls land in, what Instagram shows agrees with
what the API acknowledged:
- a post is published at most once;
- never before the time of the last move the API accepted (the last one asked before it went
  out: a move's answer may come after the publish it caused);
- never after its deletion or its taking back was acknowledged;
- and when the dust settles, no post is left waiting for a time already past."""

import random
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from tests.drills import batch

ACCOUNTS, PER_ACCOUNT, CLIENTS = 2, 15, 6
WINDOW_SECONDS = 9.0
FINISHED = ("published", "draft")


@dataclass(frozen=True)
class Move:
    asked: float  # when the request was sent
    answered: float
    due: datetime  # the time as the API took it (to the second; "now" for one already past)


@dataclass
class Acknowledged:
    """What the API said yes to, for one post, in the order the answers came."""

    moves: list[Move] = field(default_factory=list)
    taken_back_at: float | None = None
    deleted_at: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def _due_in(seconds: float) -> datetime:
    return datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=seconds)


def _race(scheduled: dict, acknowledged: dict, seed: int, stop_at: float, failures: list) -> None:
    try:
        _race_on(scheduled, acknowledged, seed, stop_at)
    except BaseException as err:  # noqa: BLE001 - a thread's failure is the test's
        failures.append(err)


def _race_on(scheduled: dict, acknowledged: dict, seed: int, stop_at: float) -> None:
    chance = random.Random(seed)
    entries = list(scheduled.items())
    while time.time() < stop_at:
        caption, (user, post, _) = chance.choice(entries)
        path = f"/api/v1/posts/{post['id']}"
        action = chance.choices(["move", "take back", "schedule", "delete"], weights=[5, 2, 2, 1])[0]
        due = _due_in(chance.uniform(1, 5))
        body = {"scheduled_time": due.isoformat(), "account_id": user.account_id}
        asked = time.time()
        try:
            if action == "move":
                reply = user.client.put(f"{path}/schedule", json=body)
            elif action == "schedule":
                reply = user.client.post(f"{path}/schedule", json=body)
            elif action == "take back":
                reply = user.client.delete(f"{path}/schedule")
            else:
                reply = user.client.delete(path)
        except httpx.HTTPError:
            continue  # no answer: nothing was acknowledged
        answered = time.time()
        assert reply.status_code < 500, (action, reply.status_code, reply.text)
        if reply.status_code != 200:
            continue
        record = acknowledged[caption]
        with record.lock:
            if action in ("move", "schedule"):
                record.moves.append(
                    Move(asked, answered, datetime.fromisoformat(reply.json()["scheduled_for"]))
                )
                record.taken_back_at = None
            elif action == "take back":
                record.taken_back_at = answered
            else:
                record.deleted_at = answered
        time.sleep(chance.uniform(0, 0.05))


def test_clients_moving_taking_back_and_deleting_posts_as_they_come_due(api, instagram):
    users = batch.publishers(api, instagram, accounts=ACCOUNTS)
    scheduled = batch.schedule_batch(users, [4, 5, 6], "Race drill", per_account=PER_ACCOUNT)
    acknowledged = {
        caption: Acknowledged(moves=[Move(time.time(), time.time(), due)])
        for caption, (_, _, due) in scheduled.items()
    }

    stop_at = time.time() + WINDOW_SECONDS
    failures: list[BaseException] = []
    clients = [
        threading.Thread(target=_race, args=(scheduled, acknowledged, seed, stop_at, failures))
        for seed in range(CLIENTS)
    ]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    assert not failures, failures

    # Settled: each post published, failed, taken back, deleted, or waiting for a time to come.
    deadline = time.monotonic() + 90
    while True:
        states = {
            c: batch.status_of(u, p) for c, (u, p, _) in scheduled.items() if not acknowledged[c].deleted_at
        }
        stuck = {
            c: s for c, s in states.items() if s not in FINISHED and not _waiting_for_later(scheduled[c])
        }
        if not stuck:
            break
        assert time.monotonic() < deadline, f"stuck: {list(stuck.items())[:5]}"
        time.sleep(0.5)

    published: dict[str, list[dict]] = {}
    for user in users:
        for record in instagram.get("/_simulator/publishes", params={"ig_user_id": user.ig_user_id}).json():
            published.setdefault(record["caption"].split("\n")[0], []).append(record)
    assert published, "the drill published nothing: the race never reached a due second"
    for caption, record in acknowledged.items():
        out = published.get(caption, [])
        assert len(out) <= 1, f"{caption} published {len(out)} times"
        if not out:
            continue
        at = out[0]["published_at"]
        if record.deleted_at is not None:
            assert at <= record.deleted_at, f"{caption} published after its deletion was acknowledged"
        if record.taken_back_at is not None:
            assert at <= record.taken_back_at, f"{caption} published after it was taken back"
        # The accepted changes of one post never overlap (each claims the post), so the one in
        # force when it went out is the last answered of those asked before: its answer may
        # come after the publish it caused (the drill once saw one 1.7 s after).
        asked_before = [move for move in record.moves if move.asked <= at]
        assert asked_before, f"{caption} published with no schedule asked for before"
        in_force = max(asked_before, key=lambda move: move.answered)
        assert at >= in_force.due.timestamp(), f"{caption} published before its accepted time"
        asked_after = [move for move in record.moves if move.asked > at]
        assert not asked_after, f"{caption} moved (and the move accepted) after it was published"
        if caption in states:
            assert states[caption] == "published", (caption, states[caption])


def _waiting_for_later(entry) -> bool:
    user, post, _ = entry
    stored = user.client.get(f"/api/v1/posts/{post['id']}").json()
    due = stored.get("scheduled_for")
    return stored.get("status") == "scheduled" and due and datetime.fromisoformat(due) > datetime.now(UTC)
