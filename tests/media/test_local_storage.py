"""The local-folder storage of make run: signed, expiring URLs; nothing outside the folder."""

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from services.common.config import Settings
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
