"""The local-folder storage of make run: signed, expiring URLs; nothing outside the folder."""

import io
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
from PIL import Image

from devtools.stack import free_port, wait_listening
from lib.common.config import Settings
from services.media.storage import LocalStorage, url_signature


def storage(tmp_path: Path, expiry: int = 60) -> LocalStorage:
    return LocalStorage(Settings(media_dir=str(tmp_path / "media"), media_url_expiry_seconds=expiry))


def test_a_signed_url_reads_the_file_and_a_tampered_or_expired_one_does_not(tmp_path):
    files = storage(tmp_path)
    source = tmp_path / "in.jpg"
    source.write_bytes(b"\xff\xd8\xff" + b"x" * 300_000)
    files.put("user/item/instagram.jpg", source, "image/jpeg")
    url = urlsplit(files.url("user/item/instagram.jpg"))
    assert url.path == "/media/files/user/item/instagram.jpg"
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    expires, signature = int(query["expires"]), query["signature"]

    assert b"".join(files.read("user/item/instagram.jpg", expires, signature)) == source.read_bytes()
    assert files.read("user/item/instagram.jpg", expires + 1, signature) is None
    assert files.read("user/other/instagram.jpg", expires, signature) is None
    past = int(time.time()) - 1
    secret = Settings().media_url_signing_key.get_secret_value()
    assert (
        files.read("user/item/instagram.jpg", past, url_signature("user/item/instagram.jpg", past, secret))
        is None
    )


def test_keys_cannot_leave_the_media_folder(tmp_path):
    files = storage(tmp_path)
    (tmp_path / "secret.txt").write_text("not yours")
    key = "../secret.txt"
    expires = int(time.time()) + 60
    secret = Settings().media_url_signing_key.get_secret_value()
    assert files.read(key, expires, url_signature(key, expires, secret)) is None


def test_make_runs_local_storage_serves_whole_files_through_signed_urls(system, tmp_path):
    """A media service on a local folder and a gateway in front of it (as `make run` has
    them); the session's users service logs in."""
    gateway_port, media_port = free_port(), free_port()
    env = {
        **system.env,
        "POSTFLOW_S3_ENDPOINT": "",
        "POSTFLOW_MEDIA_DIR": str(tmp_path / "media"),
        "POSTFLOW_MEDIA_GRPC_PORT": str(media_port),
        "POSTFLOW_GATEWAY_PORT": str(gateway_port),
        "POSTFLOW_PUBLIC_BASE_URL": f"http://127.0.0.1:{gateway_port}",
    }
    log = (tmp_path / "services.log").open("w")
    media = subprocess.Popen([sys.executable, "-m", "services.media.main"], env=env, stdout=log, stderr=log)
    gateway = subprocess.Popen(
        [sys.executable, "-m", "services.gateway.main"], env=env, stdout=log, stderr=log
    )
    try:
        wait_listening(media_port, media)
        wait_listening(gateway_port, gateway)
        client = httpx.Client(base_url=f"http://127.0.0.1:{gateway_port}", timeout=30)
        email = f"local-{time.time_ns()}@example.com"
        token = client.post("/api/v1/auth/register", json={"email": email, "password": "local password"})
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        # Noise: a JPEG of a few MB, many times the 256 KB chunk the file is streamed in.
        noise = Image.effect_noise((1080, 1350), 80).convert("RGB")
        out = io.BytesIO()
        noise.save(out, "JPEG", quality=95)
        reply = client.post(
            "/api/v1/media/upload", files={"file": ("noise.jpg", out.getvalue(), "image/jpeg")}
        )
        assert reply.status_code == 201, reply.text
        item = reply.json()["items"][0]
        assert item["cdn_url"].startswith(f"http://127.0.0.1:{gateway_port}/media/files/")
        served = httpx.get(item["cdn_url"], timeout=30)
        assert served.status_code == 200
        assert served.headers["content-type"] == "image/jpeg"
        assert len(served.content) == item["size_bytes"] > 3 * 256 * 1024
        assert Image.open(io.BytesIO(served.content)).size == (1080, 1350)
        assert httpx.get(item["cdn_url"].replace("signature=", "signature=0"), timeout=30).status_code == 404
    finally:
        for process in (gateway, media):
            process.terminate()
            process.wait()
