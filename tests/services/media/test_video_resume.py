"""A media service killed while it converts a video: another takes the video up and
finishes it (the item never stays `processing` for ever), and while the first lived, the
other left it alone (no video is converted twice).

The test runs a media service of its own (same database and S3 as the session's system),
talks to it over gRPC and kills it mid-conversion; the session's media service, running
all along, is the other."""

import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest

from devtools.stack import free_port, wait_listening
from protos import media_pb2, media_pb2_grpc
from tests.grpc_clients import signed
from tests.services.media.helpers import make_video

ROOT = Path(__file__).resolve().parents[3]


def start_media(system, port: int, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "services.media.main"],
        cwd=ROOT,
        env={**system.env, "POSTFLOW_MEDIA_GRPC_PORT": str(port)},
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    wait_listening(port, process)
    return process


def chunks(user_id: str, content: bytes):
    yield media_pb2.UploadChunk(header=media_pb2.UploadHeader(user_id=user_id, filename="long.mp4"))
    for start in range(0, len(content), 256 * 1024):
        yield media_pb2.UploadChunk(data=content[start : start + 256 * 1024])


def converting(log: Path, media_id: str) -> bool:
    """Whether the media service writing `log` took the video (it logs each it converts)."""
    return log.exists() and f"video {media_id}: converting" in log.read_text()


def test_a_video_in_conversion_when_its_service_dies_is_finished_by_another(system, api, tmp_path):
    user = api.new_user()
    # 60 s at 30 fps that must be re-encoded (12 fps in): over ten seconds of work.
    content = make_video(tmp_path / "long.mp4", seconds=60, size="1280x720", rate=12)
    port, log = free_port(), tmp_path / "media.log"
    others = system.log_dir / "media.log"  # the session's media service, running throughout
    first = start_media(system, port, log)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            item = media_pb2_grpc.MediaStub(channel).Upload(
                chunks(user.id, content),
                timeout=60,
                metadata=signed(system, caller="gateway", service="media"),
            )
        assert item.status == "processing"
        deadline = time.monotonic() + 60
        while user.client.get(f"/api/v1/media/{item.id}").json()["progress"] == 0:
            assert time.monotonic() < deadline, "conversion never started"
            time.sleep(0.05)
        # Held by the service converting it (its lease renewed), past the 3 s a lease lasts
        # in the tests: the other leaves it alone.
        time.sleep(4)
        assert converting(log, item.id) and not converting(others, item.id)
    finally:
        first.kill()
        first.wait()
    stalled = user.client.get(f"/api/v1/media/{item.id}").json()
    assert stalled["status"] == "processing", "killed mid-conversion"
    # The lease runs out (3 s in the tests) and the running service takes the video up.
    deadline = time.monotonic() + 120
    while (found := user.client.get(f"/api/v1/media/{item.id}").json())["status"] == "processing":
        assert time.monotonic() < deadline, f"not finished after its service died: {found['progress']}%"
        time.sleep(0.2)
    assert found["status"] == "ready", found["failure_reason"]
    assert converting(others, item.id)
    assert found["duration_seconds"] == pytest.approx(60, abs=0.2)
    assert found["frame_rate"] == pytest.approx(30)
