"""`python -m workflows.search_attributes`: makes the configured Temporal namespace if it
does not exist yet (only Temporal's auto-setup image and its dev server make "default";
the plain server image and the Helm chart do not, and the scheduler and worker cannot start
without it), then registers Postflow's search attributes on it (docker-compose.yml and
deploy/ run it once per release; the dev server of make run and the tests gets them as
flags). What is already there is kept, so running it again changes nothing; an attribute
registered with another type is an error."""

import asyncio
import os
import sys

from temporalio.api.enums.v1 import IndexedValueType
from temporalio.api.operatorservice.v1 import AddSearchAttributesRequest, ListSearchAttributesRequest
from temporalio.api.workflowservice.v1 import DescribeNamespaceRequest, RegisterNamespaceRequest
from temporalio.client import Client
from temporalio.common import SearchAttributeIndexedValueType
from temporalio.service import RPCError, RPCStatusCode

from lib.common.config import get_settings
from lib.common.temporal_client import connect
from workflows.contracts.search_attributes import ALL


def dev_server_flags() -> list[str]:
    """`temporal server start-dev` arguments that register them."""
    flags = []
    for key in ALL:
        flags += ["--search-attribute", f"{key.name}={_type_name(key.indexed_value_type)}"]
    return flags


def _type_name(value_type: SearchAttributeIndexedValueType) -> str:
    return {"KEYWORD": "Keyword", "DATETIME": "Datetime"}[value_type.name]


async def ensure_namespace(client: Client, namespace: str, retention_days: int) -> bool:
    """Makes the namespace if it does not exist (True), and waits until every part of the
    server knows it."""
    try:
        await client.workflow_service.describe_namespace(DescribeNamespaceRequest(namespace=namespace))
        return False
    except RPCError as err:
        if err.status != RPCStatusCode.NOT_FOUND:
            raise
    try:
        await client.workflow_service.register_namespace(
            RegisterNamespaceRequest(
                namespace=namespace,
                workflow_execution_retention_period={"seconds": retention_days * 86400},
            )
        )
    except RPCError as err:
        if err.status != RPCStatusCode.ALREADY_EXISTS:  # another replica of this job made it
            raise
    for _ in range(100):
        try:
            await client.operator_service.list_search_attributes(
                ListSearchAttributesRequest(namespace=namespace)
            )
            return True
        except RPCError:
            await asyncio.sleep(0.2)
    raise SystemExit(f"namespace {namespace} was made but never became usable")


async def register(client: Client, namespace: str) -> list[str]:
    """Adds the missing ones; returns their names."""
    listed = await client.operator_service.list_search_attributes(
        ListSearchAttributesRequest(namespace=namespace)
    )
    present = dict(listed.custom_attributes) | dict(listed.system_attributes)
    missing = {}
    for key in ALL:
        wanted = IndexedValueType.Value(f"INDEXED_VALUE_TYPE_{key.indexed_value_type.name}")
        if key.name not in present:
            missing[key.name] = wanted
        elif present[key.name] != wanted:
            raise SystemExit(
                f"search attribute {key.name} is registered as "
                f"{IndexedValueType.Name(present[key.name])}, not {IndexedValueType.Name(wanted)}"
            )
    if missing:
        await client.operator_service.add_search_attributes(
            AddSearchAttributesRequest(namespace=namespace, search_attributes=missing)
        )
    return sorted(missing)


async def _main() -> int:
    settings = get_settings()
    client = await connect(settings.temporal_address, settings.temporal_namespace)
    if await ensure_namespace(client, settings.temporal_namespace, settings.temporal_retention_days):
        print(f"namespace {settings.temporal_namespace}: made")
    added = await register(client, settings.temporal_namespace)
    print(f"search attributes on {settings.temporal_namespace}: added {', '.join(added) or 'none'}")
    return 0


if __name__ == "__main__":
    code = asyncio.run(_main())
    # Straight out, past the interpreter's teardown: the Temporal client's Rust threads can
    # outlive it and abort the process (SIGABRT, "PyGILState_Release ... finalizing") after
    # the work is done, which a Job counts as a failure (temporalio/sdk-python#300; found by
    # tests/deploy/test_every_container_starts.py).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
