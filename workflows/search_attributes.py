"""`python -m workflows.search_attributes`: registers Postflow's search attributes on the
configured Temporal namespace (docker-compose.yml and deploy/ run it once per release; the
dev server of make run and the tests gets them as flags). Attributes already there are
kept, so running it again changes nothing; one registered with another type is an error."""

import asyncio
import sys

from temporalio.api.enums.v1 import IndexedValueType
from temporalio.api.operatorservice.v1 import AddSearchAttributesRequest, ListSearchAttributesRequest
from temporalio.client import Client
from temporalio.common import SearchAttributeIndexedValueType

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
    added = await register(client, settings.temporal_namespace)
    print(f"search attributes on {settings.temporal_namespace}: added {', '.join(added) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(_main()))
