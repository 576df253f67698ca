"""The gateway's cache of verified tokens must still honour expiry and signatures."""

import time

import pytest

from services.common import auth_tokens
from services.common.config import Settings
from services.common.errors import ServiceError


def test_a_cached_token_stops_working_when_it_expires():
    settings = Settings(jwt_ttl_seconds=1)
    cache = auth_tokens.VerifiedTokens(settings)
    token, _ = auth_tokens.issue(settings=settings, user_id="u-1")
    assert cache.verify(token).user_id == "u-1"
    assert cache.verify(token).user_id == "u-1"
    time.sleep(1.1)
    with pytest.raises(ServiceError, match="expired"):
        cache.verify(token)


def test_a_forged_token_is_never_cached_as_valid():
    cache = auth_tokens.VerifiedTokens(Settings())
    other = Settings(jwt_secret="a different secret that is long enough to sign")
    forged, _ = auth_tokens.issue(settings=other, user_id="u-2")
    for _ in range(2):
        with pytest.raises(ServiceError, match="not valid"):
            cache.verify(forged)
