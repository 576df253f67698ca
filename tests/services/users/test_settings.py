"""Configuration fails closed: unset means production, which refuses built-in or short
secrets and a plain-http Graph API."""

import pytest
from pydantic import ValidationError

from lib.common.config import Settings

PRIVATE = {
    "jwt_secret": "a-long-private-value-from-the-vault-0123456789",
    "token_encryption_keys": "c2VjcmV0LWtleS1mb3ItcHJvZHVjdGlvbi11c2UtMTI=",
    "media_url_signing_key": "another-private-value-from-the-vault-98765",
    "public_base_url": "https://postflow.example.com",
}


def test_unset_environment_means_production(monkeypatch):
    monkeypatch.delenv("POSTFLOW_ENVIRONMENT", raising=False)
    with pytest.raises(ValidationError, match="POSTFLOW_JWT_SECRET"):
        Settings()


def test_default_secret_is_refused_outside_local_runs():
    with pytest.raises(ValidationError, match="POSTFLOW_JWT_SECRET"):
        Settings(environment="production")


def test_default_token_key_is_refused_outside_local_runs():
    with pytest.raises(ValidationError, match="POSTFLOW_TOKEN_ENCRYPTION_KEYS"):
        Settings(environment="production", jwt_secret=PRIVATE["jwt_secret"])


def test_default_media_url_key_is_refused_outside_local_runs():
    with pytest.raises(ValidationError, match="POSTFLOW_MEDIA_URL_SIGNING_KEY"):
        Settings(
            environment="production",
            jwt_secret=PRIVATE["jwt_secret"],
            token_encryption_keys=PRIVATE["token_encryption_keys"],
        )


@pytest.mark.parametrize("name", ["jwt_secret", "media_url_signing_key"])
def test_short_secrets_are_refused_in_production(name):
    with pytest.raises(ValidationError, match="at least 32 bytes"):
        Settings(environment="production", **{**PRIVATE, name: "short-but-private"})


def test_the_simulator_is_refused_in_production():
    with pytest.raises(ValidationError, match="POSTFLOW_META_SIMULATOR_URL"):
        Settings(environment="production", **{**PRIVATE, "meta_simulator_url": "http://127.0.0.1:8010"})


def test_private_secrets_are_accepted_in_production():
    settings = Settings(environment="production", **PRIVATE)
    assert settings.jwt_secret.get_secret_value() == PRIVATE["jwt_secret"]
    assert "a-long-private" not in repr(settings)
    assert "c2VjcmV0" not in repr(settings)
    assert "another-private" not in repr(settings)


def test_local_runs_keep_their_built_in_keys():
    assert Settings(environment="local").jwt_secret.get_secret_value()


def test_media_behind_s3_needs_a_public_https_endpoint_outside_local_runs():
    internal = {**PRIVATE, "s3_endpoint": "minio.minio.svc:9000"}
    with pytest.raises(ValidationError, match="POSTFLOW_S3_PUBLIC_ENDPOINT"):
        Settings(environment="production", **internal)
    with pytest.raises(ValidationError, match="POSTFLOW_S3_PUBLIC_ENDPOINT"):
        Settings(
            environment="production",
            **internal,
            s3_public_endpoint="media.example.com",
            s3_public_secure=False,
        )
    with pytest.raises(ValidationError, match="POSTFLOW_MEDIA_CDN_BASE_URL"):
        Settings(environment="production", **internal, media_cdn_base_url="http://cdn.example.com")
    Settings(environment="production", **internal, s3_public_endpoint="media.example.com")
    Settings(environment="production", **internal, media_cdn_base_url="https://cdn.example.com")


def test_local_files_need_a_public_https_base_outside_local_runs():
    with pytest.raises(ValidationError, match="POSTFLOW_PUBLIC_BASE_URL"):
        Settings(environment="production", **{**PRIVATE, "public_base_url": "http://127.0.0.1:8000"})
    with pytest.raises(ValidationError, match="POSTFLOW_MEDIA_PUBLIC_BASE_URL"):
        Settings(environment="production", **PRIVATE, media_public_base_url="http://10.0.0.5:8000")
    settings = Settings(
        environment="production", **PRIVATE, media_public_base_url="https://media.example.com/"
    )
    assert settings.media_base_url == "https://media.example.com"


def test_media_urls_must_live_long_enough_for_instagram_to_fetch_them():
    with pytest.raises(ValidationError, match="POSTFLOW_MEDIA_URL_EXPIRY_SECONDS"):
        Settings(environment="production", **PRIVATE, media_url_expiry_seconds=60)


def test_a_process_is_refused_only_for_a_built_in_secret_of_its_own():
    # The posts service is given no JWT secret, token key or media URL key (its pod holds
    # only its database and NATS URLs): it starts without them.
    Settings(environment="production", process="posts", public_base_url=PRIVATE["public_base_url"])
    with pytest.raises(ValidationError, match="POSTFLOW_MEDIA_URL_SIGNING_KEY"):
        Settings(environment="production", process="media", jwt_secret=PRIVATE["jwt_secret"])
    with pytest.raises(ValidationError, match="POSTFLOW_TOKEN_ENCRYPTION_KEYS"):
        Settings(environment="production", process="worker", jwt_secret=PRIVATE["jwt_secret"])
    with pytest.raises(ValidationError, match="POSTFLOW_JWT_SECRET"):
        Settings(
            environment="production",
            process="gateway",
            token_encryption_keys=PRIVATE["token_encryption_keys"],
        )


def test_an_unknown_process_is_refused():
    with pytest.raises(ValidationError, match="POSTFLOW_PROCESS"):
        Settings(environment="production", process="postz", **PRIVATE)
