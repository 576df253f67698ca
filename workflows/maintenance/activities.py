"""Activities of the maintenance workflows: each asks the service that owns the data."""

import grpc
from temporalio import activity

from protos import (
    media_pb2,
    media_pb2_grpc,
    posts_pb2,
    posts_pb2_grpc,
    realtime_pb2,
    realtime_pb2_grpc,
    scheduler_pb2,
    scheduler_pb2_grpc,
)
from workflows.contracts import maintenance
from workflows.contracts.maintenance import (
    PreflightInput,
    PreflightRound,
    PurgeInput,
    PurgeRound,
    ReconcileInput,
    ReconcileRound,
    ReminderInput,
    ReminderRound,
    ReportInput,
    ReportRound,
    UpkeepInput,
    UpkeepRound,
)

BATCH = 200


class MaintenanceActivities:
    def __init__(
        self,
        *,
        media: media_pb2_grpc.MediaStub,
        scheduler: scheduler_pb2_grpc.SchedulerStub,
        posts: posts_pb2_grpc.PostsStub | None = None,
        realtime: realtime_pb2_grpc.RealtimeStub | None = None,
    ) -> None:
        self._media = media
        self._scheduler = scheduler
        self._posts = posts
        self._realtime = realtime

    @activity.defn(name=maintenance.KEEP_ACCOUNTS_CONNECTED_ACTIVITY)
    async def keep_accounts_connected(self, request: UpkeepInput) -> UpkeepRound:
        """One round of the scheduler's account upkeep (idempotent: a token refreshed is not
        due again, a warning is given once)."""
        kept = await self._scheduler.KeepAccountsConnected(
            scheduler_pb2.KeepAccountsConnectedRequest(), timeout=300
        )
        return UpkeepRound(kept.refreshed, kept.checked, kept.needs_reauth, kept.warned)

    @activity.defn(name=maintenance.RECONCILE_SCHEDULES_ACTIVITY)
    async def reconcile_schedules(self, request: ReconcileInput) -> ReconcileRound:
        """One round of the scheduler's schedule reconciler (idempotent: what agrees is left
        as it is)."""
        report = await self._scheduler.ReconcileSchedules(
            scheduler_pb2.ReconcileSchedulesRequest(), timeout=600
        )
        return ReconcileRound(
            report.posts_checked,
            report.workflows_checked,
            len(report.repairs),
            len(report.failed),
            report.busy,
        )

    @activity.defn(name=maintenance.PREFLIGHT_ROUND_ACTIVITY)
    async def preflight_round(self, request: PreflightInput) -> PreflightRound:
        """One round of the scheduler's pre-flight (idempotent: a post checked for its
        version and time is not due again until its last hour)."""
        done = await self._scheduler.PreflightRound(
            scheduler_pb2.PreflightRoundRequest(limit=request.limit), timeout=600
        )
        return PreflightRound(done.checked, done.failed)

    @activity.defn(name=maintenance.REMINDER_ROUND_ACTIVITY)
    async def reminder_round(self, request: ReminderInput) -> ReminderRound:
        """Send the reminders due and mark missed ones (idempotent: each is sent once)."""
        done = await self._posts.SendDueReminders(
            posts_pb2.SendRemindersRequest(missed_after_seconds=request.missed_after_seconds, limit=200),
            timeout=60,
        )
        return ReminderRound(done.sent, done.missed)

    @activity.defn(name=maintenance.REPORT_ROUND_ACTIVITY)
    async def report_round(self, request: ReportInput) -> ReportRound:
        """Mail the scheduled reports due: each made (PDF and CSV), mailed, and marked sent,
        so the next round does not mail it again (a worker dying between the mail and the
        mark mails it twice: at least once, never lost)."""
        due = await self._posts.DueReports(posts_pb2.DueReportsRequest(limit=20), timeout=30)
        sent = failed = 0
        for item in due.items:
            error = await self._mail(item)
            await self._posts.MarkReportSent(
                posts_pb2.MarkReportSentRequest(
                    schedule_id=item.schedule.id, run_at=item.schedule.next_run_at, error=error
                ),
                timeout=30,
            )
            sent, failed = (sent + 1, failed) if not error else (sent, failed + 1)
            activity.heartbeat(item.schedule.id)
        return ReportRound(sent, failed)

    async def _mail(self, item: posts_pb2.DueReport) -> str:
        """'' once mailed; else why not (the run is over either way: the next one is the
        schedule's next)."""
        schedule = item.schedule
        files = []
        try:
            for file_format in ("pdf", "csv"):
                made = await self._posts.RenderReport(
                    posts_pb2.ReportRequest(
                        user_id=schedule.user_id,
                        start_date=item.start_date,
                        end_date=item.end_date,
                        timezone=schedule.timezone,
                        account_ids=schedule.account_ids,
                        format=file_format,
                        title=schedule.name,
                    ),
                    timeout=120,
                )
                files.append(
                    realtime_pb2.Attachment(
                        filename=made.filename, content_type=made.content_type, content=made.content
                    )
                )
            await self._realtime.SendReportEmail(
                realtime_pb2.ReportEmail(
                    recipients=schedule.recipients,
                    subject=f"{schedule.name}: {item.start_date} to {item.end_date}",
                    body=(
                        f"The {schedule.frequency} Instagram report, {item.start_date} to {item.end_date}, "
                        "is attached as a PDF, with its figures as CSV.\n\nSent by Postflow."
                    ),
                    attachments=files,
                ),
                timeout=120,
            )
        except grpc.aio.AioRpcError as err:
            if err.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                raise  # retried: the services come back
            return err.details() or err.code().name
        return ""

    @activity.defn(name=maintenance.PURGE_DELETED_MEDIA_ACTIVITY)
    async def purge_deleted_media(self, request: PurgeInput) -> PurgeRound:
        """Batches until none is left (idempotent: a purged item is not purged again)."""
        purged = removed = 0
        while True:
            result = await self._media.PurgeDeleted(media_pb2.PurgeRequest(batch=BATCH), timeout=60)
            purged, removed = purged + result.purged, removed + result.files_removed
            activity.heartbeat(purged)
            if result.purged < BATCH:
                return PurgeRound(purged, removed)
