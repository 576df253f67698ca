"""Connecting to Temporal, waiting for it while make run starts everything at once."""

import asyncio

from temporalio.client import Client, WorkflowExecutionDescription, WorkflowExecutionStatus
from temporalio.runtime import Runtime
from temporalio.service import RPCError, RPCStatusCode

from lib.common import tracing


async def connect(
    address: str, namespace: str, attempts: int = 120, runtime: Runtime | None = None
) -> Client:
    """A client whose workflows and activities join the caller's trace (a worker made
    with it runs the same interceptor)."""
    for attempt in range(attempts):
        try:
            return await Client.connect(
                address, namespace=namespace, interceptors=tracing.temporal_interceptors(), runtime=runtime
            )
        except RuntimeError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(0.5)
    raise AssertionError("unreachable")


async def running(client: Client, workflow_id: str) -> WorkflowExecutionDescription | None:
    """The workflow's description while it runs, else None (never started, or ended)."""
    description = await latest(client, workflow_id)
    return description if description and description.status == WorkflowExecutionStatus.RUNNING else None


async def latest(client: Client, workflow_id: str) -> WorkflowExecutionDescription | None:
    """The description of the workflow's latest run, running or ended; None if none ever ran."""
    try:
        return await client.get_workflow_handle(workflow_id).describe()
    except RPCError as err:
        if err.status == RPCStatusCode.NOT_FOUND:
            return None
        raise
