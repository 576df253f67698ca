"""A local run makes the service keys that are missing, unless the keys are a read-only mount
of only this process's private key and the public ones (the dev overlay mounts them so):
then they are used as they are, and the process starts (it used to crash-loop on EROFS)."""

import subprocess

import pytest

from lib.common import service_identity
from lib.common.config import Settings


@pytest.fixture
def read_only_keys(tmp_path):
    source, mounted = tmp_path / "keys", tmp_path / "mounted"
    service_identity.ensure_keys(source)
    for path in source.glob("*.key"):
        if path.name != "posts.key":
            path.unlink()
    (source / ".lock").unlink(missing_ok=True)
    mounted.mkdir()
    if subprocess.run(["mount", "--bind", str(source), str(mounted)], capture_output=True).returncode:
        pytest.skip("no bind mounts here (mount needs root)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mounted)], check=True, capture_output=True)
        yield mounted
    finally:
        subprocess.run(["umount", str(mounted)], capture_output=True)


def test_a_read_only_mount_of_its_own_key_is_used_as_it_is(read_only_keys):
    settings = Settings(environment="local", service_keys_dir=str(read_only_keys))
    assert service_identity.private_key(settings, "posts")
    assert set(service_identity.public_keys(settings)) == set(service_identity.IDENTITIES)
    assert sorted(p.name for p in read_only_keys.glob("*.key")) == ["posts.key"]
    # Another process's key is not there: that process says so instead of making one.
    with pytest.raises(SystemExit, match="no service key"):
        service_identity.private_key(settings, "users")
