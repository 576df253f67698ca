"""A client for the Instagram Graph API content-publishing flow (aiohttp, async).

create container -> poll its status_code -> media_publish, plus the publishing limit and
the permalink. An account's calls go to the host its token works on (`on(host)`):
graph.instagram.com for Instagram Login, graph.facebook.com for Facebook Login and system
users. The API version comes from settings; make run and the tests reach Meta's hosts
through the local simulator.
"""

import copy
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime

import aiohttp

from lib.common.config import Settings
from lib.instagram import insights, usage
from lib.instagram.errors import GraphApiError, TransientError, classify

CONTAINER_STATES = ("IN_PROGRESS", "FINISHED", "ERROR", "EXPIRED", "PUBLISHED")
FACEBOOK_GRAPH = "graph.facebook.com"
INSTAGRAM_GRAPH = "graph.instagram.com"
GRAPH_HOSTS = (FACEBOOK_GRAPH, INSTAGRAM_GRAPH)


# Lifetime metrics asked of every published post (views replaced impressions in 2025).
FEED_METRICS = insights.FEED
PROFILE_MEDIA_FIELDS = "id,media_type,media_product_type,media_url,thumbnail_url,permalink,caption,timestamp"


@dataclass(frozen=True)
class PublishedMedia:
    id: str
    caption: str
    permalink: str
    timestamp: datetime | None


@dataclass(frozen=True)
class ProfileMedia:
    """A published media as the profile shows it: `media_url` is empty where Meta withholds
    it (copyrighted material), `thumbnail_url` is a video's only."""

    id: str
    media_type: str
    product_type: str
    media_url: str
    thumbnail_url: str
    permalink: str
    caption: str
    timestamp: datetime | None


@dataclass(frozen=True)
class MediaEngagement:
    id: str
    media_type: str
    timestamp: datetime
    likes: int
    comments: int


@dataclass(frozen=True)
class PublishingLimit:
    used: int
    total: int
    window_seconds: int

    @property
    def remaining(self) -> int:
        return max(0, self.total - self.used)


class _Pool:
    """One aiohttp session, shared by a client and its views of other hosts."""

    # Calls in flight at once; more wait for a connection.
    CONNECTIONS = 256

    def __init__(self, timeout: float) -> None:
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.session: aiohttp.ClientSession | None = None

    def http(self) -> aiohttp.ClientSession:
        # Made on first use, inside the event loop that uses it (aiohttp's requirement).
        if self.session is None:
            self.session = aiohttp.ClientSession(
                timeout=self.timeout, connector=aiohttp.TCPConnector(limit=self.CONNECTIONS)
            )
        return self.session


def meta_root(meta_url: str, host: str) -> str:
    """https://{host}, or, in local runs, the simulator's stand-in for it ({meta_url}/{host})."""
    return f"{meta_url.rstrip('/')}/{host}" if meta_url else f"https://{host}"


