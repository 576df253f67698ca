"""Pre-flight: everything that can be known to fail before a scheduled post goes out,
checked a day before and again in the hour before (a round every
POSTFLOW_PREFLIGHT_INTERVAL_SECONDS, and "Check now" in the composer), while there is time
to fix it. What was found is kept on the post (services/posts/preflight.py), which tells the
user when something fails.

- account: still connected, its token accepted by Instagram now (a live call), not
  expiring or paused by Meta before the post's time;
- quota: the posts due on the account in the 24 hours up to this one, with what Instagram
  counts as used now, within its publishing limit;
- media: each file fetchable as Instagram fetches it (a JPEG picture, an MP4/MOV video),
  each library item still there and ready;
- video: a library video's length for its type (Meta: reels 3 s to 15 min, stories up to
  60 s), its codec (H.264 or HEVC);
- caption: Instagram's limits (2,200 characters with the hashtags, 30 hashtags, 20 mentions);
- approval: where the post waits for one (it would be held at its time).
"""

import asyncio
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import grpc
import httpx
from sqlalchemy import select

from lib.captions import HASHTAG_IN_TEXT, MENTION_IN_TEXT, published_text
from lib.common import public_target
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import conflict
from lib.common.grpc_errors import ask
from lib.common.proto_time import to_timestamp
from lib.common.token_vault import TokenVault
from lib.instagram.errors import GraphApiError
from lib.instagram.graph_api import GraphApiClient
from lib.post_status import PostStatus
from protos import media_pb2, media_pb2_grpc, posts_pb2, posts_pb2_grpc
from services.scheduler import conflicts
from services.scheduler.models import InstagramAccount
from services.scheduler.scheduling import DEFAULT_PUBLISH_LIMIT

log = logging.getLogger(__name__)

MAX_CAPTION, MAX_HASHTAGS, MAX_MENTIONS = 2200, 30, 20
JPEG_MAGIC = b"\xff\xd8\xff"
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v")
VIDEO_TYPES = ("reel", "video")
# Meta's video specifications (https://developers.facebook.com/docs/instagram-platform/
# instagram-graph-api/reference/ig-user/media#reel-specifications): reels 3 s to 15 min,
# stories up to 60 s; H.264 or HEVC.
REEL_SECONDS = (3.0, 900.0)
STORY_SECONDS = 60.0
VIDEO_CODECS = ("h264", "hevc", "h265")
# Posts checked at once in a round.
CONCURRENCY = 4
FETCH_TIMEOUT = 10.0


@dataclass
class Found:
    check: str
    ok: bool
    message: str = ""


def _fail(check: str, problems: list[str]) -> Found:
    return Found(check, not problems, " ".join(problems))


