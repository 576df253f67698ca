"""Who is calling: every internal gRPC call carries a short-lived token signed with the
calling process's own Ed25519 key, and every service checks it and whether that caller may
call that method.

Each identity (gateway, users, posts, scheduler, media, realtime, worker) has a key pair in
POSTFLOW_SERVICE_KEYS_DIR: `<name>.key` (private: given only to that process) and
`<name>.pub` (public: given to every process). A token is a JWT (EdDSA) with the caller as
issuer and key id, the called service as audience, valid for minutes; the caller signs one
per service it talks to and reuses it until shortly before it expires. `make run` and the
tests generate missing keys under .data/; a deployment provides them and never generates.

Health checks (grpc.health.v1) stay open: orchestrators probe them without an identity.
"""

import fcntl
import logging
import time
from pathlib import Path

import grpc
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from lib.common import tracing
from lib.common.config import Settings

log = logging.getLogger(__name__)

IDENTITIES = ("gateway", "users", "posts", "scheduler", "media", "realtime", "worker")
METADATA_KEY = "x-postflow-service-token"
TOKEN_SECONDS = 300
RENEW_BEFORE_SECONDS = 60
HEALTH_PREFIX = "/grpc.health.v1.Health/"

# service -> method -> the callers allowed; methods not listed: the gateway only.
ALLOWED: dict[str, dict[str, frozenset[str]]] = {
    "posts": {
        "GetPost": frozenset({"gateway", "scheduler", "worker"}),
        "ListPosts": frozenset({"gateway", "scheduler"}),
        "CheckPublishable": frozenset({"scheduler"}),
        "ListScheduleRecords": frozenset({"scheduler"}),
        "MarkScheduled": frozenset({"scheduler"}),
        "MarkScheduledMany": frozenset({"scheduler"}),
        "MarkUnscheduled": frozenset({"scheduler"}),
        "MovePlannedTime": frozenset({"scheduler"}),
        "AdvanceImport": frozenset({"worker"}),
        "PreflightDue": frozenset({"scheduler"}),
        "SendDueReminders": frozenset({"worker"}),
        "DueReports": frozenset({"worker"}),
        "MarkReportSent": frozenset({"worker"}),
        "RenderReport": frozenset({"gateway", "worker"}),
        "RecordPreflight": frozenset({"scheduler"}),
        "RecordImportOutcomes": frozenset({"worker"}),
        # The scheduler's reconciler records an outcome the workflow reached after a restore.
        "RecordPublishing": frozenset({"worker", "scheduler"}),
        "RecordFirstComment": frozenset({"worker"}),
        "StartPublishing": frozenset({"worker"}),
        "CreateOccurrence": frozenset({"worker"}),
        "RecordMetrics": frozenset({"worker"}),
        "MediaUsage": frozenset({"media"}),
    },
    "users": {
        "RecordAudit": frozenset({"scheduler"}),
        # A workspace's own time zone, for times sent without one.
        "GetWorkspaceZone": frozenset({"posts", "scheduler"}),
        # Whether a socket's person is (still) a member of the workspace it follows.
        "GetAccess": frozenset({"gateway", "realtime"}),
        # Who may be @mentioned in a comment.
        "ListMembers": frozenset({"gateway", "posts"}),
    },
    # Instagram tokens (sealed) go to the publishing worker and nobody else.
    "scheduler": {
        "GetPublishingCredentials": frozenset({"worker"}),
        "StillConnected": frozenset({"worker"}),
        "ReportTokenRefused": frozenset({"worker"}),
        "ReportThrottled": frozenset({"worker"}),
        "KeepAccountsConnected": frozenset({"worker"}),
        # The maintenance workflow's rounds, and an operator's from the scheduler's own pod.
        "ReconcileSchedules": frozenset({"worker", "scheduler"}),
        "AudienceDue": frozenset({"worker"}),
        "GetAudienceModel": frozenset({"posts"}),
        "ListProfileMedia": frozenset({"posts"}),
        "StartImport": frozenset({"posts"}),
        # The worker's round, and an operator's from the scheduler's own pod.
        "PreflightRound": frozenset({"worker", "scheduler"}),
        "ListAccounts": frozenset({"gateway", "posts"}),
        # A CSV import's rows are scheduled by its workflow, as a person would.
        "SchedulePost": frozenset({"gateway", "worker"}),
        "RecordAudience": frozenset({"worker"}),
    },
    "media": {
        "ResolveMedia": frozenset({"worker", "posts"}),
        "PurgeDeleted": frozenset({"worker"}),
        # Pre-flight reads a scheduled post's library items (ready, their specs).
        "GetMedia": frozenset({"gateway", "scheduler"}),
    },
    # Scheduled reports are mailed by the realtime service (it holds the SMTP login).
    "realtime": {"SendReportEmail": frozenset({"worker"})},
}
DEFAULT_CALLERS = frozenset({"gateway"})


