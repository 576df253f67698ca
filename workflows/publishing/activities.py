"""The publishing activities: each one idempotent, so that Temporal may retry it freely.

They reach the posts and scheduler services over gRPC and Instagram over HTTP; errors are
turned into Temporal ApplicationErrors whose type says whether retrying can help.
"""

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import grpc
from google.protobuf import json_format
from temporalio import activity
from temporalio.exceptions import ApplicationError

from lib.captions import published_text
from lib.common import metrics
from lib.common.errors import ServiceError
from lib.common.events import EventPublisher, PublishingProgress
from lib.common.grpc_errors import from_detail
from lib.common.proto_time import to_timestamp
from lib.common.token_vault import TokenVault
from lib.instagram import errors as graph_errors
from lib.instagram import publish_options
from lib.instagram.graph_api import GraphApiClient
from lib.post_status import ON_THE_CALENDAR, RECORDED_BY_WORKER, PostStatus
from protos import media_pb2, media_pb2_grpc, posts_pb2, posts_pb2_grpc, scheduler_pb2, scheduler_pb2_grpc
from workflows import credentials
from workflows.contracts import publishing
from workflows.contracts.publishing import Outcome, PostRef, Prepared, Published, PublishInput
from workflows.publishing.batched import Batched

HOLD_BEAT_SECONDS = 4.0
# How long the first of a wave's moves to publishing waits for the others to join it.
START_WINDOW = 0.005
# How many of the account's latest media are searched for one whose answer was lost.
RECENT_MEDIA_SEARCHED = 25


# The step a post waiting for its account's reconnect shows (publishing_progress).
WAITING_FOR_RECONNECT = "waiting_for_reconnect"
WAITING_FOR_USAGE = "waiting_for_usage"
WAITING_FOR_APPROVAL = "waiting_for_approval"
# Instagram restricts an account: how long its other posts make no call.
RESTRICTION_PAUSE_SECONDS = 24 * 3600.0
DISCONNECTED_MESSAGE = "The Instagram account was disconnected; connect it and schedule again"
# The answer to a move to publishing whose account was disconnected while the publish held.
ACCOUNT_DISCONNECTED = ServiceError("conflict", "account_disconnected", DISCONNECTED_MESSAGE)


@dataclass(frozen=True)
class _Start:
    """A move to publishing, with the account the post goes to."""

    account_id: str
    move: posts_pb2.PublishingStart


@dataclass(frozen=True)
class Waits:
    """How long Instagram's refusals make a step wait before it tries again."""

    rate_limited: timedelta = timedelta(minutes=1)
    publish_limit: timedelta = timedelta(minutes=15)
    # A container Instagram says is not ready yet (9007 / 2207027).
    not_ready: timedelta = timedelta(seconds=10)
    # However long Instagram says its usage window stays closed, a throttled step waits at
    # most this long before it asks again.
    longest_usage_wait: timedelta = timedelta(hours=1)

    def for_usage(self, err: graph_errors.GraphApiError) -> float:
        """Seconds to wait after "too many calls": Meta's estimate of when access comes back
        (X-Business-Use-Case-Usage's estimated_time_to_regain_access), at least the
        configured wait, at most longest_usage_wait."""
        wanted = max(err.retry_after_seconds, self.rate_limited.total_seconds())
        return min(wanted, self.longest_usage_wait.total_seconds())


def _observe_lateness(request: PublishInput, post) -> None:
    """Instagram's answer, against the time the post was due (the held time, else the post's)."""
    if request.due_at:
        due = datetime.fromisoformat(request.due_at)
    elif post.HasField("scheduled_for"):
        due = post.scheduled_for.ToDatetime(tzinfo=UTC)
    else:
        return
    metrics.PUBLISH_LATENESS_SECONDS.observe(max(0.0, (datetime.now(UTC) - due).total_seconds()))


def _not_retryable(kind: str, message: str) -> ApplicationError:
    return ApplicationError(message, type=kind, non_retryable=True)


def _graph_failure(err: graph_errors.GraphApiError, waits: Waits) -> ApplicationError:
    """A Graph API error as Temporal should treat it (and counted, by Instagram's code)."""
    failure = _as_application_error(err, waits)
    _count(err, retried=not failure.non_retryable)
    return failure