class Preflight:
    def __init__(
        self,
        *,
        db: Database,
        posts: posts_pb2_grpc.PostsStub,
        media: media_pb2_grpc.MediaStub,
        graph: GraphApiClient,
        vault: TokenVault,
        settings: Settings,
        scheduler,
    ) -> None:
        self._db = db
        self._posts = posts
        self._media = media
        self._graph = graph
        self._vault = vault
        self._settings = settings
        self._scheduler = scheduler
        self._http = httpx.AsyncClient(timeout=FETCH_TIMEOUT, follow_redirects=False)

    async def close(self) -> None:
        await self._http.aclose()

    # --- the checks -------------------------------------------------------------------

    async def _account(self, post: posts_pb2.Post, at: datetime) -> tuple[Found, InstagramAccount | None]:
        async with self._db.reading() as session:
            account = await session.scalar(
                select(InstagramAccount).where(
                    InstagramAccount.id == uuid.UUID(post.account_id),
                    InstagramAccount.user_id == uuid.UUID(post.user_id),
                    InstagramAccount.disconnected_at.is_(None),
                )
            )
        if account is None or account.token_ciphertext is None:
            return Found(
                "account", False, "The account is disconnected: connect it again, or move the post."
            ), None
        problems = []
        if account.health == "needs_reauth":
            problems.append("Instagram no longer accepts the account's token: reconnect it (Accounts).")
        elif account.health == "missing_permission":
            problems.append(
                "The account lacks a permission publishing needs: reconnect it with every permission."
            )
        if account.token_expires_at and account.token_expires_at <= at:
            problems.append(
                "The account's token expires before this post "
                f"({account.token_expires_at:%Y-%m-%d %H:%M} UTC): reconnect it."
            )
        if account.throttled_until and account.throttled_until > at:
            problems.append(
                f"Instagram asked for a pause on this account until {account.throttled_until:%H:%M} UTC."
            )
        if not problems:
            try:
                await self._graph.on(account.graph_host).account_username(
                    account.ig_user_id, self._vault.open(account.token_ciphertext)
                )
            except GraphApiError as err:
                problems.append(f"Instagram refused the account's token now ({err}): reconnect it.")
        return _fail("account", problems), account

    async def _quota(
        self, post: posts_pb2.Post, account: InstagramAccount, at: datetime, now: datetime
    ) -> Found:
        day = timedelta(hours=24)
        user_id = uuid.UUID(post.user_id)
        taken = await self._scheduler.scheduled_on_account(user_id, account.id, at - day, at + day, post.id)
        try:
            limit = await self._graph.on(account.graph_host).publishing_limit(
                account.ig_user_id, self._vault.open(account.token_ciphertext)
            )
        except GraphApiError as err:
            return Found("quota", False, f"Instagram's publishing limit could not be read ({err}).")
        total = limit.total or DEFAULT_PUBLISH_LIMIT
        busiest = conflicts.busiest_window(at, list(taken.values()), day)
        # Instagram's count of the last 24 hours reaches into this post's window when it is
        # due within a day.
        used = limit.used if at - now < day else 0
        if busiest + used > total:
            return Found(
                "quota",
                False,
                f"This would be post {busiest + used} on the account within 24 hours; Instagram "
                f"publishes at most {total}. Move it or another post further apart.",
            )
        return Found("quota", True)

    async def _fetch_problem(self, url: str, kind: str, *, ours: bool) -> str:
        """Why Instagram could not fetch `url` as `kind` (image or video), or ''."""
        target = self._through_simulator(url)
        try:
            if target is None:
                where = (
                    public_target.Target(url)
                    if ours
                    else await public_target.target(url, self._settings.webhook_allow_private_hosts)
                )
            else:
                where = public_target.Target(target)
            reply = await self._http.get(
                where.url, headers={**where.headers, "Range": "bytes=0-31"}, extensions=where.extensions
            )
        except public_target.Refused as refused:
            return f"its URL {refused}"
        except httpx.HTTPError as err:
            return f"cannot be fetched ({type(err).__name__})"
        if 300 <= reply.status_code < 400:
            return ""
        if reply.status_code not in (200, 206):
            return f"cannot be fetched: the server answers HTTP {reply.status_code}"
        head = reply.content[:32]
        if kind == "image" and not head.startswith(JPEG_MAGIC):
            return "is not a JPEG picture (Instagram publishes JPEG only)"
        if kind == "video" and b"ftyp" not in head[:12]:
            return "is not an MP4 or MOV video"
        return ""

    def _through_simulator(self, url: str) -> str | None:
        """In local runs and tests, example.com's media are served by the Graph API
        simulator (devtools/graph_simulator/fetching.py), where Instagram fetches them too."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if self._settings.meta_simulator_url and (host == "example.com" or host.endswith(".example.com")):
            return f"{self._settings.meta_simulator_url.rstrip('/')}/_web/{host}{parts.path or '/'}"
        return None

    async def _media_checks(self, post: posts_pb2.Post) -> tuple[Found, Found]:
        media_problems, video_problems = [], []
        post_type = post.content.post_type
        for index, item in enumerate(post.content.media, start=1):
            if item.url:
                is_video = urlsplit(item.url).path.lower().endswith(VIDEO_SUFFIXES)
                if why := await self._fetch_problem(item.url, "video" if is_video else "image", ours=False):
                    media_problems.append(f"Media {index} {why}.")
                continue
            try:
                found = await self._media_stub_get(post.user_id, item.media_id)
            except grpc.aio.AioRpcError as err:
                if err.code() == grpc.StatusCode.NOT_FOUND:
                    media_problems.append(f"Media {index} is no longer in your library.")
                else:
                    media_problems.append(f"Media {index} could not be read from the library now.")
                continue
            if found.status != "ready":
                media_problems.append(f"Media {index} is {found.status}, not ready.")
                continue
            if found.cdn_url and (why := await self._fetch_problem(found.cdn_url, found.kind, ours=True)):
                media_problems.append(f"Media {index} {why}.")
            if found.kind == "video":
                video_problems += _video_problems(index, post_type, found)
        return _fail("media", media_problems), _fail("video", video_problems)

    async def _media_stub_get(self, user_id: str, media_id: str) -> media_pb2.MediaItem:
        return await self._media.GetMedia(media_pb2.MediaRef(user_id=user_id, media_id=media_id), timeout=10)

    # --- running them -------------------------------------------------------------------

    async def check(self, user_id: str, post_id: str) -> tuple[posts_pb2.Post, list[Found]]:
        post = await ask(
            self._posts.GetPost(posts_pb2.GetPostRequest(user_id=user_id, post_id=post_id), timeout=10)
        )
        if PostStatus.from_proto(post.status) != PostStatus.SCHEDULED or not post.account_id:
            raise conflict("not_scheduled", "Only a scheduled post is checked before it goes out")
        now = datetime.now(UTC)
        at = post.scheduled_for.ToDatetime(tzinfo=UTC)
        account_found, account = await self._account(post, at)
        found = [account_found]
        if account is not None:
            found.append(await self._quota(post, account, at, now))
        media_found, video_found = await self._media_checks(post)
        found += [media_found, video_found, _caption(post), _approval(post)]
        return post, found

    async def run(self, user_id: str, post_id: str, stage: str) -> tuple[posts_pb2.Preflight, bool]:
        """Check one post and keep what was found: (the pre-flight, whether it was kept)."""
        post, found = await self.check(user_id, post_id)
        checks = [posts_pb2.PreflightCheck(check=f.check, ok=f.ok, message=f.message) for f in found]
        recorded = await ask(
            self._posts.RecordPreflight(
                posts_pb2.PreflightRecord(
                    user_id=user_id,
                    post_id=post_id,
                    version=post.version,
                    checked_for=post.scheduled_for,
                    stage=stage,
                    checks=checks,
                ),
                timeout=10,
            )
        )
        status = "passed" if all(f.ok for f in found) else "failed"
        view = posts_pb2.Preflight(
            status=status, stage=stage, checked_at=to_timestamp(datetime.now(UTC)), checks=checks
        )
        return view, recorded.kept

    async def round(self, limit: int, user_id: str = "") -> tuple[int, int]:
        """Check the posts due within a day that need it (of one workspace, or every one):
        (checked, failed)."""
        due = await self._posts.PreflightDue(
            posts_pb2.PreflightDueRequest(limit=limit, user_id=user_id), timeout=30
        )
        gate = asyncio.Semaphore(CONCURRENCY)

        async def one(item) -> bool | None:
            async with gate:
                try:
                    view, _ = await self.run(item.user_id, item.post_id, item.stage)
                except Exception as err:  # noqa: BLE001 - one post's trouble must not stop the round
                    log.warning("pre-flight of %s not done: %s", item.post_id, err)
                    return None
                return view.status == "passed"

        results = await asyncio.gather(*(one(item) for item in due.items))
        done = [r for r in results if r is not None]
        return len(done), sum(1 for r in done if not r)


def _video_problems(index: int, post_type: str, item: media_pb2.MediaItem) -> list[str]:
    problems = []
    seconds = item.duration_seconds if item.HasField("duration_seconds") else None
    if seconds is not None:
        if post_type == "story" and seconds > STORY_SECONDS:
            problems.append(
                f"Media {index} lasts {seconds:.0f} s; a story's video may last {STORY_SECONDS:.0f} s."
            )
        if post_type in VIDEO_TYPES and not REEL_SECONDS[0] <= seconds <= REEL_SECONDS[1]:
            problems.append(
                f"Media {index} lasts {seconds:.1f} s; Instagram takes reels of "
                f"{REEL_SECONDS[0]:.0f} s to 15 minutes."
            )
    if item.HasField("video_codec") and item.video_codec.lower() not in VIDEO_CODECS:
        problems.append(f"Media {index} is encoded as {item.video_codec}; Instagram takes H.264 or HEVC.")
    return problems


def _caption(post: posts_pb2.Post) -> Found:
    text = published_text(post.content.caption, list(post.content.hashtags))
    problems = []
    if len(text) > MAX_CAPTION:
        problems.append(
            f"The caption with its hashtags is {len(text)} characters; Instagram takes {MAX_CAPTION}."
        )
    if len({h.lower() for h in HASHTAG_IN_TEXT.findall(text)}) > MAX_HASHTAGS:
        problems.append(f"More than {MAX_HASHTAGS} hashtags.")
    if len(set(MENTION_IN_TEXT.findall(text))) > MAX_MENTIONS:
        problems.append(f"More than {MAX_MENTIONS} @mentions.")
    return _fail("caption", problems)


def _approval(post: posts_pb2.Post) -> Found:
    waiting = {
        "in_review": "It waits for a review: unless it is approved, it will be held at its time.",
        "changes_requested": "Changes were asked for: unless this version is approved, it will be held.",
        "edited_since_approval": "It changed since it was approved: approve this version, or it is held.",
    }
    message = waiting.get(post.review.status, "")
    return Found("approval", not message, message)