def may_call(caller: str, service: str, method: str) -> bool:
    return caller in ALLOWED.get(service, {}).get(method, DEFAULT_CALLERS)


# --- keys ------------------------------------------------------------------------------------


def ensure_keys(directory: Path) -> None:
    """Generate the key pairs that are missing (make run, the tests; never a deployment).
    Under a lock: processes starting together must not each write a different pair."""
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    with (directory / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _generate_missing(directory)


def _generate_missing(directory: Path) -> None:
    for name in IDENTITIES:
        private_path, public_path = directory / f"{name}.key", directory / f"{name}.pub"
        if private_path.exists() and public_path.exists():
            continue
        key = Ed25519PrivateKey.generate()
        private_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        private_path.chmod(0o600)
        public_path.write_bytes(
            key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )


def _keys_dir(settings: Settings) -> Path:
    directory = Path(settings.service_keys_dir)
    # A local run makes what is missing; keys that are all there may be a read-only mount
    # (docker compose's dev profile runs local), where even the lock file cannot be made.
    if settings.environment == "local" and not _all_present(directory):
        try:
            ensure_keys(directory)
        except OSError as err:
            # A read-only mount of this process's own key and the public ones (the dev
            # overlay's): what is there is what this process needs; nothing is made.
            log.info("service keys in %s used as they are (%s)", directory, err.strerror)
    return directory


def _all_present(directory: Path) -> bool:
    return all(
        (directory / f"{name}.key").exists() and (directory / f"{name}.pub").exists() for name in IDENTITIES
    )


def private_key(settings: Settings, identity: str) -> Ed25519PrivateKey:
    path = _keys_dir(settings) / f"{identity}.key"
    if not path.exists():
        raise SystemExit(f"{identity}: no service key at {path} (POSTFLOW_SERVICE_KEYS_DIR)")
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


def public_keys(settings: Settings) -> dict[str, Ed25519PublicKey]:
    directory = _keys_dir(settings)
    found = {}
    for name in IDENTITIES:
        path = directory / f"{name}.pub"
        if path.exists():
            found[name] = serialization.load_pem_public_key(path.read_bytes())
    if not found:
        raise SystemExit(f"no service public keys in {directory} (POSTFLOW_SERVICE_KEYS_DIR)")
    return found


# --- the calling side ---------------------------------------------------------------------


class Signer:
    """Tokens of one identity, one per service called, reused until near their end."""

    def __init__(self, identity: str, key: Ed25519PrivateKey) -> None:
        self.identity = identity
        self._key = key
        self._tokens: dict[str, tuple[str, float]] = {}

    def token_for(self, service: str) -> str:
        now = time.time()
        cached = self._tokens.get(service)
        if cached and cached[1] - RENEW_BEFORE_SECONDS > now:
            return cached[0]
        expires = now + TOKEN_SECONDS
        token = jwt.encode(
            {"iss": self.identity, "aud": service, "iat": int(now), "exp": int(expires)},
            self._key,
            algorithm="EdDSA",
            headers={"kid": self.identity},
        )
        self._tokens[service] = (token, expires)
        return token


class _Stamp:
    """Adds the caller's token for `service` to every call on a channel. (grpc.aio files an
    interceptor under the first call kind it implements: one class per kind.)"""

    def __init__(self, signer: Signer, service: str) -> None:
        self._signer = signer
        self._service = service

    def _details(self, details: grpc.aio.ClientCallDetails) -> grpc.aio.ClientCallDetails:
        metadata = grpc.aio.Metadata(*(details.metadata or ()))
        metadata.add(METADATA_KEY, self._signer.token_for(self._service))
        return grpc.aio.ClientCallDetails(
            details.method, details.timeout, metadata, details.credentials, details.wait_for_ready
        )


class _StampUnaryUnary(_Stamp, grpc.aio.UnaryUnaryClientInterceptor):
    async def intercept_unary_unary(self, continuation, details, request):
        return await continuation(self._details(details), request)


class _StampUnaryStream(_Stamp, grpc.aio.UnaryStreamClientInterceptor):
    async def intercept_unary_stream(self, continuation, details, request):
        return await continuation(self._details(details), request)


class _StampStreamUnary(_Stamp, grpc.aio.StreamUnaryClientInterceptor):
    async def intercept_stream_unary(self, continuation, details, request_iterator):
        return await continuation(self._details(details), request_iterator)


class _StampStreamStream(_Stamp, grpc.aio.StreamStreamClientInterceptor):
    async def intercept_stream_stream(self, continuation, details, request_iterator):
        return await continuation(self._details(details), request_iterator)


_signers: dict[str, Signer] = {}


def signer(settings: Settings, identity: str) -> Signer:
    if identity not in _signers:
        _signers[identity] = Signer(identity, private_key(settings, identity))
    return _signers[identity]


def channel(settings: Settings, *, caller: str, service: str, options=None) -> grpc.aio.Channel:
    """A channel from `caller` to `service` (at its configured address), every call signed."""
    target = getattr(settings, f"{service}_grpc_target")
    signing = signer(settings, caller)
    stamps = [
        kind(signing, service)
        for kind in (_StampUnaryUnary, _StampUnaryStream, _StampStreamUnary, _StampStreamStream)
    ]
    return grpc.aio.insecure_channel(
        target, options=options, interceptors=[*tracing.grpc_client_interceptors(), *stamps]
    )


# --- the called side ----------------------------------------------------------------------


class Verifier:
    """Checks a token for `service`: signed by a known identity's key, for this service, in
    date. Tokens already checked are remembered until they expire."""

    def __init__(self, service: str, keys: dict[str, Ed25519PublicKey], capacity: int = 1000) -> None:
        self._service = service
        self._keys = keys
        self._capacity = capacity
        self._checked: dict[str, tuple[str, float]] = {}

    def caller(self, token: str) -> str:
        """The identity that signed the token; ValueError when it is not acceptable."""
        checked = self._checked.get(token)
        if checked and checked[1] > time.time():
            return checked[0]
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            key = self._keys.get(kid)
            if key is None:
                raise ValueError(f"unknown caller {kid!r}")
            claims = jwt.decode(
                token,
                key,
                algorithms=["EdDSA"],
                audience=self._service,
                issuer=kid,
                options={"require": ["iss", "aud", "exp", "iat"]},
            )
        except jwt.PyJWTError as err:
            raise ValueError(str(err)) from err
        if len(self._checked) >= self._capacity:
            self._checked.clear()
        self._checked[token] = (kid, float(claims["exp"]))
        return kid


def _refusal(handler: grpc.RpcMethodHandler, code: grpc.StatusCode, message: str) -> grpc.RpcMethodHandler:
    """A handler of the same kind as `handler` that only refuses."""

    async def refuse(request_or_iterator, context):
        await context.abort(code, message)

    kinds = (
        ("unary_unary", grpc.unary_unary_rpc_method_handler),
        ("unary_stream", grpc.unary_stream_rpc_method_handler),
        ("stream_unary", grpc.stream_unary_rpc_method_handler),
        ("stream_stream", grpc.stream_stream_rpc_method_handler),
    )
    for attribute, make in kinds:
        if getattr(handler, attribute) is not None:
            return make(
                refuse,
                request_deserializer=handler.request_deserializer,
                response_serializer=handler.response_serializer,
            )
    raise ValueError("a handler of no known kind")


class CallerCheck(grpc.aio.ServerInterceptor):
    """Refuses calls without a valid token (UNAUTHENTICATED) and calls the caller may not
    make (PERMISSION_DENIED)."""

    def __init__(self, service: str, verifier: Verifier) -> None:
        self._service = service
        self._verifier = verifier

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or details.method.startswith(HEALTH_PREFIX):
            return handler
        token = dict(details.invocation_metadata or ()).get(METADATA_KEY, "")
        if isinstance(token, bytes):
            token = token.decode()
        try:
            caller = self._verifier.caller(token)
        except ValueError as err:
            return _refusal(handler, grpc.StatusCode.UNAUTHENTICATED, f"no valid service token: {err}")
        method = details.method.rsplit("/", 1)[-1]
        if not may_call(caller, self._service, method):
            return _refusal(
                handler, grpc.StatusCode.PERMISSION_DENIED, f"{caller} may not call {self._service}.{method}"
            )
        return handler


def caller_check(settings: Settings, service: str) -> CallerCheck:
    return CallerCheck(service, Verifier(service, public_keys(settings)))
