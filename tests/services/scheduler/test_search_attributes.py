"""Operators find a post's workflow in Temporal by its id, user, account and scheduled time
(the Temporal UI's search uses the same queries), and a move updates the scheduled time."""

import asyncio
import uuid
from datetime import datetime, timedelta

from temporalio.client import Client

from tests.services.scheduler.publishing import schedule
from workflows.contracts.search_attributes import ACCOUNT_ID, POST_ID, SCHEDULED_TIME, USER_ID
from workflows.search_attributes import ensure_namespace, register


async def _found(client: Client, query: str) -> list:
    """Visibility is eventually consistent: the workflows the query finds, once it finds any
    (or none after 15 s)."""
    deadline = asyncio.get_running_loop().time() + 15
    while True:
        found = [w async for w in client.list_workflows(query)]
        if found or asyncio.get_running_loop().time() > deadline:
            return found
        await asyncio.sleep(0.2)


def _around(moment: datetime) -> str:
    early, late = moment - timedelta(seconds=1), moment + timedelta(seconds=1)
    return f'ScheduledTime >= "{early.isoformat()}" AND ScheduledTime <= "{late.isoformat()}"'


async def test_a_scheduled_post_is_found_by_its_id_user_account_and_time(system, publisher):
    post = publisher.create_post(caption="Findable")
    reply = schedule(publisher, post["id"], 3600)
    assert reply.status_code == 200, reply.text
    due = datetime.fromisoformat(reply.json()["scheduled_for"])
    client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])

    [found] = await _found(client, f'PostId = "{post["id"]}"')
    attributes = found.typed_search_attributes
    assert attributes.get(POST_ID) == post["id"]
    assert attributes.get(USER_ID) == publisher.id
    assert attributes.get(ACCOUNT_ID) == publisher.account_id
    assert attributes.get(SCHEDULED_TIME) == due

    by_account = await _found(client, f'AccountId = "{publisher.account_id}" AND {_around(due)}')
    assert [w.id for w in by_account] == [found.id]

    moved = schedule(publisher, post["id"], 7200, method="PUT")
    assert moved.status_code == 200, moved.text
    moved_to = datetime.fromisoformat(moved.json()["scheduled_for"])
    later = f'PostId = "{post["id"]}" AND {_around(moved_to)}'
    [after] = await _found(client, later)
    assert after.typed_search_attributes.get(SCHEDULED_TIME) == moved_to
    assert publisher.client.delete(f"/api/v1/posts/{post['id']}/schedule").status_code == 200


async def test_a_missing_namespace_is_made_then_given_the_attributes_once(system):
    client = await Client.connect(system.env["POSTFLOW_TEMPORAL_ADDRESS"])
    # make run's and the tests' dev server has them from its flags.
    assert await ensure_namespace(client, "default", 7) is False
    assert await register(client, "default") == []
    # A server whose namespace does not exist yet (the plain image, the Helm chart).
    namespace = f"sa-{uuid.uuid4().hex[:10]}"
    assert await ensure_namespace(client, namespace, 7) is True
    assert await ensure_namespace(client, namespace, 7) is False
    added = await register(client, namespace)
    assert added == sorted(["AccountId", "PostId", "ScheduledTime", "UserId"])
    assert await register(client, namespace) == []
