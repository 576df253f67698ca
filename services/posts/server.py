"""gRPC face of the posts service: translates requests into calls on the domain modules."""

import uuid
from datetime import UTC, datetime, timedelta

from lib.common import member_scope, proto_struct, workspace_zone
from lib.common.bulk_requests import item_error
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.errors import invalid_field
from lib.common.grpc_errors import rpc_handlers, to_detail
from lib.common.ids import parse_id
from lib.common.outbox import Outbox
from lib.common.proto_time import from_timestamp, to_timestamp
from lib.post_status import PostStatus
from protos import (
    media_pb2_grpc,
    posts_pb2,
    posts_pb2_grpc,
    scheduler_pb2_grpc,
    users_pb2_grpc,
)
from services.posts import (
    analytics,
    approval_rules,
    approvals,
    autosave,
    bulk,
    calendar,
    calendar_feed,
    campaigns,
    comments,
    csv_import,
    exports,
    first_comments,
    hashtag_groups,
    hashtags,
    imports,
    library_media,
    listing,
    media_refs,
    metrics,
    occurrences,
    planned,
    planning_settings,
    preflight,
    profile_grid,
    publishing,
    reminders,
    report_files,
    report_schedules,
    review_links,
    schedule_records,
    store,
    templates,
    versions,
)
from services.posts.messages import (
    analytics_message,
    calendar_message,
    campaign_message,
    client_item,
    comment_message,
    content_from,
    content_message,
    gaps_message,
    grid_message,
    hashtag_group_message,
    import_check_message,
    import_message,
    metrics_sample,
    post_message,
    report_schedule_message,
    review_action,
    review_link_message,
    schedule_record,
    timeline_message,
    version_message,
    warning_messages,
)


def _ids(request):
    return parse_id(request.user_id, "User"), parse_id(request.post_id, "Post")


def _actor(request) -> uuid.UUID | None:
    return parse_id(request.actor_id, "Member") if request.actor_id else None


def _content_paths(paths) -> list[str]:
    """The content fields an update mask names (media_urls is another way to say media)."""
    return ["media" if path == "media_urls" else path for path in paths]


def _result(saved: store.Saved) -> posts_pb2.PostResult:
    return posts_pb2.PostResult(post=post_message(saved.post), warnings=warning_messages(saved.warnings))


def _draft_message(post_id: str, draft: autosave.Draft | None) -> posts_pb2.Autosave:
    if draft is None:
        return posts_pb2.Autosave(post_id=post_id, exists=False)
    return posts_pb2.Autosave(
        post_id=post_id,
        content=content_message(draft.content),
        base_version=draft.base_version,
        saved_at=to_timestamp(draft.saved_at),
        exists=True,
    )


