"""The gateway's cache of verified tokens must still honour expiry and signatures."""

import time

import jwt
import pytest

from lib.common import auth_tokens
from lib.common.config import Settings
from lib.common.errors import ServiceError


def test_a_cached_token_stops_working_when_it_expires():
    settings = Settings(jwt_ttl_seconds=1)
    cache = auth_tokens.VerifiedTokens(settings)
    token = auth_tokens.issue(settings=settings, user_id="u-1", session_id="s-1").token
    assert cache.verify(token).user_id == "u-1"
    assert cache.verify(token).user_id == "u-1"
    time.sleep(1.1)
    with pytest.raises(ServiceError, match="expired"):
        cache.verify(token)


def test_a_forged_token_is_never_cached_as_valid():
    cache = auth_tokens.VerifiedTokens(Settings())
    other = Settings(jwt_secret="a different secret that is long enough to sign")
    forged = auth_tokens.issue(settings=other, user_id="u-2", session_id="s-2").token
    for _ in range(2):
        with pytest.raises(ServiceError, match="not valid"):
            cache.verify(forged)


def test_tokens_signed_with_a_previous_secret_verify_until_they_expire():
    old = Settings(jwt_secret="the secret we used until this morning and long enough")
    token = auth_tokens.issue(settings=old, user_id="u-3", session_id="s-3").token
    rotated = Settings(
        jwt_secret="the secret we use from now on and also long enough",
        jwt_previous_secrets="the secret we used until this morning and long enough",
    )
    assert auth_tokens.verify(settings=rotated, token=token).session_id == "s-3"
    fresh = auth_tokens.issue(settings=rotated, user_id="u-3", session_id="s-4").token
    assert jwt.get_unverified_header(fresh)["kid"] != jwt.get_unverified_header(token)["kid"]
    # Once the old secret is dropped, its tokens are refused.
    dropped = Settings(jwt_secret="the secret we use from now on and also long enough")
    with pytest.raises(ServiceError, match="not valid"):
        auth_tokens.verify(settings=dropped, token=token)
