"""One round of the schedule reconciler, asked of the running scheduler: after restoring
PostgreSQL from a backup, or whenever an operator wants to know now. Run it where the
scheduler's identity key is (its pod or container):

    python -m services.scheduler.reconcile

It prints the round's report as JSON (every repair: the post, what was done, why) and exits
1 when a repair could not be made."""

import asyncio
import json
import sys

from google.protobuf.json_format import MessageToDict

from lib.common import service_identity
from lib.common.config import get_settings
from protos import scheduler_pb2, scheduler_pb2_grpc


async def reconcile_once() -> scheduler_pb2.ReconcileSchedulesReport:
    settings = get_settings()
    channel = service_identity.channel(settings, caller="scheduler", service="scheduler")
    try:
        stub = scheduler_pb2_grpc.SchedulerStub(channel)
        return await stub.ReconcileSchedules(scheduler_pb2.ReconcileSchedulesRequest(), timeout=600)
    finally:
        await channel.close()


def main() -> int:
    report = asyncio.run(reconcile_once())
    print(json.dumps(MessageToDict(report, always_print_fields_with_no_presence=True), indent=2))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