def _count(err: graph_errors.GraphApiError, *, retried: bool) -> None:
    metrics.GRAPH_API_ERRORS.labels(str(err.code), type(err).__name__, "yes" if retried else "no").inc()


def _as_application_error(err: graph_errors.GraphApiError, waits: Waits) -> ApplicationError:
    if isinstance(err, graph_errors.PublishLimitReached):
        # Waiting for quota is not a failure: come back when a slot may be free.
        return ApplicationError(str(err), type="PublishLimitReached", next_retry_delay=waits.publish_limit)
    if isinstance(err, graph_errors.RateLimited):
        return ApplicationError(
            str(err), type="RateLimited", next_retry_delay=timedelta(seconds=waits.for_usage(err))
        )
    if isinstance(err, graph_errors.MediaNotReady):
        # Still processing: not a failure, ask again shortly (Meta: "please wait").
        return ApplicationError(str(err), type="MediaNotReady", next_retry_delay=waits.not_ready)
    if isinstance(err, graph_errors.AccountRestricted):
        return _not_retryable(
            "AccountRestricted",
            f"Instagram restricts this account ({err.for_people}). Postflow does not try again, "
            "which could deepen the restriction, and the account's other posts wait a day before "
            "any call: open Instagram to check the account, then schedule the post again",
        )
    if isinstance(err, graph_errors.MediaRejected):
        return _not_retryable("MediaRejected", f"Instagram rejected the post: {err.for_people}")
    if isinstance(err, graph_errors.AuthorizationError):
        return _not_retryable(
            "AuthorizationError",
            f"Instagram refused the account's token; reconnect the account ({err.message})",
        )
    return ApplicationError(str(err), type=type(err).__name__)


def _outcome_unknown(err: graph_errors.GraphApiError) -> ApplicationError:
    _count(err, retried=False)
    return _not_retryable(
        "OutcomeUnknown",
        f"Instagram did not say whether the post was published ({err.message}); "
        "Postflow keeps checking and will not publish it twice",
    )


@contextlib.asynccontextmanager
async def _heartbeating(every: float = 1.0, details: dict | None = None):
    """Heartbeat while a step waits, so that Temporal notices a dead worker within the
    heartbeat timeout (seconds) instead of the whole start-to-close timeout (minutes).
    `details` (kept up to date by the step) go with every beat: the next attempt reads them."""

    async def beat() -> None:
        while True:
            if details:
                activity.heartbeat(details)
            else:
                activity.heartbeat()
            await asyncio.sleep(every)

    task = asyncio.create_task(beat())
    try:
        yield
    finally:
        task.cancel()


async def _hold_until(due: datetime, started_at: datetime) -> None:
    """Hold until `due` on Temporal's clock, the workflow's: the attempt started at
    `started_at` by that clock, so what is left is counted from then on this machine's
    monotonic clock (under a time-skipping test server, Temporal's clock runs days ahead of
    this machine's). Then, never before this machine's wall clock says `due` either, when
    that is less than a second away (a timer may wake a little early)."""
    deadline = time.monotonic() + (due - started_at).total_seconds()
    # Asked again after each sleep: a loop's timer may wake a little before it is due.
    while (left := deadline - time.monotonic()) > 0:  # noqa: ASYNC110
        await asyncio.sleep(left)
    if 0 < (wall := (due - datetime.now(UTC)).total_seconds()) < 1:
        await asyncio.sleep(wall)


async def _run_to_the_end(step: Awaitable[Published]) -> Published:
    """Run `step` to its end even if the activity is cancelled meanwhile: a publish under
    way is not abandoned half done (Instagram may have it already); the workflow waits for
    the activity's own outcome and learns what happened."""
    task = asyncio.ensure_future(step)
    while True:
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            if task.done():
                raise
            asyncio.current_task().uncancel()


# A container in one of these states cannot be published: an earlier attempt's is not reused.
UNUSABLE = ("ERROR", "EXPIRED", "PUBLISHED")


