"""A local stand-in for Meta's hosts: the Instagram Graph API's content-publishing
endpoints (login.py: the login dialogs and tokens).

Requests arrive as /{host}/{path}, the host being the one Meta serves the path on
(graph.facebook.com, graph.instagram.com, ...), with the same parameters, JSON shapes and
error envelope, the 24-hour publishing limit, container processing delay, tokens that
expire and work on their own host only, and faults a test can arm (`POST
/_simulator/faults`). A development and test tool: never a production target.
"""

import asyncio
import collections
import contextlib
import contextvars
import itertools
import json
import math
import random
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from devtools.graph_simulator import container_params, engagement, fetching, login, persistence, tokens
from devtools.graph_simulator.errors import GraphError, error_body
from devtools.graph_simulator.state import (
    ALL_SCOPES,
    ENDPOINTS,
    FAULTS,
    GRAPH_HOSTS,
    Account,
    Container,
    Fault,
    Media,
    World,
    graph_timestamp,
)

MEDIA_TYPES = {"IMAGE", "VIDEO", "REELS", "STORIES", "CAROUSEL"}
# Faults that answer normally but change the container (state.py).
CONTAINER_FAULTS = ("processing_failed", "processing_upload_broke")


class AccountIn(BaseModel):
    ig_user_id: str
    access_token: str
    username: str = "simulated_account"
    publish_limit: int = 50
    processing_seconds: float = 0.0
    followers: int = 5000
    audience_peak_hour_utc: float = 19.0
    audience_weekdays: list[float] = Field(default_factory=lambda: [1.0] * 7, min_length=7, max_length=7)
    audience_peak_hour_utc_by_type: dict[str, float] = Field(default_factory=dict, max_length=10)
    engagement_speed: float = 1.0
    # Calls allowed in a rolling window (0: no limit); past it, 80002 with usage headers.
    call_budget: int = Field(0, ge=0)
    call_window_seconds: float = Field(3600.0, gt=0, le=86400)
    # The token above is a system user's (Facebook Login, graph.facebook.com, every
    # permission, never expires), or with "instagram" an Instagram Login one.
    login: str = Field("facebook", pattern="^(facebook|instagram)$")
    # A system user's token may be made to expire in 60 days (Meta's Business settings):
    # 0, never (https://developers.facebook.com/docs/business-management-apis/system-users/).
    expires_in_seconds: int = Field(0, ge=0)


class HistoryIn(BaseModel):
    """Media the account published before: `posts` of them at random times over the last
    `days` days (at least a day old, so their engagement has settled)."""

    posts: int = Field(ge=1, le=5000)
    days: float = Field(ge=2, le=365)
    media_type: str = "IMAGE"
    seed: int = 0


class FaultIn(BaseModel):
    kind: str = Field(description=", ".join(FAULTS))
    ig_user_id: str | None = None
    endpoint: str | None = Field(None, description=", ".join(ENDPOINTS))
    times: int = 1
    seconds: float = 0.0


# The usage headers of the call being answered (count_changes sends them).
USAGE: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("usage")
# Too many calls: the app's, the account's, a Page's, a call's, Instagram's business use case.
THROTTLE_CODES = (4, 17, 32, 613, 80002)


def usage_headers(ig_user_id: str, regain_minutes: int, percent: float = 100) -> dict[str, str]:
    """Meta's usage headers: the share of each budget used, and the business use case's
    estimate of when access comes back, in minutes (0 while it is open)
    (https://developers.facebook.com/docs/graph-api/overview/rate-limiting)."""
    spent = {"call_count": round(percent), "total_cputime": round(percent), "total_time": round(percent)}
    business = {**spent, "type": "instagram", "estimated_time_to_regain_access": regain_minutes}
    return {
        "X-App-Usage": json.dumps(spent),
        "X-Business-Use-Case-Usage": json.dumps({ig_user_id: [business]}),
    }


def fault_error(kind: str) -> GraphError:
    """An armed fault's answer, with Meta's words for the person as its error table has them."""
    status, code, subcode, message, transient = FAULTS[kind]
    title = kind.replace("_", " ").capitalize()
    return GraphError(status, code, subcode, message, transient, user_title=title, user_message=message)


