"""Configuration fails closed: unset means production, which refuses built-in or short
secrets and a plain-http Graph API."""

import pytest
from pydantic import ValidationError

from lib.common.config import Settings

PRIVATE = {
    "jwt_secret": "a-long-private-value-from-the-vault-0123456789",
    "token_encryption_keys": "c2VjcmV0LWtleS1mb3ItcHJvZHVjdGlvbi11c2UtMTI=",
    "media_url_signing_key": "another-private-value-from-the-vault-98765",
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