class GraphApiClient:
    @classmethod
    def from_settings(cls, settings: Settings) -> "GraphApiClient":
        """The client the configuration names (the simulator in local runs)."""
        return cls(
            meta_url=settings.meta_simulator_url,
            version=settings.graph_api_version,
            timeout=settings.graph_api_timeout_seconds,
            app_secrets={
                FACEBOOK_GRAPH: settings.meta_app_secret.get_secret_value(),
                INSTAGRAM_GRAPH: settings.instagram_app_secret.get_secret_value(),
            },
        )

    def __init__(
        self,
        *,
        meta_url: str = "",
        version: str,
        timeout: float,
        app_secrets: dict[str, str] | None = None,
        host: str = FACEBOOK_GRAPH,
    ):
        self.meta_url = meta_url
        self.version = version
        self._secrets = {h: secret for h, secret in (app_secrets or {}).items() if secret}
        self._pool = _Pool(timeout)
        self.host = host
        self._root = f"{meta_root(meta_url, host)}/{version}"
        # One view per host, shared: a publish asks for its account's on every call.
        self._views = {host: self}

    def on(self, host: str) -> "GraphApiClient":
        """The same client (its connections too), calling `host`: the one the account's
        token works on."""
        if (view := self._views.get(host)) is not None:
            return view
        if host not in GRAPH_HOSTS:
            raise ValueError(f"not a Graph API host: {host!r}")
        view = copy.copy(self)
        view.host = host
        view._root = f"{meta_root(self.meta_url, host)}/{self.version}"
        self._views[host] = view
        return view

    def url(self, host: str, path: str) -> str:
        """A path on another of Meta's hosts (api.instagram.com, ...), unversioned."""
        return f"{meta_root(self.meta_url, host)}/{path}"

    def _http(self) -> aiohttp.ClientSession:
        return self._pool.http()

    async def close(self) -> None:
        if self._pool.session is not None:
            await self._pool.session.close()

    def _proof(self, token: str) -> str:
        """appsecret_proof: the token's HMAC-SHA256 keyed with the app secret, on every call
        when a secret is configured (a stolen token alone is then useless:
        https://developers.facebook.com/docs/graph-api/guides/secure-requests)."""
        secret = self._secrets.get(self.host)
        if not secret:
            return ""
        return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()

    async def _call(self, method: str, path: str, token: str, params: dict[str, str]) -> dict:
        if proof := self._proof(token):
            params = {**params, "appsecret_proof": proof}
        # In a header, never in the URL (URLs end up in proxy and server logs).
        return await self.request(
            method, f"{self._root}/{path}", params, {"Authorization": f"Bearer {token}"}
        )

    async def get(self, path: str, token: str, params: dict[str, str]) -> dict:
        """GET a path of this host's Graph API as the token's owner."""
        return await self._call("GET", path, token, params)

    async def request(self, method: str, url: str, params: dict[str, str], headers: dict[str, str]) -> dict:
        """One call to one of Meta's hosts; its error envelope raised as a GraphApiError."""
        # aiohttp, not httpx: in a burst of a thousand publishes at the same second,
        # httpx's connection pool (its search for a free connection, per request) took
        # two thirds of the worker's CPU.
        session = self._http()
        try:
            if method == "GET":
                request = session.get(url, params=params, headers=headers)
            else:
                request = session.post(url, data=params, headers=headers)
            async with request as response:
                text = await response.text()
                status, reason = response.status, response.reason or ""
                headers = response.headers
        except TimeoutError as exc:
            raise TransientError(
                f"no answer from the Graph API: {exc!r}", retryable=True, outcome_unknown=True
            ) from exc
        except aiohttp.ClientError as exc:
            # Nothing was received; a request that was sent may still have taken effect.
            raise TransientError(
                f"Graph API unreachable: {exc!r}", retryable=True, outcome_unknown=True
            ) from exc
        try:
            body = json.loads(text)
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        if 200 <= status < 300 and "error" not in body:
            return body
        error = body.get("error") or {}
        if not isinstance(error, dict):
            # api.instagram.com's own envelope: {"error_type", "code", "error_message"}.
            error = {"message": body.get("error_message") or str(error), "code": body.get("code", 0)}
        elif "error_message" in body:
            error = {"message": body["error_message"], "code": body.get("code", 0)}
        failure = classify(
            int(error.get("code", 0) or 0),
            int(error.get("error_subcode", 0) or 0),
            str(error.get("message") or text[:200] or reason),
            status,
            bool(error.get("is_transient", False)),
            str(error.get("error_user_title") or ""),
            str(error.get("error_user_msg") or ""),
        )
        failure.retry_after_seconds = usage.regain_seconds(headers)
        raise failure

    async def create_container(
        self,
        ig_user_id: str,
        token: str,
        fields: dict[str, str] | None = None,
        *,
        image_url: str = "",
        video_url: str = "",
        media_type: str = "",
        caption: str = "",
        is_carousel_item: bool = False,
        children: list[str] | None = None,
    ) -> str:
        """A media container's id (POST /{ig-user-id}/media): `fields` as Instagram names
        them (lib/instagram/publish_options.py builds them), or the common ones by name."""
        named = {
            "image_url": image_url,
            "video_url": video_url,
            "media_type": media_type,
            "caption": caption,
            "children": ",".join(children or []),
            "is_carousel_item": "true" if is_carousel_item else "",
        }
        params = {k: v for k, v in (fields or {}).items() if v} | {k: v for k, v in named.items() if v}
        return str((await self._call("POST", f"{ig_user_id}/media", token, params))["id"])

    async def container_status(self, container_id: str, token: str) -> str:
        """IN_PROGRESS, FINISHED, ERROR, EXPIRED or PUBLISHED."""
        return (await self.container_state(container_id, token))[0]

    async def container_state(self, container_id: str, token: str) -> tuple[str, str]:
        """(status_code, status): status says more than the code, as an ERROR's reason
        ("Error: ... 2207026", the subcode of Meta's error-code page)."""
        body = await self._call("GET", container_id, token, {"fields": "status_code,status"})
        state = str(body.get("status_code", ""))
        if state not in CONTAINER_STATES:
            raise GraphApiError(f"unexpected container status {state!r}")
        return state, str(body.get("status") or "")

    async def publish(self, ig_user_id: str, token: str, creation_id: str) -> str:
        """The published media's id (POST /{ig-user-id}/media_publish).

        A failure that may have published anyway is marked outcome_unknown: check the
        container's status before publishing again.
        """
        try:
            body = await self._call(
                "POST", f"{ig_user_id}/media_publish", token, {"creation_id": creation_id}
            )
        except TransientError as err:
            err.outcome_unknown = True
            raise
        return str(body["id"])

    async def comment(self, media_id: str, token: str, message: str) -> str:
        """A comment's id, posted on a media as its account (POST /{ig-media-id}/comments).
        A failure that may have posted anyway is marked outcome_unknown: look among
        recent_comments before posting again."""
        try:
            body = await self._call("POST", f"{media_id}/comments", token, {"message": message})
        except TransientError as err:
            err.outcome_unknown = True
            raise
        return str(body["id"])

    async def recent_comments(self, media_id: str, token: str) -> list[tuple[str, str, str]]:
        """The media's latest comments, newest first: (id, username, text)."""
        body = await self._call("GET", f"{media_id}/comments", token, {"fields": "id,text,username"})
        return [
            (str(c.get("id", "")), str(c.get("username", "")), str(c.get("text", "")))
            for c in body.get("data") or []
            if isinstance(c, dict)
        ]

    async def publishing_limit(self, ig_user_id: str, token: str) -> PublishingLimit:
        body = await self._call(
            "GET", f"{ig_user_id}/content_publishing_limit", token, {"fields": "quota_usage,config"}
        )
        entry = (body.get("data") or [{}])[0]
        config = entry.get("config") or {}
        return PublishingLimit(
            used=int(entry.get("quota_usage", 0)),
            total=int(config.get("quota_total", 0)),
            window_seconds=int(config.get("quota_duration", 86400)),
        )

    async def account_username(self, ig_user_id: str, token: str) -> str:
        """The account's username; proves the token may act for the account."""
        return str((await self._call("GET", ig_user_id, token, {"fields": "username"}))["username"])

    async def permalink(self, media_id: str, token: str) -> str:
        return str((await self._call("GET", media_id, token, {"fields": "permalink"}))["permalink"])

    async def insights(self, media_id: str, token: str, metrics=FEED_METRICS) -> dict[str, int]:
        """Lifetime engagement of published media (GET /{ig-media-id}/insights). One metric
        Instagram refuses (100: not for this media, or retired) fails the whole call: then
        each is asked alone, and those refused are left out."""
        try:
            return await self._insights(media_id, token, metrics)
        except GraphApiError as err:
            if err.code != 100 or err.subcode == 33 or len(metrics) < 2:
                raise
        figures: dict[str, int] = {}
        for metric in metrics:
            try:
                figures |= await self._insights(media_id, token, (metric,))
            except GraphApiError as err:
                if err.code != 100 or err.subcode == 33:
                    raise
        return figures

    async def _insights(self, media_id: str, token: str, metrics) -> dict[str, int]:
        body = await self._call("GET", f"{media_id}/insights", token, {"metric": ",".join(metrics)})
        return {
            item["name"]: int(item["values"][0]["value"])
            for item in body.get("data", [])
            if item.get("values")
        }

    async def recent_media(self, ig_user_id: str, token: str, limit: int = 25) -> list[PublishedMedia]:
        """The account's latest published media, newest first (GET /{ig-user-id}/media)."""
        body = await self._call(
            "GET",
            f"{ig_user_id}/media",
            token,
            {"fields": "id,caption,permalink,timestamp", "limit": str(limit)},
        )
        return [
            PublishedMedia(
                id=str(item["id"]),
                caption=str(item.get("caption") or ""),
                permalink=str(item.get("permalink") or ""),
                timestamp=_parse_time(item.get("timestamp")),
            )
            for item in body.get("data") or []
        ]

    async def profile_media(self, ig_user_id: str, token: str, limit: int) -> list[ProfileMedia]:
        """The account's latest published media with their files, newest first (GET
        /{ig-user-id}/media; the fields of
        https://developers.facebook.com/docs/instagram-platform/reference/instagram-media)."""
        body = await self._call(
            "GET",
            f"{ig_user_id}/media",
            token,
            {
                "fields": PROFILE_MEDIA_FIELDS,
                "limit": str(limit),
            },
        )
        return [
            ProfileMedia(
                id=str(item["id"]),
                media_type=str(item.get("media_type") or ""),
                product_type=str(item.get("media_product_type") or ""),
                media_url=str(item.get("media_url") or ""),
                thumbnail_url=str(item.get("thumbnail_url") or ""),
                permalink=str(item.get("permalink") or ""),
                caption=str(item.get("caption") or ""),
                timestamp=_parse_time(item.get("timestamp")),
            )
            for item in body.get("data") or []
        ]

    async def followers_count(self, ig_user_id: str, token: str) -> int:
        body = await self._call("GET", ig_user_id, token, {"fields": "followers_count"})
        return int(body.get("followers_count") or 0)

    async def media_engagement(
        self, ig_user_id: str, token: str, *, since: datetime, max_items: int
    ) -> list[MediaEngagement]:
        """The account's media published since `since`, newest first, with their like and
        comment counts: a page of 100 per call, following the `after` cursor."""
        found: list[MediaEngagement] = []
        params = {"fields": "id,media_type,timestamp,like_count,comments_count", "limit": "100"}
        while len(found) < max_items:
            body = await self._call("GET", f"{ig_user_id}/media", token, params)
            for item in body.get("data") or []:
                when = _parse_time(item.get("timestamp"))
                if when is None:
                    continue
                if when < since:
                    return found
                found.append(
                    MediaEngagement(
                        id=str(item["id"]),
                        media_type=str(item.get("media_type") or ""),
                        timestamp=when,
                        likes=int(item.get("like_count") or 0),
                        comments=int(item.get("comments_count") or 0),
                    )
                )
            after = ((body.get("paging") or {}).get("cursors") or {}).get("after")
            if not after or not body.get("data"):
                return found[:max_items]
            params = {**params, "after": str(after)}
        return found[:max_items]


def _parse_time(value) -> datetime | None:
    try:
        return datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None