class _ContainersMade:
    """The containers a preparation made, by role ("parent", "child-<n>"), for one version
    of the post: sent with every heartbeat, so that the next attempt (after a crash, a
    timeout or an error) reuses them."""

    def __init__(self, details: dict | None = None) -> None:
        self.details: dict = details if isinstance(details, dict) else {}
        self._reusable = dict(self.details.get("containers") or {})

    @classmethod
    def of_earlier_attempt(cls, ref: PostRef) -> "_ContainersMade":
        """This activity's earlier attempt's, else those of a throttled preparation before."""
        earlier = activity.info().heartbeat_details
        if earlier:
            return cls(earlier[0])
        return cls({"version": ref.containers_version, "containers": dict(ref.containers)})

    def kept(self) -> dict[str, str]:
        return dict(self.details.get("containers") or {})

    def begin(self, version: int) -> None:
        if self.details.get("version") != version:
            self._reusable = {}  # made for another version of the post: not its content
        self.details["version"] = version
        # Still there for the attempt after this one, until replaced (asking about them may
        # fail too).
        self.details["containers"] = dict(self._reusable)

    def get(self, key: str) -> str:
        return self._reusable.get(key, "")

    def keep(self, key: str, container_id: str) -> str:
        self.details["containers"][key] = container_id
        activity.heartbeat(self.details)
        return container_id


class _Wave:
    def __init__(self) -> None:
        self.pending = 0
        self.gone = asyncio.Event()


class DueWaves:
    """This worker's held publishes by due time, each counted from the start of its hold
    until its call to Instagram has returned. A finished publish reports back (which sets
    Temporal's and the posts service's bookkeeping going) only once every publish due at
    or before its time has gone out, held ones whose timers a busy loop has not fired yet
    included: at the due second the machine works on the Instagram calls first."""

    # However long a wave lasts, a finished publish reports back after this.
    LONGEST_WAIT = 30.0

    def __init__(self) -> None:
        self._waves: dict[datetime, _Wave] = {}

    @contextlib.contextmanager
    def holding(self, due: datetime):
        """Counts a publish in the wave due at `due`; yields `leave()`, for when it has gone
        out (left at the end in any case)."""
        wave = self._waves.setdefault(due, _Wave())
        wave.pending += 1
        left = False

        def leave() -> None:
            nonlocal left
            if left:
                return
            left = True
            wave.pending -= 1
            if not wave.pending:
                wave.gone.set()
                if self._waves.get(due) is wave:
                    del self._waves[due]

        try:
            yield leave
        finally:
            leave()

    async def gone_out(self, due: datetime) -> None:
        earlier = [wave.gone.wait() for when, wave in self._waves.items() if when <= due]
        if earlier:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*earlier), self.LONGEST_WAIT)


def _off_the_calendar(post: posts_pb2.Post) -> str:
    """ "deleted" or "unscheduled" when the post is no longer to be published; else ""."""
    if post.HasField("deleted_at"):
        return "deleted"
    if PostStatus.from_proto(post.status) not in ON_THE_CALENDAR:
        return "unscheduled"
    return ""


def _published_caption(post: posts_pb2.Post) -> str:
    """The text Instagram shows: the caption, then the hashtags."""
    return published_text(post.content.caption, list(post.content.hashtags))


