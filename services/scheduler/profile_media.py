"""What an account's profile grid shows now, read from Instagram for the posts service's
grid: the latest published media, stories left out (they are not on the grid; Meta lists
them on their own edge, https://developers.facebook.com/docs/instagram-platform/
instagram-graph-api/reference/ig-user/stories).

The grid still shows the planned posts when Instagram cannot be read: a refusal, an account
Meta asked us to leave alone a while, or Instagram away is a reason, not an error."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from lib.common.db import Database
from lib.common.errors import ServiceError
from lib.common.token_vault import TokenVault
from lib.instagram.errors import GraphApiError
from lib.instagram.graph_api import GraphApiClient, ProfileMedia
from services.scheduler import accounts

# The Graph API's largest page.
MAX_ITEMS = 100


@dataclass
class ProfileNow:
    media: list[ProfileMedia]
    # Why there are none, where Instagram could not be read.
    unavailable: str
    # Posts naming no account go to this one.
    takes_unassigned: bool


async def _takes_unassigned(db: Database, user_id: uuid.UUID, account_id: uuid.UUID) -> bool:
    try:
        return (await accounts.chosen(db=db, user_id=user_id, account_id="")).id == account_id
    except ServiceError:
        return False


async def latest(
    *,
    db: Database,
    vault: TokenVault,
    graph: GraphApiClient,
    user_id: uuid.UUID,
    account_id: uuid.UUID,
    limit: int,
) -> ProfileNow:
    """The grid's published media, newest first. An account not connected is not found."""
    found = await accounts.sealed_credentials(db=db, user_id=user_id, account_id=account_id)
    takes = await _takes_unassigned(db, user_id, account_id)
    if found.throttled_until and found.throttled_until > datetime.now(UTC):
        why = f"Instagram asked for a pause on this account until {found.throttled_until.isoformat()}"
        return ProfileNow([], why, takes)
    limit = max(1, min(limit, MAX_ITEMS))
    try:
        media = await graph.on(found.graph_host).profile_media(
            found.ig_user_id, vault.open(found.sealed_access_token), limit
        )
    except GraphApiError as err:
        return ProfileNow([], f"Instagram did not answer with the profile's posts: {err}", takes)
    return ProfileNow([m for m in media if m.product_type != "STORY"], "", takes)
