"""Meta's two ways for a person to give Postflow an Instagram account, server side: the
dialog's address, the code exchange, long-lived tokens and their refresh, the person's
Pages, and what a token was granted. The app secrets are used here and never leave.

- Instagram API with Instagram Login (graph.instagram.com):
  https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
- Instagram API with Facebook Login for Business (graph.facebook.com):
  https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/get-started
  and https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from lib.common.config import Settings
from lib.instagram.graph_api import FACEBOOK_GRAPH, INSTAGRAM_GRAPH, GraphApiClient

INSTAGRAM = "instagram"
FACEBOOK = "facebook"
LOGIN_TYPES = (INSTAGRAM, FACEBOOK)
HOST_OF = {INSTAGRAM: INSTAGRAM_GRAPH, FACEBOOK: FACEBOOK_GRAPH}
# What Postflow asks for, and what it cannot work without (publishing needs the first two
# of each; insights feed analytics and best times; comments, the first comment).
SCOPES = {
    INSTAGRAM: (
        "instagram_business_basic",
        "instagram_business_content_publish",
        "instagram_business_manage_insights",
        "instagram_business_manage_comments",
    ),
    FACEBOOK: (
        "instagram_basic",
        "instagram_content_publish",
        "instagram_manage_insights",
        "instagram_manage_comments",
        "pages_show_list",
        "pages_read_engagement",
        "business_management",
    ),
}
REQUIRED = {
    INSTAGRAM: ("instagram_business_basic", "instagram_business_content_publish"),
    FACEBOOK: ("instagram_basic", "instagram_content_publish", "pages_show_list", "pages_read_engagement"),
}


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    # Seconds it lives from now; 0: Meta did not say (a Page token: never expires).
    expires_in: int = 0
    # Instagram Login's code exchange names the account and what was granted.
    user_id: str = ""
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageAccount:
    """A Facebook Page the person chose, and the Instagram account linked to it."""

    page_id: str
    page_name: str
    ig_user_id: str
    username: str
    access_token: str


@dataclass(frozen=True)
class TokenInfo:
    is_valid: bool
    scopes: tuple[str, ...]
    # Epoch seconds; 0: never.
    expires_at: int
    error: str = ""

    @property
    def expiry(self) -> datetime | None:
        return datetime.fromtimestamp(self.expires_at, UTC) if self.expires_at else None


def missing_scopes(login_type: str, granted) -> list[str]:
    return [scope for scope in REQUIRED[login_type] if scope not in set(granted)]


class MetaLogin:
    def __init__(self, settings: Settings, graph: GraphApiClient) -> None:
        self._settings = settings
        self._graph = graph

    def configured(self, login_type: str) -> bool:
        if login_type == INSTAGRAM:
            return bool(
                self._settings.instagram_app_id and self._settings.instagram_app_secret.get_secret_value()
            )
        return bool(self._settings.meta_app_id and self._settings.meta_app_secret.get_secret_value())

    def authorize_url(self, login_type: str, state: str) -> str:
        """The consent dialog's address, for the person's browser."""
        settings = self._settings
        if login_type == INSTAGRAM:
            app_id, dialog = settings.instagram_app_id, ("www.instagram.com", "oauth/authorize")
        else:
            app_id, dialog = (
                settings.meta_app_id,
                ("www.facebook.com", f"{self._graph.version}/dialog/oauth"),
            )
        query = {
            "client_id": app_id,
            "redirect_uri": settings.redirect_uri,
            "response_type": "code",
            "scope": ",".join(SCOPES[login_type]),
            "state": state,
        }
        return f"{self._graph.url(*dialog)}?{urlencode(query)}"

    # --- Instagram Login ---------------------------------------------------------------------

    async def instagram_code(self, code: str) -> IssuedToken:
        """The code -> a short-lived token (an hour), the account's id and the permissions
        the person granted (POST api.instagram.com/oauth/access_token)."""
        settings = self._settings
        body = await self._graph.request(
            "POST",
            self._graph.url("api.instagram.com", "oauth/access_token"),
            {
                "client_id": settings.instagram_app_id,
                "client_secret": settings.instagram_app_secret.get_secret_value(),
                "grant_type": "authorization_code",
                "redirect_uri": settings.redirect_uri,
                "code": code,
            },
            {},
        )
        # Business Login answers {"data": [{...}]}; the older form is the object itself.
        entry = (body.get("data") or [body])[0]
        permissions = entry.get("permissions") or ""
        if isinstance(permissions, str):
            permissions = [p for p in permissions.split(",") if p]
        return IssuedToken(
            access_token=str(entry["access_token"]),
            expires_in=3600,
            user_id=str(entry.get("user_id") or ""),
            scopes=tuple(dict.fromkeys(permissions)),
        )

    async def instagram_long_lived(self, short: IssuedToken) -> IssuedToken:
        """A short-lived token -> a long-lived one (60 days; GET graph.instagram.com/access_token)."""
        body = await self._graph.request(
            "GET",
            self._graph.url(INSTAGRAM_GRAPH, "access_token"),
            {
                "grant_type": "ig_exchange_token",
                "client_secret": self._settings.instagram_app_secret.get_secret_value(),
            },
            {"Authorization": f"Bearer {short.access_token}"},
        )
        return IssuedToken(
            str(body["access_token"]), int(body.get("expires_in") or 0), short.user_id, short.scopes
        )

    async def instagram_refresh(self, token: str) -> IssuedToken:
        """A long-lived token at least a day old -> a new one, 60 days from now."""
        body = await self._graph.request(
            "GET",
            self._graph.url(INSTAGRAM_GRAPH, "refresh_access_token"),
            {"grant_type": "ig_refresh_token"},
            {"Authorization": f"Bearer {token}"},
        )
        return IssuedToken(str(body["access_token"]), int(body.get("expires_in") or 0))

    async def instagram_account(self, token: str) -> tuple[str, str]:
        """(ig_user_id, username) of the professional account a token acts for."""
        body = await self._graph.on(INSTAGRAM_GRAPH).get("me", token, {"fields": "user_id,username"})
        return str(body.get("user_id") or body.get("id")), str(body.get("username") or "")

    # --- Facebook Login for Business ---------------------------------------------------------

    def _facebook_app(self) -> dict[str, str]:
        return {
            "client_id": self._settings.meta_app_id,
            "client_secret": self._settings.meta_app_secret.get_secret_value(),
        }

    async def facebook_code(self, code: str) -> IssuedToken:
        """The code -> a short-lived user token (GET graph.facebook.com/{v}/oauth/access_token)."""
        body = await self._graph.request(
            "GET",
            self._graph.url(FACEBOOK_GRAPH, f"{self._graph.version}/oauth/access_token"),
            {**self._facebook_app(), "redirect_uri": self._settings.redirect_uri, "code": code},
            {},
        )
        return IssuedToken(str(body["access_token"]), int(body.get("expires_in") or 0))

    async def facebook_long_lived(self, short: IssuedToken) -> IssuedToken:
        """A short-lived user token -> a long-lived one (60 days, fb_exchange_token)."""
        body = await self._graph.request(
            "GET",
            self._graph.url(FACEBOOK_GRAPH, f"{self._graph.version}/oauth/access_token"),
            {
                **self._facebook_app(),
                "grant_type": "fb_exchange_token",
                "fb_exchange_token": short.access_token,
            },
            {},
        )
        return IssuedToken(str(body["access_token"]), int(body.get("expires_in") or 0))

    async def facebook_pages(self, user_token: str) -> list[PageAccount]:
        """The Pages the person chose that have an Instagram professional account, each with
        its Page token (GET /me/accounts)."""
        body = await self._graph.on(FACEBOOK_GRAPH).get(
            "me/accounts",
            user_token,
            {"fields": "id,name,access_token,instagram_business_account{id,username}", "limit": "100"},
        )
        found = []
        for page in body.get("data") or []:
            linked = page.get("instagram_business_account") or {}
            if not linked.get("id") or not page.get("access_token"):
                continue
            found.append(
                PageAccount(
                    page_id=str(page["id"]),
                    page_name=str(page.get("name") or ""),
                    ig_user_id=str(linked["id"]),
                    username=str(linked.get("username") or ""),
                    access_token=str(page["access_token"]),
                )
            )
        return found

    async def debug_token(self, token: str) -> TokenInfo:
        """What Meta says of a Facebook Login token: valid, its scopes, when it expires
        (GET /debug_token with the app's own token)."""
        settings = self._settings
        app_token = f"{settings.meta_app_id}|{settings.meta_app_secret.get_secret_value()}"
        body = await self._graph.request(
            "GET",
            self._graph.url(FACEBOOK_GRAPH, f"{self._graph.version}/debug_token"),
            {"input_token": token},
            {"Authorization": f"Bearer {app_token}"},
        )
        data = body.get("data") or {}
        error = data.get("error") or {}
        return TokenInfo(
            is_valid=bool(data.get("is_valid")),
            scopes=tuple(data.get("scopes") or ()),
            expires_at=int(data.get("expires_at") or 0),
            error=str(error.get("message") or ""),
        )
