"""gRPC face of the scheduler service: translates requests into calls on its modules."""

from datetime import UTC, timedelta

from lib.common import member_scope
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.grpc_errors import rpc_handlers
from lib.common.ids import parse_id
from lib.common.proto_time import from_timestamp, to_timestamp
from lib.common.token_vault import TokenVault
from lib.instagram.graph_api import GraphApiClient
from lib.instagram.meta_login import MetaLogin
from protos import scheduler_pb2, scheduler_pb2_grpc
from services.scheduler import (
    accounts,
    audience,
    best_times,
    bulk,
    imports,
    moves,
    profile_media,
    schedule_templates,
    throttles,
)
from services.scheduler.account_health import AccountHealth
from services.scheduler.audit_trail import AuditTrail
from services.scheduler.messages import (
    account_message,
    audience_message,
    bulk_result_message,
    login_result_message,
    publishing_status_message,
    reconcile_report_message,
    schedule_template_message,
    series_message,
    suggestions_message,
)
from services.scheduler.meta_logins import Logins
from services.scheduler.preflight import Preflight
from services.scheduler.reconciler import Reconciler
from services.scheduler.scheduling import Scheduler
from services.scheduler.series import SeriesManager

# Instagram's words about a refused token, as kept on the account.
MAX_REASON_LENGTH = 1000


