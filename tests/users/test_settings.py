import pytest
from pydantic import ValidationError

from services.common.config import Settings


def test_default_secret_is_refused_outside_local_runs():
    with pytest.raises(ValidationError, match="POSTFLOW_JWT_SECRET"):
        Settings(environment="production")


def test_a_private_secret_is_accepted_in_production():
    settings = Settings(environment="production", jwt_secret="a-long-private-value-from-the-vault")
    assert settings.jwt_secret.get_secret_value() == "a-long-private-value-from-the-vault"
    assert "a-long-private" not in repr(settings)
