import pytest
from pydantic import ValidationError

from services.common.config import Settings


def test_default_secret_is_refused_outside_local_runs():
    with pytest.raises(ValidationError, match="POSTFLOW_JWT_SECRET"):
        Settings(environment="production")


def test_default_token_key_is_refused_outside_local_runs():
    with pytest.raises(ValidationError, match="POSTFLOW_TOKEN_ENCRYPTION_KEYS"):
        Settings(environment="production", jwt_secret="a-long-private-value-from-the-vault")


def test_default_media_url_key_is_refused_outside_local_runs():
    with pytest.raises(ValidationError, match="POSTFLOW_MEDIA_URL_SIGNING_KEY"):
        Settings(
            environment="production",
            jwt_secret="a-long-private-value-from-the-vault",
            token_encryption_keys="c2VjcmV0LWtleS1mb3ItcHJvZHVjdGlvbi11c2UtMTI=",
        )


def test_private_secrets_are_accepted_in_production():
    settings = Settings(
        environment="production",
        jwt_secret="a-long-private-value-from-the-vault",
        token_encryption_keys="c2VjcmV0LWtleS1mb3ItcHJvZHVjdGlvbi11c2UtMTI=",
        media_url_signing_key="another-private-value",
    )
    assert settings.jwt_secret.get_secret_value() == "a-long-private-value-from-the-vault"
    assert "a-long-private" not in repr(settings)
    assert "c2VjcmV0" not in repr(settings)
    assert "another-private" not in repr(settings)