def create_app(state_file: str = "", own_url: str = "http://127.0.0.1:8010") -> FastAPI:
    """`own_url`: where this simulator is reached (it fetches example.com's media from itself)."""
    world = World()
    saver = persistence.Saver(world, state_file)
    fetcher = fetching.MediaFetcher(own_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        async with saver.kept():
            login.register_configured_apps(world)
            yield
        await fetcher.close()

    app = FastAPI(title="Instagram Graph API simulator (development and tests only)", lifespan=lifespan)
    app.state.world = world

    @app.exception_handler(GraphError)
    async def graph_error(request: Request, err: GraphError):
        return JSONResponse(error_body(err), err.status, headers=err.headers)

    @app.middleware("http")
    async def count_changes(request: Request, call_next):
        # Any call may change the world (a GET exchanges a code, or makes Page tokens).
        world.changes += 1
        # account() fills it in with the account's usage headers; the endpoint runs in a
        # copy of this context, which shares the dict.
        sent = {}
        USAGE.set(sent)
        response = await call_next(request)
        response.headers.update(sent)
        return response

    async def params(request: Request) -> dict[str, str]:
        """Graph API parameters arrive in the query string or as a form body."""
        values = dict(request.query_params)
        if "access_token" in values:
            world.token_places.append("query")
        if request.method == "POST":
            form = await request.form()
            values.update({k: str(v) for k, v in form.items()})
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            world.token_places.append("header")
            values.setdefault("access_token", header[7:].strip())
        return values

    def account(host: str, ig_user_id: str, values: dict[str, str], need: str = "basic") -> Account:
        """The account a call names, if its token may make the call: Meta checks the token
        first, then the object, then the permission."""
        token = tokens.authenticate(world, host, values)
        found = world.accounts.get(ig_user_id)
        if found is None:
            raise GraphError(
                400, 100, 33, f"Unsupported request: object with ID '{ig_user_id}' does not exist"
            )
        tokens.may_act_for(token, ig_user_id)
        tokens.require(token, need)
        percent, wait = found.spend_call(world.now())
        if found.call_budget:
            headers = usage_headers(ig_user_id, math.ceil(wait / 60), percent)
            USAGE.get({}).update(headers)
            if wait:
                err = GraphError(
                    400, 80002, 0, "There have been too many calls to this Instagram account.", True
                )
                err.headers = headers
                raise err
        return found

    def graph_host(host: str, version: str) -> None:
        if host not in GRAPH_HOSTS:
            raise GraphError(404, 100, 0, f"No such host: {host}")
        if not (version.startswith("v") and version[1:].replace(".", "").isdigit()):
            raise GraphError(400, 2500, 0, f"Unknown path components: /{version}")

    async def apply_fault(endpoint: str, ig_user_id: str | None) -> Fault | None:
        fault = world.take_fault(endpoint, ig_user_id)
        if fault is None:
            return None
        if fault.kind == "timeout":
            await asyncio.sleep(fault.seconds)
            return None
        if fault.kind in ("publish_response_lost", *CONTAINER_FAULTS):
            return fault  # the caller acts on it
        err = fault_error(fault.kind)
        if err.code in THROTTLE_CODES:
            err.headers = usage_headers(ig_user_id or "", regain_minutes=math.ceil(fault.seconds / 60))
        raise err

    def cdn_url(media_id: str) -> str:
        return f"{own_url}/_cdn/{media_id}.jpg"

    def describe_published(media: Media, container: Container) -> None:
        """What Meta says of a published media's files: `media_url` is the file itself (a
        carousel's is its first item's), `thumbnail_url` is only on video media, and
        `media_product_type` is FEED, REELS or STORY
        (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media#fields)."""
        url = container.media_url
        if not url and container.children:
            first = world.containers.get(container.children[0])
            url = first.media_url if first else ""
        media.media_url = url
        if container.media_type in ("VIDEO", "REELS") or (
            container.media_type == "STORIES" and url.lower().endswith(fetching.VIDEO_SUFFIXES)
        ):
            media.thumbnail_url = cdn_url(media.id)
        media.product_type = {"REELS": "REELS", "STORIES": "STORY"}.get(container.media_type, "FEED")

    def media_fields(m: Media) -> dict[str, Any]:
        fields: dict[str, Any] = {"media_product_type": m.product_type}
        # Meta omits media_url where the media holds copyrighted material (reels' audio):
        # an item without one is answered without the field, as Meta does.
        if m.media_url:
            fields["media_url"] = m.media_url
        if m.thumbnail_url:
            fields["thumbnail_url"] = m.thumbnail_url
        return fields

    # --- control API for tests and local development (before the Graph routes, whose
    # /{host}/{version}/{node_id} pattern would otherwise match these paths) --------------------

    @app.post("/_simulator/accounts", status_code=201)
    async def add_account(body: AccountIn):
        # The token is not the account's: it is a system user's, acting for it.
        world.accounts[body.ig_user_id] = Account(
            **body.model_dump(exclude={"access_token", "login", "expires_in_seconds"})
        )
        world.issue(
            value=body.access_token,
            app_id="",
            login=body.login,
            kind="system",
            scopes=list(ALL_SCOPES),
            issued_at=world.now(),
            expires_at=world.now() + body.expires_in_seconds if body.expires_in_seconds else 0,
            ig_user_ids=[body.ig_user_id],
        )
        return body

    @app.post("/_simulator/accounts/{ig_user_id}/history", status_code=201)
    async def add_history(ig_user_id: str, body: HistoryIn):
        owner = world.accounts.get(ig_user_id)
        if owner is None:
            return JSONResponse({"detail": "no such account"}, 404)
        rng = random.Random(body.seed)
        now = world.now()
        for _ in range(body.posts):
            at = now - rng.uniform(86400, body.days * 86400)
            media = Media(world.next_id(), ig_user_id, "", "", body.media_type, published_at=at)
            media.media_url = cdn_url(media.id)
            world.history.append(media)
            world.media[media.id] = media
        world.history.sort(key=lambda media: media.published_at)
        return {"posts": body.posts}

    @app.get("/_simulator/accounts/{ig_user_id}/audience")
    async def audience(ig_user_id: str, media_type: str = ""):
        """The hidden truth: the audience's activity by UTC weekday (Monday first) and hour,
        for one media type's posts."""
        owner = world.accounts.get(ig_user_id)
        if owner is None:
            return JSONResponse({"detail": "no such account"}, 404)
        monday = 4 * 86400  # 1970-01-05
        return {
            "by_weekday_and_hour_utc": [
                [
                    engagement.audience_activity(
                        monday + day * 86400 + hour * 3600,
                        owner.peak_hour_for(media_type),
                        owner.audience_weekdays,
                    )
                    for hour in range(24)
                ]
                for day in range(7)
            ]
        }

    @app.post("/_simulator/faults", status_code=201)
    async def arm_fault(body: FaultIn):
        if body.kind not in FAULTS:
            return JSONResponse({"error": f"kind must be one of {', '.join(FAULTS)}"}, 422)
        if body.endpoint not in (None, *ENDPOINTS):
            return JSONResponse({"error": f"endpoint must be one of {', '.join(ENDPOINTS)}"}, 422)
        world.faults.append(Fault(body.kind, body.ig_user_id, body.endpoint, body.times, body.seconds))
        return body

    @app.get("/_simulator/token_places")
    async def token_places():
        """How many Graph calls carried their token in a header, and how many in the URL."""
        return collections.Counter(world.token_places)

    @app.get("/_simulator/publishes")
    async def publishes(ig_user_id: Annotated[str | None, "only this account"] = None):
        return [
            {
                "media_id": m.id,
                "ig_user_id": m.ig_user_id,
                "container_id": m.container_id,
                "caption": m.caption,
                "media_type": m.media_type,
                "published_at": m.published_at,
            }
            for m in world.publishes
            if ig_user_id in (None, m.ig_user_id)
        ]

    @app.get("/_simulator/containers")
    async def containers(ig_user_id: Annotated[str | None, "only this account"] = None):
        now = world.now()
        return [
            {
                "id": c.id,
                "ig_user_id": c.ig_user_id,
                "media_type": c.media_type,
                "media_url": c.media_url,
                "status_code": c.status_code(now),
                "caption": c.caption,
                "is_carousel_item": c.is_carousel_item,
                "children": c.children,
                "options": c.options or {},
            }
            for c in world.containers.values()
            if ig_user_id in (None, c.ig_user_id)
        ]

    @app.get("/_simulator/comments")
    async def comments(media_id: str):
        return world.comments.get(media_id, [])

    @app.post("/_simulator/reset", status_code=204)
    async def reset():
        world.reset()
        login.register_configured_apps(world)

    @app.get("/healthz")
    async def healthz():
        return {"status": "ok", "simulator": True}

    @app.get("/_cdn/{name}", include_in_schema=False)
    async def cdn_picture(name: str):
        """Instagram's CDN stand-in: a published media's picture (a thumbnail for a video),
        4:5 as a feed picture is, coloured by its id so a grid's tiles tell apart."""
        media_id = name.removesuffix(".jpg")
        if media_id not in world.media:
            return Response(b"not found", 404, media_type="text/plain")
        return Response(fetching.coloured_picture(media_id), media_type="image/jpeg")

    @app.get("/_web/{host}/{path:path}", include_in_schema=False)
    async def web_stand_in(host: str, path: str):
        """example.com's media (fetching.py): what tests' and benchmarks' URLs name."""
        if not fetching.served_here(host.lower()):
            return Response(b"not a stand-in host", 404, media_type="text/plain")
        status, body, kind = fetching.stand_in(path)
        return Response(body, status, media_type=kind)

    # --- Graph API ------------------------------------------------------------------

    @app.post("/{host}/{version}/{ig_user_id}/media")
    async def create_container(host: str, version: str, ig_user_id: str, request: Request):
        graph_host(host, version)
        values = await params(request)
        owner = account(host, ig_user_id, values, "publish")
        await apply_fault("create", ig_user_id)
        media_type = values.get("media_type", "IMAGE").upper()
        if media_type not in MEDIA_TYPES:
            raise GraphError(400, 100, 2207023, f"The media type {media_type} is not supported")
        children = container_params.id_list(values.get("children", ""))
        url = values.get("image_url") or values.get("video_url") or ""
        if media_type == "CAROUSEL":
            if not 2 <= len(children) <= 10:
                raise GraphError(400, 100, 2207028, "A carousel needs 2 to 10 children")
            for child in children:
                item = world.containers.get(child)
                if item is None or item.ig_user_id != ig_user_id or not item.is_carousel_item:
                    raise GraphError(400, 100, 2207028, f"Child container {child} is not a carousel item")
                # A carousel is made of processed items: a child still processing (a video)
                # is not ready (https://developers.facebook.com/docs/instagram-platform/
                # content-publishing/#carousel-posts: check each item's status_code first).
                if item.status_code(world.now()) != "FINISHED":
                    raise GraphError(
                        400,
                        9007,
                        2207027,
                        f"Child {child} is not ready for publishing, please wait",
                    )
        elif not url.startswith(("http://", "https://")):
            raise GraphError(400, 100, 2207052, "image_url or video_url must be a public http(s) URL")
        if (
            media_type in ("VIDEO", "REELS", "STORIES")
            and "video_url" not in values
            and media_type != "STORIES"
        ):
            raise GraphError(400, 100, 2207023, f"{media_type} needs video_url")
        is_child = values.get("is_carousel_item", "false").lower() == "true"
        options = container_params.check(values, media_type, is_child)
        # Instagram fetches the media now, and refuses what it cannot fetch or take.
        if "video_url" in values:
            await fetcher.video(url)
        elif url:
            await fetcher.image(url)
        if cover := values.get("cover_url"):
            await fetcher.image(cover)
        now = world.now()
        is_video = "video_url" in values
        container = Container(
            id=world.next_id(),
            ig_user_id=ig_user_id,
            media_type=media_type,
            media_url=url,
            caption=values.get("caption", ""),
            is_carousel_item=is_child,
            children=children,
            created_at=now,
            ready_at=now + (owner.processing_seconds if is_video or media_type == "CAROUSEL" else 0.0),
            options=options,
        )
        world.containers[container.id] = container
        return {"id": container.id}

    @app.post("/{host}/{version}/{ig_user_id}/media_publish")
    async def publish(host: str, version: str, ig_user_id: str, request: Request):
        graph_host(host, version)
        values = await params(request)
        owner = account(host, ig_user_id, values, "publish")
        lost = await apply_fault("publish", ig_user_id)
        container = world.containers.get(values.get("creation_id", ""))
        if container is None or container.ig_user_id != ig_user_id:
            raise GraphError(400, 100, 2207003, "The media container does not exist")
        now = world.now()
        state = container.status_code(now)
        if state == "PUBLISHED":
            raise GraphError(400, 100, 2207006, "The media container has already been published")
        if state == "EXPIRED":
            raise GraphError(400, -2, 2207020, "The media container has expired; create a new one.")
        if state == "IN_PROGRESS":
            raise GraphError(400, 9007, 2207027, "The media is not ready for publishing, please wait")
        if owner.publishes_in_window(now) >= owner.publish_limit:
            raise GraphError(400, 9, 2207042, "The account has reached its publishing limit for 24 hours")
        media = Media(world.next_id(), ig_user_id, container.id, container.caption, container.media_type, now)
        describe_published(media, container)
        container.published_media_id = media.id
        world.media[media.id] = media
        world.publishes.append(media)
        owner.publish_times.append(now)
        if lost is not None:
            raise fault_error(lost.kind)
        return {"id": media.id}

    @app.get("/{host}/{version}/{ig_user_id}/media")
    async def list_media(host: str, version: str, ig_user_id: str, request: Request):
        """The account's published media, newest first, a page at a time (`limit`, at most
        100, and the `after` cursor of the page before, as the real endpoint pages)."""
        graph_host(host, version)
        values = await params(request)
        owner = account(host, ig_user_id, values)
        await apply_fault("media", ig_user_id)
        limit = min(int(values.get("limit", "25") or 25), 100)
        mine = sorted(
            (m for m in itertools.chain(world.history, world.publishes) if m.ig_user_id == owner.ig_user_id),
            key=lambda m: (m.published_at, m.id),
            reverse=True,
        )
        start = int(values["after"]) if values.get("after", "").isdigit() else 0
        page = mine[start : start + limit]
        now = world.now()
        fields = {f for f in values.get("fields", "id").split(",") if f}
        items = []
        for m in page:
            figures = engagement.insights(
                m.id,
                followers=owner.followers,
                published_at=m.published_at,
                now=now,
                speed=owner.engagement_speed,
                peak_hour_utc=owner.peak_hour_for(m.media_type),
                weekdays=owner.audience_weekdays,
            )
            item = {
                "id": m.id,
                "caption": m.caption,
                "media_type": m.media_type,
                "permalink": m.permalink,
                "timestamp": graph_timestamp(m.published_at),
                "like_count": figures["likes"],
                "comments_count": figures["comments"],
                **media_fields(m),
            }
            items.append({name: item[name] for name in ["id", *fields] if name in item})
        body: dict[str, Any] = {"data": items}
        if start + limit < len(mine):
            body["paging"] = {"cursors": {"after": str(start + limit)}}
        return body

    @app.get("/{host}/{version}/{ig_user_id}/content_publishing_limit")
    async def publishing_limit(host: str, version: str, ig_user_id: str, request: Request):
        graph_host(host, version)
        values = await params(request)
        owner = account(host, ig_user_id, values)
        await apply_fault("limit", ig_user_id)
        usage = owner.publishes_in_window(world.now())
        return {
            "data": [
                {
                    "quota_usage": usage,
                    "config": {"quota_total": owner.publish_limit, "quota_duration": 86400},
                }
            ]
        }

    @app.get("/{host}/{version}/{media_id}/insights")
    async def media_insights(host: str, version: str, media_id: str, request: Request):
        graph_host(host, version)
        values = await params(request)
        item = world.media.get(media_id)
        if item is None:
            raise GraphError(400, 100, 33, f"Object with ID '{media_id}' does not exist")
        owner = account(host, item.ig_user_id, values, "insights")
        await apply_fault("media", item.ig_user_id)
        wanted = [m for m in values.get("metric", "").split(",") if m]
        kind = engagement.product_type(item.media_type)
        offered = engagement.METRICS_OF[kind]
        if not wanted:
            raise GraphError(
                400, 100, 0, f"(#100) metric[0] must be one of the following values: {', '.join(offered)}"
            )
        for metric in wanted:
            if metric not in offered:
                raise GraphError(
                    400,
                    100,
                    0,
                    f"(#100) The Media Insights API does not support the {metric} metric "
                    "for this media product type.",
                )
        figures = engagement.insights(
            item.id,
            followers=owner.followers,
            published_at=item.published_at,
            now=world.now(),
            speed=owner.engagement_speed,
            peak_hour_utc=owner.peak_hour_for(item.media_type),
            weekdays=owner.audience_weekdays,
        )
        return {
            "data": [
                {
                    "name": name,
                    "period": "lifetime",
                    "values": [{"value": figures[name]}],
                    "id": f"{item.id}/insights/{name}/lifetime",
                }
                for name in wanted
            ]
        }

    # Comments (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/
    # reference/ig-media/comments): the account's own media, with the comments permission;
    # a story takes none.
    def commented_media(host: str, media_id: str, values: dict[str, str]) -> Media:
        item = world.media.get(media_id)
        if item is None:
            tokens.authenticate(world, host, values)
            raise GraphError(400, 100, 33, f"Unsupported request. Object with ID '{media_id}' does not exist")
        account(host, item.ig_user_id, values, "comments")
        if item.media_type == "STORIES":
            raise GraphError(400, 100, 0, "(#100) Comments are not supported on stories")
        return item

    @app.post("/{host}/{version}/{media_id}/comments")
    async def add_comment(host: str, version: str, media_id: str, request: Request):
        graph_host(host, version)
        values = await params(request)
        item = commented_media(host, media_id, values)
        await apply_fault("comment", item.ig_user_id)
        text = values.get("message", "")
        if not text.strip():
            raise GraphError(400, 100, 0, "(#100) The parameter message is required")
        if len(text) > 2200:
            raise GraphError(400, 100, 0, "(#100) The comment is too long")
        comment = {
            "id": world.next_id(),
            "text": text,
            "username": world.accounts[item.ig_user_id].username,
            "timestamp": graph_timestamp(world.now()),
        }
        world.comments.setdefault(item.id, []).append(comment)
        return {"id": comment["id"]}

    @app.get("/{host}/{version}/{media_id}/comments")
    async def list_comments(host: str, version: str, media_id: str, request: Request):
        graph_host(host, version)
        values = await params(request)
        item = commented_media(host, media_id, values)
        await apply_fault("comment", item.ig_user_id)
        fields = [f for f in values.get("fields", "id,text,timestamp").split(",") if f]
        found = world.comments.get(item.id, [])
        return {"data": [{k: c[k] for k in ["id", *fields] if k in c} for c in reversed(found)]}

    login.install(app, world)

    @app.get("/{host}/{version}/{node_id}")
    async def read_node(host: str, version: str, node_id: str, request: Request):
        graph_host(host, version)
        values = await params(request)
        fields = [f for f in values.get("fields", "id").split(",") if f]
        if node_id == "me":
            found = login.me(world, host, values)
        elif node_id in world.accounts:
            owner = account(host, node_id, values)
            await apply_fault("account", owner.ig_user_id)
            found = {
                "id": owner.ig_user_id,
                "user_id": owner.ig_user_id,
                "username": owner.username,
                "followers_count": owner.followers,
            }
        elif node_id in world.containers:
            container = world.containers[node_id]
            account(host, container.ig_user_id, values)
            if (
                failed := await apply_fault("status", container.ig_user_id)
            ) and not container.published_media_id:
                _, _, subcode, message, _ = FAULTS[failed.kind]
                # Meta's form: "Error: <what>" with the subcode, which the error page explains.
                container.error = f"Error: {message} (error code {subcode})"
            state = container.status_code(world.now())
            found = {"id": container.id, "status_code": state, "status": container.error or state}
        elif node_id in world.media:
            item = world.media[node_id]
            account(host, item.ig_user_id, values)
            await apply_fault("media", item.ig_user_id)
            found = {
                "id": item.id,
                "permalink": item.permalink,
                "caption": item.caption,
                "media_type": item.media_type,
                "timestamp": graph_timestamp(item.published_at),
                **media_fields(item),
            }
        else:
            tokens.authenticate(world, host, values)
            raise GraphError(
                400, 100, 33, f"Unsupported get request. Object with ID '{node_id}' does not exist"
            )
        return {name: found[name] for name in ["id", *fields] if name in found}

    return app
