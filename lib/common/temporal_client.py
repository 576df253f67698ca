"""Connecting to Temporal, waiting for it while make run starts everything at once."""

import asyncio

from temporalio.client import Client, WorkflowExecutionDescription, WorkflowExecutionStatus
from temporalio.service import RPCError, RPCStatusCode


async def connect(address: str, namespace: str, attempts: int = 120) -> Client:
    for attempt in range(attempts):
        try:
            return await Client.connect(address, namespace=namespace)
        except RuntimeError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(0.5)
    raise AssertionError("unreachable")


async def running(client: Client, workflow_id: str) -> WorkflowExecutionDescription | None:
    """The workflow's description while it runs, else None (never started, or ended)."""
    try:
        description = await client.get_workflow_handle(workflow_id).describe()
    except RPCError as err:
        if err.status == RPCStatusCode.NOT_FOUND:
            return None
        raise
    return description if description.status == WorkflowExecutionStatus.RUNNING else None
