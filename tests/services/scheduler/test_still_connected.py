"""StillConnected: the publishing worker's one check, at a wave's due second, of which of its
accounts are still connected."""

import uuid

import grpc
import pytest

from protos import scheduler_pb2, scheduler_pb2_grpc
from services.scheduler.accounts import MAX_CHECKED_AT_ONCE
from tests.grpc_clients import signed
from tests.services.scheduler.test_publishing import _connected


def _still_connected(system, refs: list[tuple[str, str]], *, caller: str = "worker") -> set[tuple[str, str]]:
    with grpc.insecure_channel(f"127.0.0.1:{system.env['POSTFLOW_SCHEDULER_GRPC_PORT']}") as channel:
        asked = [scheduler_pb2.AccountRef(user_id=user, account_id=account) for user, account in refs]
        answer = scheduler_pb2_grpc.SchedulerStub(channel).StillConnected(
            scheduler_pb2.AccountRefs(accounts=asked),
            timeout=10,
            metadata=signed(system, caller=caller, service="scheduler"),
        )
    return {(ref.user_id, ref.account_id) for ref in answer.accounts}


def test_only_the_accounts_still_connected_come_back(system, api, instagram):
    kept, dropped = _connected(api, instagram), _connected(api, instagram)
    assert dropped.client.delete(f"/api/v1/accounts/{dropped.account_id}").status_code == 204
    somebody_else = (kept.id, dropped.account_id)  # an account id under the wrong user
    unknown = (kept.id, str(uuid.uuid4()))
    asked = [(kept.id, kept.account_id), (dropped.id, dropped.account_id), somebody_else, unknown]

    assert _still_connected(system, asked) == {(kept.id, kept.account_id)}
    assert _still_connected(system, []) == set()


def test_only_the_worker_may_ask_and_a_wave_has_a_limit(system, api, instagram):
    user = _connected(api, instagram)
    with pytest.raises(grpc.RpcError) as refused:
        _still_connected(system, [(user.id, user.account_id)], caller="gateway")
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED

    too_many = [(user.id, str(uuid.uuid4())) for _ in range(MAX_CHECKED_AT_ONCE + 1)]
    with pytest.raises(grpc.RpcError) as limited:
        _still_connected(system, too_many)
    assert limited.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "accounts" in limited.value.details()

    with pytest.raises(grpc.RpcError) as malformed:
        _still_connected(system, [(user.id, "not-an-id")])
    assert malformed.value.code() == grpc.StatusCode.NOT_FOUND
