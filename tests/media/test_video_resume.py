"""A media service killed while it converts a video: the next one to start takes the video
up again and finishes it (the item never stays `processing` for ever).

The test runs a media service of its own (same database and S3 as the session's system),
talks to it over gRPC, kills it mid-conversion and starts another on the same port."""

import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest

from devtools.stack import free_port, wait_listening
from protos import media_pb2, media_pb2_grpc
from tests.media.helpers import make_video

ROOT = Path(__file__).resolve().parents[2]


def start_media(system, port: int, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "services.media.server"],
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


def test_a_video_in_conversion_when_the_service_dies_is_finished_by_the_next(system, api, tmp_path):
    user = api.new_user()
    # 25 s at 30 fps that must be re-encoded (12 fps in): several seconds of work.
    content = make_video(tmp_path / "long.mp4", seconds=25, size="1280x720", rate=12)
    port, log = free_port(), tmp_path / "media.log"
    first = start_media(system, port, log)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            item = media_pb2_grpc.MediaStub(channel).Upload(chunks(user.id, content), timeout=60)
        assert item.status == "processing"
        deadline = time.monotonic() + 60
        while user.client.get(f"/api/v1/media/{item.id}").json()["progress"] == 0:
            assert time.monotonic() < deadline, "conversion never started"
            time.sleep(0.05)
    finally:
        first.kill()
        first.wait()
    stalled = user.client.get(f"/api/v1/media/{item.id}").json()
    assert stalled["status"] == "processing", "killed mid-conversion"
    second = start_media(system, port, log)
    try:
        deadline = time.monotonic() + 120
        while (found := user.client.get(f"/api/v1/media/{item.id}").json())["status"] == "processing":
            assert time.monotonic() < deadline, f"not finished after a restart: {found['progress']}%"
            time.sleep(0.2)
        assert found["status"] == "ready", found["failure_reason"]
        assert found["duration_seconds"] == pytest.approx(25, abs=0.2)
        assert found["frame_rate"] == pytest.approx(30)
    finally:
        second.terminate()
        second.wait()
