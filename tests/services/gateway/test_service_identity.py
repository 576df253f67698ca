"""The internal gRPC services trust only each other, and each only as far as it must: a
caller without a valid service token is refused, and decrypted Instagram tokens go to the
publishing worker alone."""

import time
from pathlib import Path

import grpc
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from grpc_health.v1 import health_pb2, health_pb2_grpc

from lib.common import service_identity
from lib.common.config import Settings
from lib.common.token_vault import TokenVault
from lib.post_status import PostStatus
from protos import posts_pb2, posts_pb2_grpc, scheduler_pb2, scheduler_pb2_grpc, users_pb2, users_pb2_grpc
from tests.grpc_clients import settings_of, signed


def _channel(system, service: str) -> grpc.Channel:
    return grpc.insecure_channel(f"127.0.0.1:{system.env[f'POSTFLOW_{service.upper()}_GRPC_PORT']}")


def _code(call) -> grpc.StatusCode:
    try:
        call()
    except grpc.RpcError as err:
        return err.code()
    return grpc.StatusCode.OK


def _credentials_as(system, publisher, metadata):
    with _channel(system, "scheduler") as channel:
        return scheduler_pb2_grpc.SchedulerStub(channel).GetPublishingCredentials(
            scheduler_pb2.AccountRef(user_id=publisher.id, account_id=publisher.account_id),
            timeout=10,
            metadata=metadata,
        )


def test_only_the_worker_gets_decrypted_instagram_tokens(system, publisher):
    as_worker = signed(system, caller="worker", service="scheduler")
    sent = _credentials_as(system, publisher, as_worker)
    # Sealed on the wire: only a holder of the keys (the worker) can read the token.
    assert sent.access_token == "" and b"EAAG-" not in sent.sealed_access_token
    assert TokenVault(settings_of(system)).open(sent.sealed_access_token).startswith("EAAG-")
    for caller in ("gateway", "posts", "media", "realtime", "users"):
        metadata = signed(system, caller=caller, service="scheduler")
        code = _code(lambda m=metadata: _credentials_as(system, publisher, m))
        assert code == grpc.StatusCode.PERMISSION_DENIED, caller


def _forged(issuer: str, audience: str, key=None, **claims) -> list[tuple[str, str]]:
    now = int(time.time())
    payload = {"iss": issuer, "aud": audience, "iat": now, "exp": now + 60, **claims}
    token = jwt.encode(
        payload, key or Ed25519PrivateKey.generate(), algorithm="EdDSA", headers={"kid": issuer}
    )
    return [(service_identity.METADATA_KEY, token)]


@pytest.mark.parametrize(
    "metadata",
    [
        [],  # no token: any user id sent used to be believed
        [(service_identity.METADATA_KEY, "not-a-token")],
        _forged("worker", "scheduler"),  # signed with a key that is not the worker's
        _forged("stranger", "scheduler"),
    ],
)
def test_callers_without_a_valid_token_are_refused(system, publisher, metadata):
    assert _code(lambda: _credentials_as(system, publisher, metadata)) == grpc.StatusCode.UNAUTHENTICATED


def test_a_token_for_another_service_or_out_of_date_is_refused(system, publisher):
    worker_key = service_identity.private_key(settings_of(system), "worker")
    for metadata in (
        _forged("worker", "posts", worker_key),  # meant for the posts service
        _forged("worker", "scheduler", worker_key, exp=int(time.time()) - 10),
    ):
        assert (
            _code(lambda m=metadata: _credentials_as(system, publisher, m)) == grpc.StatusCode.UNAUTHENTICATED
        )
    # The same key, the right audience, in date: accepted.
    assert _credentials_as(system, publisher, _forged("worker", "scheduler", worker_key)).sealed_access_token


def test_other_services_may_not_call_what_is_not_theirs(system, api):
    person = api.new_user()
    with _channel(system, "users") as channel:
        stub = users_pb2_grpc.UsersStub(channel)
        as_worker = signed(system, caller="worker", service="users")
        code = _code(lambda: stub.GetUser(users_pb2.GetUserRequest(user_id=person.id), metadata=as_worker))
        assert code == grpc.StatusCode.PERMISSION_DENIED
        as_gateway = signed(system, caller="gateway", service="users")
        assert stub.GetUser(users_pb2.GetUserRequest(user_id=person.id), metadata=as_gateway).id == person.id
    with _channel(system, "posts") as channel:
        stub = posts_pb2_grpc.PostsStub(channel)
        record = posts_pb2.RecordPublishingRequest(
            user_id=person.id, post_id=person.id, status=PostStatus.PUBLISHED.to_proto()
        )
        as_gateway = signed(system, caller="gateway", service="posts")
        # The gateway cannot declare a post published.
        assert (
            _code(lambda: stub.RecordPublishing(record, metadata=as_gateway))
            == grpc.StatusCode.PERMISSION_DENIED
        )


def test_health_checks_need_no_identity(system):
    for service in ("users", "posts", "scheduler", "media", "realtime"):
        with _channel(system, service) as channel:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING


def test_keys_are_generated_once_and_kept_private(tmp_path: Path):
    service_identity.ensure_keys(tmp_path)
    before = (tmp_path / "worker.key").read_bytes()
    service_identity.ensure_keys(tmp_path)
    assert (tmp_path / "worker.key").read_bytes() == before
    assert oct((tmp_path / "worker.key").stat().st_mode & 0o777) == "0o600"
    assert {p.stem for p in tmp_path.glob("*.pub")} == set(service_identity.IDENTITIES)


def test_a_local_run_reads_a_complete_read_only_key_folder(tmp_path: Path):
    """docker compose's dev profile runs local with the keys mounted read-only."""
    keys = tmp_path / "keys"
    service_identity.ensure_keys(keys)
    (keys / ".lock").unlink()
    keys.chmod(0o500)
    try:
        settings = Settings(environment="local", service_keys_dir=str(keys))
        assert set(service_identity.public_keys(settings)) == set(service_identity.IDENTITIES)
        assert service_identity.private_key(settings, "worker") is not None
        assert not (keys / ".lock").exists()
    finally:
        keys.chmod(0o700)