@rpc_handlers
class SchedulerServicer(scheduler_pb2_grpc.SchedulerServicer):
    def __init__(
        self,
        db: Database,
        graph: GraphApiClient,
        vault: TokenVault,
        scheduler: Scheduler,
        series: SeriesManager,
        settings: Settings,
        audit: AuditTrail,
        logins: Logins,
        login: MetaLogin,
        health: AccountHealth,
        reconciler: Reconciler,
        preflight: Preflight,
    ) -> None:
        self._preflight = preflight
        self._reconciler = reconciler
        self._health = health
        self._logins = logins
        self._login = login
        self._audit = audit
        self._series = series
        self._settings = settings
        self._db = db
        self._graph = graph
        self._vault = vault
        self._scheduler = scheduler

    async def ConnectAccount(self, request, context):
        account = await accounts.connect(
            db=self._db,
            graph=self._graph,
            vault=self._vault,
            user_id=parse_id(request.user_id, "User"),
            ig_user_id=request.ig_user_id,
            access_token=request.access_token,
            audit=self._audit,
            events=self._health.events,
            login_type=request.login_type,
            login=self._login,
        )
        await self._health.reconnected(account)
        return account_message(account, self._settings)

    async def StartLogin(self, request, context):
        started = await self._logins.start(
            user_id=parse_id(request.user_id, "User"), login_type=request.login_type
        )
        return scheduler_pb2.LoginStarted(
            id=str(started.id),
            login_type=started.login_type,
            authorize_url=started.authorize_url,
            expires_at=to_timestamp(started.expires_at),
        )

    async def CompleteLogin(self, request, context):
        done = await self._logins.complete(
            user_id=parse_id(request.user_id, "User"),
            state=request.state,
            code=request.code,
            error=request.error,
            error_description=request.error_description,
        )
        return login_result_message(done, self._settings)

    async def ChooseLoginAccounts(self, request, context):
        done = await self._logins.choose(
            user_id=parse_id(request.user_id, "User"),
            login_id=parse_id(request.login_id, "Login"),
            ig_user_ids=list(request.ig_user_ids),
        )
        return login_result_message(done, self._settings)

    @member_scope.scoped
    async def ListAccounts(self, request, context):
        rows = await accounts.list_connected(db=self._db, user_id=parse_id(request.user_id, "User"))
        # A member limited to some accounts sees those.
        shown = [a for a in rows if member_scope.allows(a.id)]
        return scheduler_pb2.AccountList(accounts=[account_message(a, self._settings) for a in shown])

    async def UpdateAccount(self, request, context):
        account = await accounts.change_settings(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            account_id=parse_id(request.account_id, "Account"),
            min_gap_minutes=request.min_gap_minutes if request.HasField("min_gap_minutes") else None,
            is_default=request.is_default if request.HasField("is_default") else None,
        )
        return account_message(account, self._settings)

    async def GetPublishingCredentials(self, request, context):
        found = await accounts.sealed_credentials(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            account_id=parse_id(request.account_id, "Account"),
        )
        return scheduler_pb2.PublishingCredentials(
            ig_user_id=found.ig_user_id,
            sealed_access_token=found.sealed_access_token,
            graph_host=found.graph_host,
            health=found.health,
            throttled_until=to_timestamp(found.throttled_until),
        )

    async def ReportThrottled(self, request, context):
        until = await throttles.report(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            account_id=parse_id(request.account_id, "Account"),
            until=from_timestamp(request, "until"),
        )
        return scheduler_pb2.ThrottleReport(
            user_id=request.user_id, account_id=request.account_id, until=to_timestamp(until)
        )

    async def ReportTokenRefused(self, request, context):
        changed = await self._health.token_refused(
            user_id=parse_id(request.user_id, "User"),
            account_id=parse_id(request.account_id, "Account"),
            sealed_token=request.sealed_access_token,
            reason=request.reason[:MAX_REASON_LENGTH],
        )
        return scheduler_pb2.TokenRefusedResult(changed=changed is not None)

    async def KeepAccountsConnected(self, request, context):
        as_of = request.as_of.ToDatetime(tzinfo=UTC) if request.HasField("as_of") else None
        kept = await self._health.keep_connected(as_of)
        return scheduler_pb2.KeepAccountsConnectedResult(
            refreshed=kept.refreshed, checked=kept.checked, needs_reauth=kept.needs_reauth, warned=kept.warned
        )

    async def ReconcileSchedules(self, request, context):
        return reconcile_report_message(await self._reconciler.run())

    async def StillConnected(self, request, context):
        asked = [(parse_id(a.user_id, "User"), parse_id(a.account_id, "Account")) for a in request.accounts]
        connected = await accounts.still_connected(db=self._db, accounts=asked)
        return scheduler_pb2.AccountRefs(
            accounts=[
                scheduler_pb2.AccountRef(user_id=str(user_id), account_id=str(account_id))
                for user_id, account_id in connected
            ]
        )

    async def _scheduled(self, request, move: bool):
        call = self._scheduler.reschedule if move else self._scheduler.schedule
        scheduled = await call(
            user_id=parse_id(request.user_id, "User"),
            post_id=request.post_id,
            account_id=request.account_id,
            local=request.local_time,
            zone=request.timezone,
            prefer=request.prefer,
        )
        return scheduler_pb2.ScheduleResult(
            post_id=request.post_id,
            scheduled_for=to_timestamp(scheduled.resolved.utc),
            local_time=scheduled.resolved.local.isoformat(),
            timezone=scheduled.resolved.zone,
            ambiguity=scheduled.resolved.ambiguity or None,
            optimal_score=scheduled.score,
            warnings=scheduled.warnings,
        )

    @member_scope.scoped
    async def SchedulePost(self, request, context):
        return await self._scheduled(request, move=False)

    @member_scope.scoped
    async def ReschedulePost(self, request, context):
        return await self._scheduled(request, move=True)

    @member_scope.scoped
    async def UnschedulePost(self, request, context):
        post = await self._scheduler.unschedule(
            user_id=parse_id(request.user_id, "User"), post_id=request.post_id
        )
        return scheduler_pb2.UnscheduleResult(post_id=post.id, status=post.status)

    async def RetryFirstComment(self, request, context):
        post = await self._scheduler.retry_first_comment(
            user_id=parse_id(request.user_id, "User"), post_id=request.post_id
        )
        return scheduler_pb2.FirstCommentRetry(
            post_id=post.id, status="pending", attempts=post.first_comment.attempts
        )

    async def GetPublishingStatus(self, request, context):
        state = await self._scheduler.status(
            user_id=parse_id(request.user_id, "User"), post_id=request.post_id
        )
        return publishing_status_message(state)

    @member_scope.scoped
    async def BulkSchedule(self, request, context):
        results = await bulk.run(
            self._scheduler,
            user_id=parse_id(request.user_id, "User"),
            action=request.action,
            post_ids=list(request.post_ids),
            account_id=request.account_id,
            zone=request.timezone,
            start=request.start_time,
            interval_minutes=request.interval_minutes,
            times=list(request.times),
            prefer=request.prefer,
            max_items=self._settings.bulk_max_items,
        )
        return bulk_result_message(results)

    @member_scope.scoped
    async def MovePosts(self, request, context):
        done = await moves.move(
            self._scheduler,
            user_id=parse_id(request.user_id, "User"),
            moves=[moves.Move(m.post_id, m.scheduled_time, m.timezone) for m in request.moves],
            prefer=request.prefer,
            dry_run=request.dry_run,
        )
        return scheduler_pb2.MovePostsResult(
            moved=[
                scheduler_pb2.Moved(
                    post_id=one.move.post_id,
                    status=one.post.status,
                    scheduled_for=to_timestamp(one.scheduled.resolved.utc),
                    local_time=one.scheduled.resolved.local.isoformat(),
                    timezone=one.scheduled.resolved.zone,
                    planned=one.planned,
                    optimal_score=None if one.planned else one.scheduled.score,
                )
                for one in done
            ]
        )

    async def SuggestTimes(self, request, context):
        found = await best_times.suggest(
            self._scheduler,
            self._scheduler.audiences,
            user_id=parse_id(request.user_id, "User"),
            account_id=request.account_id,
            zone=request.timezone,
            start=request.start_date,
            end=request.end_date,
            count=request.count,
            post_type=request.post_type,
        )
        return suggestions_message(found, request.post_type)

    @staticmethod
    def _template_fields(request) -> schedule_templates.TemplateFields:
        return schedule_templates.TemplateFields(
            request.name, request.timezone, [(s.weekday, s.time) for s in request.slots]
        )

    async def CreateScheduleTemplate(self, request, context):
        created = await schedule_templates.create(
            self._db, user_id=parse_id(request.user_id, "User"), fields=self._template_fields(request)
        )
        return schedule_template_message(created)

    async def ListScheduleTemplates(self, request, context):
        found = await schedule_templates.list_of(self._db, user_id=parse_id(request.user_id, "User"))
        return scheduler_pb2.ScheduleTemplateList(items=[schedule_template_message(t) for t in found])

    async def GetScheduleTemplate(self, request, context):
        found = await schedule_templates.get(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            template_id=parse_id(request.template_id, "Schedule template"),
        )
        return schedule_template_message(found)

    async def UpdateScheduleTemplate(self, request, context):
        changed = await schedule_templates.replace(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            template_id=parse_id(request.template_id, "Schedule template"),
            fields=self._template_fields(request),
        )
        return schedule_template_message(changed)

    async def DeleteScheduleTemplate(self, request, context):
        removed = await schedule_templates.remove(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            template_id=parse_id(request.template_id, "Schedule template"),
        )
        return schedule_template_message(removed)

    @member_scope.scoped
    async def ApplyScheduleTemplate(self, request, context):
        results = await schedule_templates.apply(
            self._scheduler,
            user_id=parse_id(request.user_id, "User"),
            template_id=parse_id(request.template_id, "Schedule template"),
            post_ids=list(request.post_ids),
            account_id=request.account_id,
            start_date=request.start_date,
            max_items=self._settings.bulk_max_items,
        )
        return bulk_result_message(results)

    async def GetAudienceModel(self, request, context):
        user_id = parse_id(request.user_id, "User")
        account_id, model = await audience.for_calendar(
            self._scheduler.audiences,
            self._db,
            user_id=user_id,
            account_id=request.account_id,
            zone=await self._scheduler.zone_for(user_id, ""),
        )
        return scheduler_pb2.AudienceModelParams(
            account_id=str(account_id) if account_id else "",
            zone=model.zone,
            own_weight=model.own_weight,
            hour_lift=model.hour_lift,
            day_lift=model.day_lift,
            samples=model.samples,
        )

    async def ListProfileMedia(self, request, context):
        now = await profile_media.latest(
            db=self._db,
            vault=self._vault,
            graph=self._graph,
            user_id=parse_id(request.user_id, "User"),
            account_id=parse_id(request.account_id, "Account"),
            limit=request.limit or 12,
        )
        return scheduler_pb2.ProfileMediaList(
            items=[
                scheduler_pb2.ProfileMediaItem(
                    id=m.id,
                    media_type=m.media_type,
                    product_type=m.product_type,
                    media_url=m.media_url,
                    thumbnail_url=m.thumbnail_url,
                    permalink=m.permalink,
                    caption=m.caption,
                    published_at=to_timestamp(m.timestamp),
                )
                for m in now.media
            ],
            unavailable=now.unavailable,
            takes_unassigned=now.takes_unassigned,
        )

    async def CheckPostNow(self, request, context):
        view, _ = await self._preflight.run(
            str(parse_id(request.user_id, "User")), str(parse_id(request.post_id, "Post")), "now"
        )
        return view

    async def PreflightRound(self, request, context):
        workspace = str(parse_id(request.user_id, "User")) if request.user_id else ""
        checked, failed = await self._preflight.round(min(request.limit or 50, 500), workspace)
        return scheduler_pb2.PreflightRoundResult(checked=checked, failed=failed)

    async def StartImport(self, request, context):
        parse_id(request.import_id, "Import")
        started = await imports.start(
            self._scheduler.temporal,
            self._settings,
            user_id=str(parse_id(request.user_id, "User")),
            import_id=request.import_id,
        )
        return scheduler_pb2.StartImportResult(started=started)

    async def AudienceDue(self, request, context):
        rows = await audience.due(
            self._db, stale_after=timedelta(seconds=request.stale_after_seconds), limit=request.limit or 20
        )
        return scheduler_pb2.AccountRefs(
            accounts=[scheduler_pb2.AccountRef(user_id=str(a.user_id), account_id=str(a.id)) for a in rows]
        )

    async def RecordAudience(self, request, context):
        user_id = parse_id(request.user_id, "User")
        account = await accounts.connected(db=self._db, user_id=user_id, account_id=request.account_id)
        fitted = await audience.record(
            self._db,
            account=account,
            zone=await self._scheduler.zone_for(user_id, ""),
            followers=request.followers,
            media=[
                audience.Media(m.media_id, m.media_type, m.published_at.ToDatetime(tzinfo=UTC), m.engagement)
                for m in request.media
            ],
        )
        return audience_message(str(account.id), fitted)

    async def DisconnectAccount(self, request, context):
        account = await accounts.disconnect(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            account_id=parse_id(request.account_id, "Account"),
            audit=self._audit,
            events=self._health.events,
        )
        return account_message(account, self._settings)

    async def _series_change(self, request, call):
        view = await call(
            user_id=parse_id(request.user_id, "User"),
            post_id=request.post_id,
            account_id=request.account_id,
            rrule=request.rrule,
            start=request.start_time,
            zone=request.timezone,
        )
        return series_message(view)

    @member_scope.scoped
    async def StartSeries(self, request, context):
        return await self._series_change(request, self._series.start)

    @member_scope.scoped
    async def ChangeSeries(self, request, context):
        return await self._series_change(request, self._series.change)

    async def StopSeries(self, request, context):
        view = await self._series.stop(user_id=parse_id(request.user_id, "User"), post_id=request.post_id)
        return series_message(view)

    async def GetSeries(self, request, context):
        view = await self._series.get(user_id=parse_id(request.user_id, "User"), post_id=request.post_id)
        return series_message(view)