class PublishingActivities:
    def __init__(
        self,
        *,
        posts: posts_pb2_grpc.PostsStub,
        scheduler: scheduler_pb2_grpc.SchedulerStub,
        media: media_pb2_grpc.MediaStub,
        graph: GraphApiClient,
        events: EventPublisher,
        vault: TokenVault,
        poll_seconds: float = 1.0,
        waits: Waits = Waits(),
        unknown_after_attempts: int = 4,
        busy_limit: int = 200,
        # Called with the post once it is recorded published (starts its metrics workflow).
        on_published: Callable[[posts_pb2.Post], Awaitable[None]] | None = None,
    ) -> None:
        self._on_published = on_published
        self._posts = posts
        self._scheduler = scheduler
        self._media = media
        self._graph = graph
        self._vault = vault
        self._events = events
        self._poll_seconds = poll_seconds
        self._waits = waits
        self._unknown_after = unknown_after_attempts
        # The steps that work (not a publish holding for its due second) run this many at
        # a time: a burst's thousand preparations at once starved the event loop, and
        # their heartbeats timed out into retries.
        self._busy = asyncio.Semaphore(busy_limit)
        self._waves = DueWaves()
        # At the due second a wave's moves to publishing go to the posts service together,
        # in one write instead of one per post.
        self._start_publishing = Batched(self._start_many, window=START_WINDOW, most=busy_limit)

    async def _progress(self, ref, progress: int, step: str) -> None:
        # Never waited for: publishing goes on while NATS is away (the status changes that
        # matter go through the posts service's outbox).
        self._events.publish_soon(
            PublishingProgress(user_id=ref.user_id, post_id=ref.post_id, progress=progress, current_step=step)
        )

    async def _post(self, ref) -> posts_pb2.Post:
        return await self._posts.GetPost(
            posts_pb2.GetPostRequest(user_id=ref.user_id, post_id=ref.post_id, include_deleted=True),
            timeout=10,
        )

    async def _credentials(self, ref) -> credentials.Credentials:
        try:
            return await credentials.fetch(
                self._scheduler, self._vault, user_id=ref.user_id, account_id=ref.account_id
            )
        except grpc.aio.AioRpcError as err:
            if err.code() == grpc.StatusCode.NOT_FOUND:
                raise _not_retryable("AccountUnavailable", DISCONNECTED_MESSAGE) from err
            raise

    @activity.defn(name=publishing.PREPARE_ACTIVITY)
    async def prepare(self, ref: PostRef) -> Prepared:
        """Check the post and create its Instagram container(s), polled until ready. Up to
        a dozen Graph API calls: it heartbeats throughout, so a slow Instagram is not
        mistaken for a dead worker (which would retry, and make duplicate containers)."""
        made = _ContainersMade.of_earlier_attempt(ref)
        async with _heartbeating(details=made.details), self._busy:
            return await self._prepare(ref, made)

    async def _prepare(self, ref: PostRef, made: "_ContainersMade") -> Prepared:
        post = await self._post(ref)
        if gone := _off_the_calendar(post):
            return Prepared(gone)
        media = [m for m in post.content.media]
        if not media:
            raise _not_retryable("MediaRejected", "The post has no media")
        await self._progress(ref, 10, "validating")
        options = json_format.MessageToDict(post.content.options, preserving_proto_field_name=True)
        items, cover_url = await self._media_items(ref, media, post.content.options.cover)
        credentials = await self._credentials(ref)
        if ref.wait_for_reauth and credentials.health == "needs_reauth":
            await self._progress(ref, 10, WAITING_FOR_RECONNECT)
            return Prepared("needs_reauth")
        if ref.wait_for_usage and (paused := credentials.throttled_for()):
            # Another step of this account was told "too many calls": no call before it ends.
            await self._progress(ref, 10, WAITING_FOR_USAGE)
            return Prepared(
                "throttled", version=post.version, retry_after_seconds=paused, containers=made.kept()
            )
        try:
            await self._progress(ref, 20, "uploading")
            made.begin(post.version)
            parent = publish_options.container(
                post.content.post_type, _published_caption(post), options, items, cover_url
            )
            container = await self._create(credentials, post.content.post_type, items, parent, made)
            await self._progress(ref, 40, "processing")
            await self._wait_ready(
                self._graph.on(credentials.graph_host), container, credentials.access_token
            )
        except graph_errors.AuthorizationError as err:
            if not ref.wait_for_reauth:
                raise _graph_failure(err, self._waits) from err
            await self._token_refused(ref, credentials, err)
            return Prepared("needs_reauth")
        except graph_errors.AccountRestricted as err:
            await self._restricted(ref)
            raise _graph_failure(err, self._waits) from err
        except graph_errors.RateLimited as err:
            if not ref.wait_for_usage:
                raise _graph_failure(err, self._waits) from err
            wait = await self._throttled(ref, err)
            await self._progress(ref, 20, WAITING_FOR_USAGE)
            return Prepared(
                "throttled", version=post.version, retry_after_seconds=wait, containers=made.kept()
            )
        except graph_errors.GraphApiError as err:
            raise _graph_failure(err, self._waits) from err
        await self._progress(ref, 70, "ready")
        return Prepared("ready", container, post.version, bool(post.content.options.first_comment))

    async def _restricted(self, ref) -> None:
        """Instagram restricts the account (spam suspicion, a checkpoint): its other posts make
        no call for a day, since each could deepen the restriction (they wait, then try)."""
        await credentials.report_throttled(
            self._scheduler, user_id=ref.user_id, account_id=ref.account_id, seconds=RESTRICTION_PAUSE_SECONDS
        )

    async def _throttled(self, ref, err: graph_errors.GraphApiError) -> float:
        """Instagram said "too many calls": how long to wait, which every worker learns (the
        account's pause, kept by the scheduler)."""
        _count(err, retried=True)
        wait = self._waits.for_usage(err)
        await credentials.report_throttled(
            self._scheduler, user_id=ref.user_id, account_id=ref.account_id, seconds=wait
        )
        return wait

    async def _token_refused(self, ref, credentials, err: graph_errors.GraphApiError) -> None:
        """Instagram refused the account's token: the account needs a reconnect (the scheduler
        tells the user), and the post waits for it."""
        _count(err, retried=True)
        await self._scheduler.ReportTokenRefused(
            scheduler_pb2.TokenRefused(
                user_id=ref.user_id,
                account_id=ref.account_id,
                sealed_access_token=credentials.sealed_access_token,
                reason=err.message or str(err),
            ),
            timeout=10,
        )
        await self._progress(ref, 10, WAITING_FOR_RECONNECT)

    async def _media_items(
        self, ref: PostRef, media, cover: posts_pb2.PostMedia
    ) -> tuple[list[publish_options.Item], str]:
        """Each item as Instagram fetches it (the post's own URL, or a fresh URL of the
        library item's Instagram-ready file, which must still be there, and ready), and the
        reel's cover URL. A library item's kind says whether it is a video, and its alt text
        is the default."""
        ids = [m.media_id for m in [*media, cover] if m.media_id]
        resolved = {}
        if ids:
            reply = await self._media.ResolveMedia(
                media_pb2.ResolveMediaRequest(user_id=ref.user_id, media_ids=ids), timeout=10
            )
            resolved = {item.media_id: item for item in reply.items}

        def library(media_id: str) -> media_pb2.ResolvedItem:
            item = resolved[media_id]
            if not item.found or item.status != "ready" or not item.cdn_url:
                raise _not_retryable(
                    "MediaRejected", f"Media {media_id} is no longer in the library, or not ready"
                )
            return item

        items = []
        for m in media:
            tags = [json_format.MessageToDict(t, preserving_proto_field_name=True) for t in m.user_tags]
            if not m.media_id:
                items.append(
                    publish_options.Item(m.url, publish_options.is_video_url(m.url), m.alt_text, tags)
                )
                continue
            item = library(m.media_id)
            alt_text = m.alt_text if m.HasField("alt_text") else item.alt_text
            items.append(publish_options.Item(item.cdn_url, item.kind == "video", alt_text, tags))
        cover_url = library(cover.media_id).cdn_url if cover.media_id else cover.url
        return items, cover_url

    async def _create(
        self, credentials, post_type: str, items: list[publish_options.Item], parent: dict[str, str], made
    ) -> str:
        """The post's container; containers an earlier attempt made (for the same version)
        are reused while Instagram still has them, instead of made again (an account may make
        400 a day). A carousel's children are awaited until Instagram has processed them:
        their parent cannot be made before."""
        ig, token = credentials.ig_user_id, credentials.access_token
        graph = self._graph.on(credentials.graph_host)

        async def once(key: str, fields: dict[str, str]) -> str:
            if (kept := made.get(key)) and await graph.container_status(kept, token) not in UNUSABLE:
                return kept
            return made.keep(key, await graph.create_container(ig, token, fields))

        if post_type == "carousel":
            children = []
            for n, item in enumerate(items):
                children.append(await once(f"child-{n}", publish_options.carousel_child(item)))
            for child in children:
                await self._wait_ready(graph, child, token)
            parent = parent | {"children": ",".join(children)}
        return await once("parent", parent)

    async def _wait_ready(self, graph: GraphApiClient, container: str, token: str) -> None:
        polls = 0
        while True:
            state, detail = await graph.container_state(container, token)
            if state in ("FINISHED", "PUBLISHED"):
                return
            if state == "ERROR":
                # The subcode in its status decides: a new container, or fail with its words.
                raise graph_errors.container_failure(detail)
            if state == "EXPIRED":
                raise ApplicationError("the container expired before it was ready", type="ContainerExpired")
            polls += 1
            # No heartbeat of its own: the preparation's beats carry the containers made,
            # which details of another shape would replace.
            # Backing off (1, 1, 1, 2, 2, 2, 4, ... up to 8 intervals): a video that takes
            # minutes would otherwise spend the account's call budget on "not yet".
            await asyncio.sleep(self._poll_seconds * min(2 ** (polls // 3), 8))

    @activity.defn(name=publishing.PUBLISH_ACTIVITY)
    async def publish(self, request: PublishInput) -> Published:
        """media_publish, exactly once: an attempt after a failed one first asks the container,
        which says PUBLISHED when the earlier call went through although its answer was lost
        (or its worker died), and is then not published again.

        With `due_at`, everything that can be known early (the post, its account, an earlier
        attempt) is checked first, then the activity holds until the due second: at that
        second only the guarded move to publishing and Instagram's call are left. While it
        holds, cancelling it (the post moved) ends it; once the due second has come, the
        publish runs to its end."""
        # Every few seconds: Temporal passes on at most one heartbeat per 80% of the
        # timeout anyway, and a thousand holds beating every second cost the worker a
        # tenth of its CPU at the due second.
        async with _heartbeating(every=HOLD_BEAT_SECONDS):
            async with self._busy:
                ready = await self._ready_to_publish(request)
            if isinstance(ready, Published):
                return ready
            if request.wait_for_usage and (paused := ready[1].throttled_for()):
                # The account is paused ("too many calls" on another of its steps): the
                # publish waits for the pause to end instead of being refused.
                await self._progress(request, 80, WAITING_FOR_USAGE)
                return Published("throttled", retry_after_seconds=paused)
            if not request.due_at:
                async with self._busy:
                    return await _run_to_the_end(self._publish_now(request, *ready))
            due = datetime.fromisoformat(request.due_at)
            with self._waves.holding(due) as leave:
                await _hold_until(due, activity.info().started_time)
                return await _run_to_the_end(self._publish_in_wave(request, due, leave, *ready))

    async def _publish_in_wave(
        self, request: PublishInput, due: datetime, leave: Callable[[], None], post, credentials
    ) -> Published:
        async with self._busy:
            published = await self._publish_now(request, post, credentials)
        leave()
        await self._waves.gone_out(due)
        return published

    async def _start_many(self, starts: list[_Start]) -> list[ServiceError | None]:
        """The wave's moves to publishing, in two calls: which of its accounts are still
        connected (one may have been disconnected while its publish held), then the guarded
        moves of the posts whose account is."""
        refs = {(one.move.user_id, one.account_id) for one in starts}
        asked = [scheduler_pb2.AccountRef(user_id=user, account_id=account) for user, account in refs]
        connected = await self._scheduler.StillConnected(
            scheduler_pb2.AccountRefs(accounts=asked), timeout=10
        )
        still = {(ref.user_id, ref.account_id) for ref in connected.accounts}
        moving = [one.move for one in starts if (one.move.user_id, one.account_id) in still]
        results = iter(())
        if moving:
            request = posts_pb2.StartPublishingRequest(posts=moving)
            results = iter((await self._posts.StartPublishing(request, timeout=10)).results)
        answers: list[ServiceError | None] = []
        for one in starts:
            if (one.move.user_id, one.account_id) not in still:
                answers.append(ACCOUNT_DISCONNECTED)
                continue
            result = next(results)
            answers.append(from_detail(result.error, "conflict") if result.HasField("error") else None)
        return answers

    async def _ready_to_publish(self, request: PublishInput):
        """(post, credentials) when the post may be published; else the outcome already known."""
        post = await self._post(request)
        credentials = await self._credentials(request)
        if request.wait_for_reauth and credentials.health == "needs_reauth":
            await self._progress(request, 10, WAITING_FOR_RECONNECT)
            return Published("needs_reauth")
        attempt = activity.info().attempt
        if attempt > 1:
            earlier = await self._earlier_attempt(request, post, credentials, attempt)
            if earlier is not None:
                return earlier
        if gone := _off_the_calendar(post):
            return Published(gone)
        if post.version != request.version:
            return Published("stale")
        return post, credentials

    async def _publish_now(self, request: PublishInput, post, credentials) -> Published:
        attempt = activity.info().attempt
        refused = await self._start_publishing(
            _Start(
                request.account_id,
                posts_pb2.PublishingStart(
                    user_id=request.user_id,
                    post_id=request.post_id,
                    expected_version=request.version,
                    # A move marked on the post while the publish held wins, even one the
                    # activity's cancellation has not reached yet.
                    expected_scheduled_for=to_timestamp(datetime.fromisoformat(request.due_at))
                    if request.due_at
                    else None,
                ),
            )
        )
        if refused is ACCOUNT_DISCONNECTED:
            raise _not_retryable("AccountUnavailable", DISCONNECTED_MESSAGE)
        if refused is not None:
            if refused.code == "post_changed_since_prepared":
                return Published("stale")  # edited since the check above: prepare it again
            if refused.code == "post_moved":
                return Published("moved", moved_to=refused.context.get("scheduled_for", ""))
            if refused.code == "awaiting_approval":
                if not request.wait_for_approval:
                    raise _not_retryable("NotApproved", refused.message)
                # Held, nothing published: the workflow waits for an approval.
                await self._progress(request, 80, WAITING_FOR_APPROVAL)
                return Published("awaiting_approval")
            # Deleted or unscheduled since the check above (while held, say).
            if refused.code == "post_changed" and (gone := _off_the_calendar(await self._post(request))):
                return Published(gone)
            raise ApplicationError(f"the post cannot be published now: {refused}", type="PostNotPublishable")
        await self._progress(request, 85, "publishing")
        now = datetime.now(UTC).isoformat()
        try:
            try:
                media_id = await self._graph.on(credentials.graph_host).publish(
                    credentials.ig_user_id, credentials.access_token, request.container_id
                )
            except graph_errors.AuthorizationError:
                if not request.due_at:
                    raise
                # Held for minutes, the token read before may have been rotated since:
                # refused, nothing was published, so ask once more with the current one.
                credentials = await self._credentials(request)
                media_id = await self._graph.on(credentials.graph_host).publish(
                    credentials.ig_user_id, credentials.access_token, request.container_id
                )
        except graph_errors.AuthorizationError as err:
            if not request.wait_for_reauth:
                raise _graph_failure(err, self._waits) from err
            # Refused: nothing was published. The post waits for a reconnect.
            await self._token_refused(request, credentials, err)
            return Published("needs_reauth")
        except graph_errors.ContainerExpired:
            return Published("stale")
        except graph_errors.AccountRestricted as err:
            await self._restricted(request)
            raise _graph_failure(err, self._waits) from err
        except graph_errors.RateLimited as err:
            if not request.wait_for_usage:
                raise _graph_failure(err, self._waits) from err
            # Refused before publishing: nothing went out. A durable wait, not an attempt.
            wait = await self._throttled(request, err)
            await self._progress(request, 85, WAITING_FOR_USAGE)
            return Published("throttled", retry_after_seconds=wait)
        except graph_errors.PublishLimitReached as err:
            if not request.wait_for_quota:
                raise _graph_failure(err, self._waits) from err
            await self._progress(request, 85, "waiting_for_quota")
            return Published("quota", retry_after_seconds=self._waits.publish_limit.total_seconds())
        except graph_errors.GraphApiError as err:
            if err.outcome_unknown and attempt >= self._unknown_after:
                raise _outcome_unknown(err) from err
            raise _graph_failure(err, self._waits) from err
        _observe_lateness(request, post)
        activity.logger.info("post %s published on Instagram as %s", request.post_id, media_id)
        await self._progress(request, 100, "published")
        return Published("published", media_id, "", now)

    async def _earlier_attempt(self, request: PublishInput, post, credentials, attempt: int):
        """Published when an earlier attempt published the container; stale when the container
        expired unpublished; None when publishing it now is safe."""
        try:
            state = await self._graph.on(credentials.graph_host).container_status(
                request.container_id, credentials.access_token
            )
        except graph_errors.GraphApiError as err:
            if attempt >= self._unknown_after:
                raise _outcome_unknown(err) from err
            raise _graph_failure(err, self._waits) from err
        if state == "PUBLISHED":
            activity.logger.warning(
                "container %s already published; not publishing again", request.container_id
            )
            await self._progress(request, 100, "published")
            return await self._published_earlier(post, credentials)
        if state == "EXPIRED":
            return Published("stale")
        return None

    async def _published_earlier(self, post, credentials) -> Published:
        """The media an earlier attempt published, found among the account's latest by its
        caption; without a match the post is published all the same, without media id."""
        caption = _published_caption(post)
        now = datetime.now(UTC).isoformat()
        try:
            recent = await self._graph.on(credentials.graph_host).recent_media(
                credentials.ig_user_id, credentials.access_token, RECENT_MEDIA_SEARCHED
            )
        except graph_errors.GraphApiError as err:
            activity.logger.warning("could not list recent media: %s", err)
            return Published("published", published_at=now)
        for media in recent:
            if caption and media.caption == caption:
                when = media.timestamp.isoformat() if media.timestamp else now
                return Published("published", media.id, media.permalink, when)
        return Published("published", published_at=now)

    @activity.defn(name=publishing.RECONCILE_ACTIVITY)
    async def reconcile(self, request: PublishInput) -> Published:
        """After publish attempts that could not learn their outcome: what Instagram says now.
        Raises (and is retried by the workflow's policy) while Instagram cannot be asked."""
        async with self._busy:
            return await self._reconcile(request)

    async def _reconcile(self, request: PublishInput) -> Published:
        post = await self._post(request)
        credentials = await self._credentials(request)
        try:
            state = await self._graph.on(credentials.graph_host).container_status(
                request.container_id, credentials.access_token
            )
        except graph_errors.GraphApiError as err:
            raise ApplicationError(f"still cannot read the container: {err}", type="OutcomeUnknown") from err
        if state == "PUBLISHED":
            return await self._published_earlier(post, credentials)
        return Published("not_published")

    async def _permalink(self, outcome: Outcome) -> str:
        """After the due second, when it costs no punctuality: the post's public link."""
        try:
            post = await self._post(outcome)
            credentials = await self._credentials(PostRef(outcome.post_id, outcome.user_id, post.account_id))
            return await self._graph.on(credentials.graph_host).permalink(
                outcome.media_id, credentials.access_token
            )
        except (graph_errors.GraphApiError, grpc.aio.AioRpcError, ApplicationError):
            return ""  # published all the same; the link can be looked up later

    @activity.defn(name=publishing.RECORD_RESULT_ACTIVITY)
    async def record_result(self, outcome: Outcome) -> None:
        if outcome.status not in RECORDED_BY_WORKER or outcome.status == PostStatus.PUBLISHING:
            return
        if activity.info().attempt == 1:
            metrics.PUBLISH_OUTCOMES.labels(str(outcome.status)).inc()
        async with self._busy:
            await self._record_result(outcome)

    async def _record_result(self, outcome: Outcome) -> None:
        if outcome.media_id and not outcome.permalink:
            outcome.permalink = await self._permalink(outcome)
        request = posts_pb2.RecordPublishingRequest(
            user_id=outcome.user_id,
            post_id=outcome.post_id,
            status=PostStatus(outcome.status).to_proto(),
            instagram_media_id=outcome.media_id,
            permalink=outcome.permalink,
            published_at=to_timestamp(datetime.fromisoformat(outcome.published_at))
            if outcome.published_at
            else None,
            error=outcome.error,
        )
        try:
            post = await self._posts.RecordPublishing(request, timeout=10)
        except grpc.aio.AioRpcError as err:
            if err.code() != grpc.StatusCode.ABORTED:
                raise
            # The post moved on (deleted, unscheduled): nothing left to record.
            activity.logger.info("post %s not updated: %s", outcome.post_id, err.details())
            return
        if outcome.status == PostStatus.PUBLISHED and self._on_published is not None:
            await self._on_published(post)