@rpc_handlers
class PostsServicer(posts_pb2_grpc.PostsServicer):
    def __init__(
        self,
        db: Database,
        settings: Settings,
        events: Outbox,
        media: media_pb2_grpc.MediaStub,
        users: users_pb2_grpc.UsersStub,
        scheduler: scheduler_pb2_grpc.SchedulerStub,
    ) -> None:
        self._scheduler = scheduler
        self._media = media
        self._users = users
        self._db = db
        self._settings = settings
        self._events = events

    async def _content(self, user_id, message: posts_pb2.PostContent):
        """The content a request carries, with the brief's media_urls made media items."""
        content = content_from(message)
        if message.media_urls:
            named = await media_refs.media_from(self._media, user_id, list(message.media_urls))
            if content.media and content.media != named:
                raise invalid_field("media_urls", "names other media than media does; send one of the two")
            content.media = named
        return content

    async def _planned(self, user_id, text: str, zone: str):
        """(instant, zone) of a planned time, or (None, None) for none."""
        if not text.strip():
            return None, None
        return await planned.resolve(self._users, user_id, text, zone)

    async def CreatePost(self, request, context):
        user_id = parse_id(request.user_id, "User")
        content = await self._content(user_id, request.content)
        when, zone = await self._planned(user_id, request.planned_time, request.planned_timezone)
        campaign = await campaigns.chosen(self._db, user_id=user_id, campaign_id=request.campaign_id)
        saved = await store.create(
            db=self._db, user_id=user_id, content=content, reason=request.change_reason
        )
        if when is not None:
            await planned.set_planned(self._db, post=saved.post, when=when, zone=zone)
        if campaign is not None:
            await campaigns.assign(self._db, post=saved.post, target=campaign)
        saved.warnings += await library_media.draft_warnings(self._media, user_id, saved.post.media)
        saved.warnings += await hashtags.history_warnings(self._db, user_id=user_id, post=saved.post)
        return _result(saved)

    async def GetPost(self, request, context):
        user_id, post_id = _ids(request)
        saved = await store.get(
            db=self._db, user_id=user_id, post_id=post_id, include_deleted=request.include_deleted
        )
        message = post_message(saved.post, saved.autosaved_at)
        if saved.post.published_at is not None and (
            latest := await metrics.latest(self._db, post_id=post_id)
        ):
            message.metrics.CopyFrom(metrics_sample(latest))
        return message

    async def UpdatePost(self, request, context):
        user_id, post_id = _ids(request)
        fields = _content_paths(request.update_mask.paths)
        plans = planned.FIELD in request.update_mask.paths
        when, zone = await self._planned(user_id, request.planned_time, request.planned_timezone)
        if plans:
            planned.check_can_plan(await store.read(self._db, user_id=user_id, post_id=post_id), when)
        regroups = "campaign_id" in request.update_mask.paths
        campaign = await campaigns.chosen(self._db, user_id=user_id, campaign_id=request.campaign_id)
        saved = await store.update(
            db=self._db,
            user_id=user_id,
            post_id=post_id,
            base_version=request.base_version,
            changes=await self._content(user_id, request.content),
            changed_fields=fields,
            reason=request.change_reason,
            may_publish=not request.writer_may_not_publish,
        )
        if plans:
            await planned.set_planned(self._db, post=saved.post, when=when, zone=zone)
        if regroups:
            await campaigns.assign(self._db, post=saved.post, target=campaign)
        await approvals.void_if_changed(self._db, self._events, saved.post, _actor(request))
        saved.warnings += await library_media.draft_warnings(self._media, user_id, saved.post.media)
        if "hashtags" in fields:  # a caption-only edit is not compared again (it runs on every save)
            saved.warnings += await hashtags.history_warnings(self._db, user_id=user_id, post=saved.post)
        return _result(saved)

    async def DeletePost(self, request, context):
        user_id, post_id = _ids(request)
        return post_message(
            await store.set_deleted(db=self._db, user_id=user_id, post_id=post_id, deleted=True)
        )

    async def RestorePost(self, request, context):
        user_id, post_id = _ids(request)
        return post_message(
            await store.set_deleted(db=self._db, user_id=user_id, post_id=post_id, deleted=False)
        )

    async def ListVersions(self, request, context):
        user_id, post_id = _ids(request)
        rows = await versions.list_versions(db=self._db, user_id=user_id, post_id=post_id)
        return posts_pb2.VersionList(versions=[version_message(r) for r in rows])

    async def GetVersion(self, request, context):
        user_id, post_id = _ids(request)
        row = await versions.get_version(
            db=self._db, user_id=user_id, post_id=post_id, number=request.version
        )
        return version_message(row)

    async def DiffVersions(self, request, context):
        user_id, post_id = _ids(request)
        changes = await versions.diff(
            db=self._db,
            user_id=user_id,
            post_id=post_id,
            from_number=request.from_version,
            to_number=request.to_version,
        )
        return posts_pb2.VersionDiff(
            from_version=request.from_version,
            to_version=request.to_version,
            changes=[
                posts_pb2.FieldChange(
                    field=c.field,
                    before=None if c.before is None else proto_struct.value(c.before),
                    after=None if c.after is None else proto_struct.value(c.after),
                    added=None if c.added is None else proto_struct.list_value(c.added),
                    removed=None if c.removed is None else proto_struct.list_value(c.removed),
                    text_diff=c.text_diff or None,
                )
                for c in changes
            ],
        )

    async def RestoreVersion(self, request, context):
        user_id, post_id = _ids(request)
        saved = await versions.restore_version(
            db=self._db,
            user_id=user_id,
            post_id=post_id,
            number=request.version,
            base_version=request.base_version,
            may_publish=not request.writer_may_not_publish,
        )
        await approvals.void_if_changed(self._db, self._events, saved.post, None)
        return _result(saved)

    async def SaveAutosave(self, request, context):
        user_id, post_id = _ids(request)
        draft = await autosave.save(
            db=self._db,
            user_id=user_id,
            post_id=post_id,
            changes=await self._content(user_id, request.content),
            changed_fields=_content_paths(request.update_mask.paths),
            base_version=request.base_version,
        )
        return _draft_message(request.post_id, draft)

    async def GetAutosave(self, request, context):
        user_id, post_id = _ids(request)
        draft = await autosave.get(db=self._db, user_id=user_id, post_id=post_id)
        return _draft_message(request.post_id, draft)

    async def DiscardAutosave(self, request, context):
        user_id, post_id = _ids(request)
        await autosave.discard(db=self._db, user_id=user_id, post_id=post_id)
        return _draft_message(request.post_id, None)

    async def CommitAutosave(self, request, context):
        user_id, post_id = _ids(request)
        saved = await autosave.commit(
            db=self._db,
            user_id=user_id,
            post_id=post_id,
            reason=request.change_reason,
            may_publish=not request.writer_may_not_publish,
        )
        await approvals.void_if_changed(self._db, self._events, saved.post, None)
        return _result(saved)

    async def DuplicatePost(self, request, context):
        user_id, post_id = _ids(request)
        post = await templates.duplicate(
            db=self._db,
            user_id=user_id,
            post_id=post_id,
            template_name=request.template_name or None,
        )
        return post_message(post)

    async def ListTemplates(self, request, context):
        rows = await templates.list_templates(db=self._db, user_id=parse_id(request.user_id, "User"))
        return posts_pb2.PostList(items=[post_message(p) for p in rows])

    async def InstantiateTemplate(self, request, context):
        post = await templates.instantiate(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            template_name=request.template_name,
        )
        return post_message(post)

    async def BulkAction(self, request, context):
        results = await bulk.run(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            action=request.action,
            post_ids=list(request.post_ids),
            tags=list(request.tags),
            max_items=self._settings.bulk_max_items,
        )
        return posts_pb2.BulkActionResult(
            results=[
                posts_pb2.BulkItemResult(
                    post_id=r.post_id,
                    ok=r.ok,
                    error=item_error(r),
                    post=post_message(r.value) if r.value is not None else None,
                )
                for r in results
            ],
            succeeded=sum(r.ok for r in results),
            failed=sum(not r.ok for r in results),
        )

    def _listing_query(self, request) -> listing.Query:
        return listing.Query(
            statuses=[PostStatus.from_proto(s) for s in request.statuses],
            post_types=list(request.post_types),
            tags=list(request.tags),
            tags_mode=request.tags_mode or "any",
            text=request.query,
            created_from=from_timestamp(request, "created_from"),
            created_to=from_timestamp(request, "created_to"),
            scheduled_from=from_timestamp(request, "scheduled_from"),
            scheduled_to=from_timestamp(request, "scheduled_to"),
            include_deleted=request.include_deleted,
            deleted_only=request.deleted_only,
            include_templates=request.include_templates,
            account_id=request.account_id,
            series_id=request.series_id,
            media_id=request.media_id,
            sort=request.sort or "created_at",
            order=request.order or "desc",
            cursor=request.cursor,
            limit=request.limit if request.HasField("limit") else self._settings.list_default_limit,
        )

    async def ListPosts(self, request, context):
        query = self._listing_query(request)
        page = await listing.search(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            query=query,
            max_limit=self._settings.list_max_limit,
        )
        return posts_pb2.PostList(items=[post_message(p) for p in page.items], next_cursor=page.next_cursor)

    async def ExportPosts(self, request, context):
        found = await exports.posts_csv(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            query=self._listing_query(request),
            max_limit=self._settings.list_max_limit,
        )
        return posts_pb2.CsvExport(csv=found.csv, rows=found.rows, truncated=found.truncated)

    async def ExportAnalytics(self, request, context):
        user_id = parse_id(request.user_id, "User")
        found = await exports.analytics_csv(
            self._db,
            user_id=user_id,
            start=request.start_date,
            end=request.end_date,
            zone=request.timezone or await workspace_zone.of_workspace(self._users, user_id),
            account_id=request.account_id,
        )
        return posts_pb2.CsvExport(csv=found.csv, rows=found.rows, truncated=found.truncated)

    async def SuggestHashtags(self, request, context):
        suggested = await hashtags.suggest(
            db=self._db,
            user_id=parse_id(request.user_id, "User"),
            caption=request.caption,
            hashtags=list(request.hashtags),
            limit=request.limit if request.HasField("limit") else 10,
        )
        return posts_pb2.HashtagSuggestions(
            suggestions=[
                posts_pb2.HashtagSuggestion(hashtag=s.hashtag, score=s.score, uses=s.uses, reason=s.reason)
                for s in suggested.suggestions
            ],
            warnings=warning_messages(suggested.warnings),
        )

    async def _calendar_query(self, request) -> calendar.CalendarQuery:
        user_id = parse_id(request.user_id, "User")
        return calendar.query_of(
            user_id=user_id,
            start=request.start_date,
            end=request.end_date,
            view=request.view_type or "month",
            zone=request.timezone or await workspace_zone.of_workspace(self._users, user_id),
            account_id=request.account_id,
            statuses=[PostStatus.from_proto(s) for s in request.statuses],
            post_types=list(request.post_types),
            tags=list(request.tags),
            campaign_id=request.campaign_id,
        )

    async def GetCalendar(self, request, context):
        query = await self._calendar_query(request)
        view = await calendar.build(
            db=self._db, media=self._media, scheduler=self._scheduler, query=query, now=datetime.now(UTC)
        )
        return calendar_message(view)

    async def GetProfileGrid(self, request, context):
        user_id = parse_id(request.user_id, "User")
        zone = request.timezone or await workspace_zone.of_workspace(self._users, user_id)
        grid = await profile_grid.build(
            db=self._db,
            media=self._media,
            scheduler=self._scheduler,
            user_id=user_id,
            account_id=request.account_id,
            published=request.published,
            zone=zone,
            now=datetime.now(UTC),
        )
        return grid_message(grid)

    async def RenderReport(self, request, context):
        user_id = parse_id(request.user_id, "User")
        made = await report_files.make(
            db=self._db,
            scheduler=self._scheduler,
            user_id=user_id,
            start=request.start_date,
            end=request.end_date,
            zone=request.timezone or await workspace_zone.of_workspace(self._users, user_id),
            account_ids=list(request.account_ids),
            file_format=request.format,
            title=request.title,
        )
        return posts_pb2.ReportFile(
            content=made.content, filename=made.filename, content_type=made.content_type
        )

    async def CreateReportSchedule(self, request, context):
        user_id = parse_id(request.user_id, "User")
        made = await report_schedules.create(
            self._db,
            user_id=user_id,
            actor_id=parse_id(request.actor_id or request.user_id, "Actor"),
            name=request.name,
            frequency=request.frequency,
            recipients=list(request.recipients),
            account_ids=list(request.account_ids),
            zone=request.timezone or await workspace_zone.of_workspace(self._users, user_id),
            known_accounts=set(await report_files.account_names(self._scheduler, user_id)),
            now=datetime.now(UTC),
        )
        return report_schedule_message(made)

    async def ListReportSchedules(self, request, context):
        found = await report_schedules.list_of(self._db, user_id=parse_id(request.user_id, "User"))
        return posts_pb2.ReportScheduleList(items=[report_schedule_message(s) for s in found])

    async def DeleteReportSchedule(self, request, context):
        await report_schedules.remove(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            schedule_id=parse_id(request.schedule_id, "Report schedule"),
        )
        return posts_pb2.ReportSchedule(id=request.schedule_id)

    async def SendReportNow(self, request, context):
        found = await report_schedules.send_now(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            schedule_id=parse_id(request.schedule_id, "Report schedule"),
            now=datetime.now(UTC),
        )
        return report_schedule_message(found)

    async def DueReports(self, request, context):
        found = await report_schedules.due(
            self._db, now=datetime.now(UTC), limit=min(request.limit or 20, 100)
        )
        return posts_pb2.DueReportList(
            items=[
                posts_pb2.DueReport(
                    schedule=report_schedule_message(d.schedule),
                    start_date=d.start.isoformat(),
                    end_date=d.end.isoformat(),
                )
                for d in found
            ]
        )

    async def MarkReportSent(self, request, context):
        marked = await report_schedules.mark_sent(
            self._db,
            schedule_id=parse_id(request.schedule_id, "Report schedule"),
            run_at=from_timestamp(request, "run_at"),
            error=request.error,
            now=datetime.now(UTC),
        )
        return posts_pb2.MarkReportSentResult(marked=marked)

    async def SendDueReminders(self, request, context):
        sent, missed = await reminders.send_due(
            self._db,
            self._events,
            now=datetime.now(UTC),
            missed_after=timedelta(seconds=request.missed_after_seconds or 86400),
            limit=min(request.limit or 200, 1000),
        )
        return posts_pb2.SendRemindersResult(sent=sent, missed=missed)

    async def MarkReminderDone(self, request, context):
        user_id, post_id = _ids(request)
        post = await reminders.mark_done(
            self._db, self._events, user_id=user_id, post_id=post_id, now=datetime.now(UTC)
        )
        return post_message(post)

    async def PreflightDue(self, request, context):
        found = await preflight.due(
            self._db,
            now=datetime.now(UTC),
            limit=min(request.limit or 50, 500),
            user_id=parse_id(request.user_id, "User") if request.user_id else None,
        )
        return posts_pb2.PreflightDueList(
            items=[
                posts_pb2.PreflightDuePost(user_id=str(user_id), post_id=str(post_id), stage=stage)
                for user_id, post_id, stage in found
            ]
        )

    async def RecordPreflight(self, request, context):
        user_id, post_id = _ids(request)
        kept = await preflight.record(
            self._db,
            self._events,
            user_id=user_id,
            post_id=post_id,
            version=request.version,
            checked_for=from_timestamp(request, "checked_for"),
            stage=request.stage,
            checks=[preflight.Check(c.check, c.ok, c.message) for c in request.checks],
            now=datetime.now(UTC),
        )
        return posts_pb2.RecordPreflightResult(kept=kept)

    async def _import_zone(self, request) -> tuple[uuid.UUID, str]:
        user_id = parse_id(request.user_id, "User")
        return user_id, request.timezone or await workspace_zone.of_workspace(self._users, user_id)

    def _checker(self, user_id: uuid.UUID, request, zone: str):
        """The file's check, run when it is needed (not for a file imported before)."""
        return lambda: csv_import.check(
            db=self._db,
            media=self._media,
            scheduler=self._scheduler,
            user_id=user_id,
            text=request.csv,
            zone=zone,
            schedule=request.schedule,
            now=datetime.now(UTC),
        )

    @member_scope.scoped
    async def CheckImport(self, request, context):
        user_id, zone = await self._import_zone(request)
        return import_check_message(await self._checker(user_id, request, zone)(), zone)

    @member_scope.scoped
    async def CreateImport(self, request, context):
        user_id, zone = await self._import_zone(request)
        job, repeated = await imports.start_import(
            self._db,
            self._scheduler,
            check=self._checker(user_id, request, zone),
            user_id=user_id,
            actor_id=parse_id(request.actor_id or request.user_id, "Actor"),
            text=request.csv,
            zone=zone,
            schedule=request.schedule,
            filename=request.filename,
        )
        return import_message(
            *await imports.get(self._db, user_id=user_id, import_id=job.id), repeated=repeated
        )

    async def AdvanceImport(self, request, context):
        user_id, waiting = await imports.advance(
            self._db, self._events, import_id=parse_id(request.import_id, "Import"), limit=request.limit or 25
        )
        return posts_pb2.AdvanceImportResult(
            user_id=str(user_id),
            to_schedule=[
                posts_pb2.ImportToSchedule(
                    row=w.row,
                    post_id=str(w.post_id),
                    local_time=w.local_time,
                    timezone=w.zone,
                    account_id=w.account_id,
                )
                for w in waiting
            ],
        )

    async def RecordImportOutcomes(self, request, context):
        done = await imports.record(
            self._db,
            self._events,
            import_id=parse_id(request.import_id, "Import"),
            outcomes=[(o.row, o.outcome, o.message) for o in request.outcomes],
        )
        return posts_pb2.RecordImportResult(done=done)

    async def GetImport(self, request, context):
        found = await imports.get(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            import_id=parse_id(request.import_id, "Import"),
        )
        return import_message(*found)

    async def ListImports(self, request, context):
        found = await imports.list_of(self._db, user_id=parse_id(request.user_id, "User"))
        return posts_pb2.ImportList(items=[import_message(job, counts, []) for job, counts in found])

    async def GetContentGaps(self, request, context):
        query = await self._calendar_query(request)
        found = await calendar.gaps_of(
            db=self._db, scheduler=self._scheduler, query=query, now=datetime.now(UTC)
        )
        return gaps_message(found)

    async def GetCalendarAnalytics(self, request, context):
        query = await self._calendar_query(request)
        return analytics_message(await analytics.build(db=self._db, query=query))

    async def IssueCalendarFeed(self, request, context):
        issued = await calendar_feed.issue(self._db, user_id=parse_id(request.user_id, "User"))
        return posts_pb2.CalendarFeed(
            active=True,
            url=f"{self._settings.public_base_url}/api/v1/calendar/feed/{issued.token}.ics",
            created_at=to_timestamp(issued.created_at),
        )

    async def GetCalendarFeed(self, request, context):
        made = await calendar_feed.created_at(self._db, user_id=parse_id(request.user_id, "User"))
        return posts_pb2.CalendarFeed(active=made is not None, created_at=to_timestamp(made))

    async def RevokeCalendarFeed(self, request, context):
        await calendar_feed.revoke(self._db, user_id=parse_id(request.user_id, "User"))
        return posts_pb2.CalendarFeed(active=False)

    async def RenderCalendarFeed(self, request, context):
        return posts_pb2.CalendarFeedDocument(ics=await calendar_feed.render(self._db, token=request.token))

    def _campaign_fields(self, request) -> campaigns.CampaignFields:
        return campaigns.CampaignFields(
            request.name, request.start_date, request.end_date, request.colour, request.goal
        )

    async def CreateCampaign(self, request, context):
        fields = self._campaign_fields(request)
        created = await campaigns.create(self._db, user_id=parse_id(request.user_id, "User"), fields=fields)
        return campaign_message(created)

    async def ListCampaigns(self, request, context):
        found = await campaigns.list_of(self._db, user_id=parse_id(request.user_id, "User"))
        return posts_pb2.CampaignList(items=[campaign_message(c) for c in found])

    async def GetCampaign(self, request, context):
        found = await campaigns.get(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            campaign_id=parse_id(request.campaign_id, "Campaign"),
        )
        return campaign_message(found)

    async def UpdateCampaign(self, request, context):
        changed = await campaigns.replace(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            campaign_id=parse_id(request.campaign_id, "Campaign"),
            fields=self._campaign_fields(request),
        )
        return campaign_message(changed)

    async def DeleteCampaign(self, request, context):
        removed = await campaigns.remove(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            campaign_id=parse_id(request.campaign_id, "Campaign"),
        )
        return campaign_message(removed)

    async def GetCampaignTimeline(self, request, context):
        user_id = parse_id(request.user_id, "User")
        zone = request.timezone or await workspace_zone.of_workspace(self._users, user_id)
        found = await campaigns.timeline(
            self._db, user_id=user_id, campaign_id=parse_id(request.campaign_id, "Campaign"), zone=zone
        )
        return timeline_message(found)

    async def GetPlanningSettings(self, request, context):
        found = await planning_settings.get(self._db, parse_id(request.user_id, "User"))
        return posts_pb2.PlanningSettings(user_id=request.user_id, posts_per_day=found.posts_per_day)

    async def PutPlanningSettings(self, request, context):
        saved = await planning_settings.put(
            self._db,
            parse_id(request.user_id, "User"),
            request.posts_per_day if request.HasField("posts_per_day") else None,
        )
        return posts_pb2.PlanningSettings(user_id=request.user_id, posts_per_day=saved.posts_per_day)

    async def GetApprovalRule(self, request, context):
        rule = await approval_rules.rule_of(self._db, parse_id(request.user_id, "User"))
        return posts_pb2.ApprovalRule(required=rule.required, account_ids=[str(a) for a in rule.account_ids])

    async def PutApprovalRule(self, request, context):
        rule = await approval_rules.set_rule(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            required=request.required,
            account_ids=list(request.account_ids),
        )
        return posts_pb2.ApprovalRule(required=rule.required, account_ids=[str(a) for a in rule.account_ids])

    async def SubmitForReview(self, request, context):
        user_id, post_id = _ids(request)
        post = await approvals.submit(
            db=self._db,
            events=self._events,
            user_id=user_id,
            actor_id=_actor(request),
            post_id=post_id,
            comment=request.comment,
        )
        return post_message(post)

    @member_scope.scoped
    async def ReviewPost(self, request, context):
        user_id, post_id = _ids(request)
        post = await approvals.review(
            db=self._db,
            events=self._events,
            user_id=user_id,
            actor_id=_actor(request),
            post_id=post_id,
            version=request.version,
            decision=request.decision,
            comment=request.comment,
        )
        return post_message(post)

    async def ListReviewQueue(self, request, context):
        waiting = await approvals.queue(
            self._db, user_id=parse_id(request.user_id, "User"), limit=request.limit or 50
        )
        return posts_pb2.PostList(items=[post_message(p) for p in waiting])

    async def ListReviewTrail(self, request, context):
        entries = await approvals.trail(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            post_id=parse_id(request.post_id, "Post") if request.post_id else None,
            since=from_timestamp(request, "since"),
            until=from_timestamp(request, "until"),
        )
        return posts_pb2.ReviewTrail(items=[review_action(e) for e in entries])

    async def AddComment(self, request, context):
        user_id, post_id = _ids(request)
        comment = await comments.add(
            db=self._db,
            events=self._events,
            users=self._users,
            user_id=user_id,
            post_id=post_id,
            author_id=_actor(request),
            body=request.body,
            thread_id=parse_id(request.thread_id, "Thread") if request.thread_id else None,
            mentions=list(request.mentions),
        )
        return comment_message(comment)

    async def ListComments(self, request, context):
        user_id, post_id = _ids(request)
        found = await comments.listed(self._db, user_id=user_id, post_id=post_id)
        return posts_pb2.CommentList(items=[comment_message(c) for c in found])

    async def ResolveThread(self, request, context):
        user_id, post_id = _ids(request)
        root = await comments.resolve(
            db=self._db,
            events=self._events,
            user_id=user_id,
            post_id=post_id,
            thread_id=parse_id(request.thread_id, "Thread"),
            actor_id=_actor(request),
            resolved=request.resolved,
        )
        return comment_message(root)

    async def IssueReviewLink(self, request, context):
        issued = await review_links.issue(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            created_by=_actor(request),
            post_id=parse_id(request.post_id, "Post") if request.post_id else None,
            range_from=review_links.moment(request.range_from, "from"),
            range_to=review_links.moment(request.range_to, "to"),
            days=request.expires_in_days,
            label=request.label,
        )
        return posts_pb2.ReviewLinkIssued(
            link=review_link_message(issued.link),
            url=review_links.page_url(self._settings, issued.token),
            token=issued.token,
        )

    async def ListReviewLinks(self, request, context):
        found = await review_links.listed(self._db, user_id=parse_id(request.user_id, "User"))
        return posts_pb2.ReviewLinkList(items=[review_link_message(link) for link in found])

    async def RevokeReviewLink(self, request, context):
        link = await review_links.revoke(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            link_id=parse_id(request.link_id, "Review link"),
        )
        return review_link_message(link)

    async def OpenReviewLink(self, request, context):
        link = await review_links.opened(self._db, request.token)
        items = [
            client_item(
                review_links.item_key(link, post.id),
                post,
                await review_links.media_urls(self._media, link, post),
            )
            for post in await review_links.posts_of(self._db, link)
        ]
        return posts_pb2.ClientReview(label=link.label, expires_at=to_timestamp(link.expires_at), items=items)

    async def DecideThroughLink(self, request, context):
        link, post = await review_links.decide(
            db=self._db,
            events=self._events,
            token=request.token,
            key=request.key,
            version=request.version,
            decision=request.decision,
            comment=request.comment,
            client_name=request.name,
        )
        return client_item(request.key, post, await review_links.media_urls(self._media, link, post))

    async def CreateHashtagGroup(self, request, context):
        group = await hashtag_groups.create(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            name=request.name,
            hashtags=list(request.hashtags),
        )
        return hashtag_group_message(group)

    async def ListHashtagGroups(self, request, context):
        user_id = parse_id(request.user_id, "User")
        groups = await hashtag_groups.listed(self._db, user_id=user_id)
        figures = await hashtag_groups.performance(self._db, user_id, groups)
        return posts_pb2.HashtagGroupList(items=[hashtag_group_message(g, figures[g.id]) for g in groups])

    async def UpdateHashtagGroup(self, request, context):
        group = await hashtag_groups.update(
            self._db,
            user_id=parse_id(request.user_id, "User"),
            group_id=parse_id(request.id, "Hashtag group"),
            name=request.name,
            hashtags=list(request.hashtags),
        )
        return hashtag_group_message(group)

    async def DeleteHashtagGroup(self, request, context):
        user_id, group_id = parse_id(request.user_id, "User"), parse_id(request.group_id, "Hashtag group")
        await hashtag_groups.delete(self._db, user_id=user_id, group_id=group_id)
        return posts_pb2.HashtagGroup(id=request.group_id)

    async def MarkScheduled(self, request, context):
        user_id, post_id = _ids(request)
        post = await publishing.mark_scheduled(
            db=self._db,
            events=self._events,
            media=self._media,
            user_id=user_id,
            post_id=post_id,
            account_id=parse_id(request.account_id, "Account"),
            scheduled_for=from_timestamp(request, "scheduled_for"),
            timezone=request.timezone,
            optimal_time_score=request.optimal_time_score if request.HasField("optimal_time_score") else None,
            publish_now=request.publish_now,
        )
        # A move of its time or account is a change of what was approved.
        await approvals.void_if_changed(self._db, self._events, post, None)
        return posts_pb2.PostResult(
            post=post_message(post),
            warnings=warning_messages(await hashtags.history_warnings(self._db, user_id=user_id, post=post)),
        )

    async def MarkScheduledMany(self, request, context):
        user_id = parse_id(request.user_id, "User")
        if any(one.publish_now for one in request.posts):
            raise invalid_field("posts", "publish_now is for one post at a time")
        marked = await publishing.mark_scheduled_many(
            db=self._db,
            events=self._events,
            media=self._media,
            user_id=user_id,
            items=[
                publishing.ToSchedule(
                    post_id=parse_id(one.post_id, "Post"),
                    account_id=parse_id(one.account_id, "Account"),
                    scheduled_for=from_timestamp(one, "scheduled_for"),
                    timezone=one.timezone,
                    optimal_time_score=one.optimal_time_score if one.HasField("optimal_time_score") else None,
                )
                for one in request.posts
            ],
        )
        for post in marked:
            await approvals.void_if_changed(self._db, self._events, post, None)
        return posts_pb2.MarkedMany(marked=len(marked))

    async def MovePlannedTime(self, request, context):
        user_id, post_id = _ids(request)
        post = await store.read(self._db, user_id=user_id, post_id=post_id)
        when = from_timestamp(request, "planned_for")
        planned.check_can_plan(post, when)
        await planned.set_planned(self._db, post=post, when=when, zone=request.timezone)
        await approvals.void_if_changed(self._db, self._events, post, None)
        return post_message(post)

    async def MarkUnscheduled(self, request, context):
        user_id, post_id = _ids(request)
        return post_message(
            await publishing.mark_unscheduled(
                db=self._db, events=self._events, user_id=user_id, post_id=post_id
            )
        )

    async def RecordPublishing(self, request, context):
        user_id, post_id = _ids(request)
        post = await publishing.record(
            db=self._db,
            events=self._events,
            user_id=user_id,
            post_id=post_id,
            status=PostStatus.from_proto(request.status),
            instagram_media_id=request.instagram_media_id,
            permalink=request.permalink,
            published_at=from_timestamp(request, "published_at"),
            error=request.error,
            expected_version=request.expected_version,
            expected_scheduled_for=from_timestamp(request, "expected_scheduled_for"),
        )
        return post_message(post)

    async def RecordFirstComment(self, request, context):
        user_id, post_id = _ids(request)
        post = await first_comments.record(
            db=self._db,
            events=self._events,
            user_id=user_id,
            post_id=post_id,
            status=request.status,
            comment_id=request.comment_id,
            error=request.error,
        )
        return post_message(post)

    async def StartPublishing(self, request, context):
        starts = [
            publishing.PublishingStart(
                user_id=parse_id(one.user_id, "User"),
                post_id=parse_id(one.post_id, "Post"),
                expected_version=one.expected_version,
                expected_scheduled_for=from_timestamp(one, "expected_scheduled_for"),
            )
            for one in request.posts
        ]
        errors = await publishing.start_many(db=self._db, events=self._events, starts=starts)
        return posts_pb2.StartPublishingResult(
            results=[
                posts_pb2.PublishingStarted(post_id=one.post_id, error=to_detail(error) if error else None)
                for one, error in zip(request.posts, errors, strict=True)
            ]
        )

    async def ListScheduleRecords(self, request, context):
        rows, after = await schedule_records.listed(
            self._db, post_ids=list(request.post_ids), after_id=request.after_id, limit=request.limit
        )
        return posts_pb2.ScheduleRecords(records=[schedule_record(row) for row in rows], next_after_id=after)

    async def CheckPublishable(self, request, context):
        user_id, post_id = _ids(request)
        post = await store.read(self._db, user_id=user_id, post_id=post_id)
        publishing.check_publishable(post)
        return post_message(post)

    async def MediaUsage(self, request, context):
        uses = await library_media.usage(self._db, parse_id(request.user_id, "User"), list(request.media_ids))
        return posts_pb2.MediaUsageList(
            items=[
                posts_pb2.MediaUse(
                    media_id=media_id,
                    use_count=use.use_count,
                    last_used_at=to_timestamp(use.last_used_at) if use.last_used_at else None,
                    scheduled_post_ids=use.scheduled_post_ids,
                )
                for media_id, use in uses.items()
            ]
        )

    async def RecordMetrics(self, request, context):
        user_id, post_id = _ids(request)
        row = await metrics.record(
            self._db,
            self._events,
            user_id=user_id,
            post_id=post_id,
            collected_at=from_timestamp(request, "collected_at") or datetime.now(UTC),
            figures={name: getattr(request, name) for name in metrics.FIGURES},
        )
        return metrics_sample(row)

    async def GetMetrics(self, request, context):
        user_id, post_id = _ids(request)
        rows = await metrics.series(self._db, user_id=user_id, post_id=post_id)
        return posts_pb2.MetricsSeries(samples=[metrics_sample(r) for r in rows])

    async def CreateOccurrence(self, request, context):
        post = await occurrences.create(
            db=self._db,
            events=self._events,
            media=self._media,
            user_id=parse_id(request.user_id, "User"),
            series_id=parse_id(request.series_id, "Post"),
            account_id=parse_id(request.account_id, "Account"),
            scheduled_for=from_timestamp(request, "scheduled_for"),
            timezone=request.timezone,
        )
        return post_message(post)
