"""gRPC clients of the running system, as one of its services: the tests speak to the
services directly only where the REST API cannot reach, and then with a service identity
like any other caller."""

import grpc

from lib.common import service_identity
from lib.common.config import Settings

SERVICES = ("users", "posts", "scheduler", "media", "realtime")


def settings_of(system) -> Settings:
    env = system.env
    return Settings(
        environment="local",
        service_keys_dir=env["POSTFLOW_SERVICE_KEYS_DIR"],
        **{f"{name}_grpc_port": int(env[f"POSTFLOW_{name.upper()}_GRPC_PORT"]) for name in SERVICES},
    )


def aio_channel(system, *, caller: str, service: str) -> grpc.aio.Channel:
    return service_identity.channel(settings_of(system), caller=caller, service=service)


def signed(system, *, caller: str, service: str) -> list[tuple[str, str]]:
    """Metadata for a call on a plain (blocking) channel, made as `caller`."""
    token = service_identity.signer(settings_of(system), caller).token_for(service)
    return [(service_identity.METADATA_KEY, token)]
