"""Which token may make which call, refused as Meta refuses it.

- A token works on its own host only: Instagram Login's on graph.instagram.com, Facebook
  Login's on graph.facebook.com
  (https://developers.facebook.com/docs/instagram-platform/overview#base-urls); elsewhere
  Meta cannot parse it (190).
- Expired: 190 / 463; the person removed the app or changed their password: 190 / 458 or
  460 (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/debugging).
- A call outside the token's permissions: (#10) or (#200); an object it may not see: 100 / 33
  (https://developers.facebook.com/docs/graph-api/guides/error-handling).
- appsecret_proof, the HMAC-SHA256 of the token keyed with the app secret: refused when
  wrong, and when missing if the app requires it
  (https://developers.facebook.com/docs/graph-api/guides/secure-requests).
"""

import hashlib
import hmac
import time

from devtools.graph_simulator.errors import GraphError
from devtools.graph_simulator.state import Token, World

CANNOT_PARSE = "Invalid OAuth access token - Cannot parse access token"
# What each kind of call needs, by login type (Meta's permission names for each API:
# https://developers.facebook.com/docs/instagram-platform/content-publishing#requirements).
NEEDS = {
    "basic": {"instagram": "instagram_business_basic", "facebook": "instagram_basic"},
    "publish": {"instagram": "instagram_business_content_publish", "facebook": "instagram_content_publish"},
    "insights": {"instagram": "instagram_business_manage_insights", "facebook": "instagram_manage_insights"},
    "comments": {"instagram": "instagram_business_manage_comments", "facebook": "instagram_manage_comments"},
}


def proof(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def _meta_time(epoch: float) -> str:
    return time.strftime("%A, %d-%b-%y %H:%M:%S PST", time.gmtime(epoch))


def authenticate(world: World, host: str, values: dict[str, str]) -> Token:
    """The token a Graph call carries, if it may be used on this host now."""
    value = values.get("access_token", "")
    if not value:
        raise GraphError(400, 104, 0, "An access token is required to request this resource.")
    token = world.tokens.get(value)
    if token is None or token.host != host:
        raise GraphError(400, 190, 0, CANNOT_PARSE)
    if token.revoked:
        # A system user's token (the control API's) names no app here.
        application = f"application {token.app_id}" if token.app_id else "the application"
        raise GraphError(
            400, 190, 458, f"Error validating access token: The user has not authorized {application}."
        )
    now = world.now()
    if token.expires_at and now >= token.expires_at:
        raise GraphError(
            400,
            190,
            463,
            f"Error validating access token: Session has expired on {_meta_time(token.expires_at)}. "
            f"The current time is {_meta_time(now)}.",
        )
    app = world.apps.get(token.app_id)
    given = values.get("appsecret_proof", "")
    if app is not None and (given or app.require_proof):
        if not given:
            raise GraphError(400, 100, 0, "API calls from the server require an appsecret_proof argument")
        if not hmac.compare_digest(given, proof(app.secret, value)):
            raise GraphError(400, 100, 0, "Invalid appsecret_proof provided in the API argument")
    return token


def require(token: Token, need: str) -> None:
    """(#10) when the person did not grant the permission this call needs."""
    scope = NEEDS[need][token.login]
    if scope not in token.scopes:
        raise GraphError(403, 10, 0, f"(#10) Application does not have permission for this action ({scope})")


def may_act_for(token: Token, ig_user_id: str) -> None:
    if ig_user_id not in token.ig_user_ids:
        raise GraphError(
            400,
            100,
            33,
            f"Unsupported request: Object with ID '{ig_user_id}' does not exist, cannot be loaded "
            "due to missing permissions, or does not support this operation",
        )
