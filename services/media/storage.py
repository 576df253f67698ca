"""Where media files live: any S3-compatible store through the minio SDK, or a local folder
(make run without an S3 endpoint). Both give out expiring URLs; the local one signs them
and the gateway serves them (/media/files/...)."""

import hashlib
import hmac
import shutil
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from minio import Minio
from minio.error import S3Error

from lib.common.config import Settings

CHUNK = 256 * 1024


class Storage(Protocol):
    def put(self, key: str, path: Path, content_type: str) -> None: ...
    def url(self, key: str) -> str: ...
    def fetch(self, key: str, path: Path) -> None: ...
    def delete(self, key: str) -> None: ...


def url_signature(key: str, expires: int, secret: str) -> str:
    return hmac.new(secret.encode(), f"{key}\n{expires}".encode(), hashlib.sha256).hexdigest()


class S3Storage:
    def __init__(self, settings: Settings) -> None:
        self._client = Minio(
            settings.s3_endpoint,
            access_key=settings.s3_access_key.get_secret_value(),
            secret_key=settings.s3_secret_key.get_secret_value(),
            secure=settings.s3_secure,
            region=settings.s3_region,
        )
        self._bucket = settings.s3_bucket
        self._expiry = timedelta(seconds=settings.media_url_expiry_seconds)
        self._cdn = settings.media_cdn_base_url.rstrip("/")
        # URLs are signed for the host Instagram reaches (with the region given, presigning
        # asks that host nothing).
        self._public = (
            Minio(
                settings.s3_public_endpoint,
                access_key=settings.s3_access_key.get_secret_value(),
                secret_key=settings.s3_secret_key.get_secret_value(),
                secure=settings.s3_public_secure,
                region=settings.s3_region,
            )
            if settings.s3_public_endpoint
            else self._client
        )
        if not self._client.bucket_exists(self._bucket):
            try:
                self._client.make_bucket(self._bucket)
            except S3Error as err:
                if err.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                    raise

    def put(self, key: str, path: Path, content_type: str) -> None:
        # fput_object streams the file (multipart above its part size), never reading it whole.
        self._client.fput_object(self._bucket, key, str(path), content_type=content_type)

    def fetch(self, key: str, path: Path) -> None:
        self._client.fget_object(self._bucket, key, str(path))

    def url(self, key: str) -> str:
        if self._cdn:
            return f"{self._cdn}/{quote(key)}"
        return self._public.presigned_get_object(self._bucket, key, expires=self._expiry)

    def delete(self, key: str) -> None:
        self._client.remove_object(self._bucket, key)


class LocalStorage:
    def __init__(self, settings: Settings) -> None:
        self._root = Path(settings.media_dir).resolve()
        self._root.mkdir(parents=True, exist_ok=True)
        self._expiry = settings.media_url_expiry_seconds
        self._secret = settings.media_url_signing_key.get_secret_value()
        self._base = settings.media_base_url

    def _path(self, key: str) -> Path:
        path = (self._root / key).resolve()
        if self._root not in path.parents:
            raise ValueError(f"key {key!r} leaves the media folder")
        return path

    def put(self, key: str, path: Path, content_type: str) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)

    def fetch(self, key: str, path: Path) -> None:
        shutil.copyfile(self._path(key), path)

    def url(self, key: str) -> str:
        expires = int(time.time()) + self._expiry
        signature = url_signature(key, expires, self._secret)
        return f"{self._base}/media/files/{quote(key)}?expires={expires}&signature={signature}"

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def read(self, key: str, expires: int, signature: str) -> Iterator[bytes] | None:
        """The file's chunks if the URL's signature is right and unexpired, else None."""
        expected = url_signature(key, expires, self._secret)
        if expires < time.time() or not hmac.compare_digest(expected, signature):
            return None
        try:
            path = self._path(key)
        except ValueError:
            return None
        if not path.is_file():
            return None
        return _chunks(path)


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            yield chunk


def open_storage(settings: Settings) -> S3Storage | LocalStorage:
    return S3Storage(settings) if settings.s3_endpoint else LocalStorage(settings)
