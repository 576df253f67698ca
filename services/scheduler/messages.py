"""Rows and domain objects of the scheduler service as protobuf messages."""

from lib.common.bulk_requests import ItemResult, item_error
from lib.common.config import Settings
from lib.common.proto_time import to_timestamp
from protos import scheduler_pb2
from services.scheduler import accounts, schedule_templates
from services.scheduler.audience import Fitted
from services.scheduler.best_times import Suggestions
from services.scheduler.meta_logins import Completed
from services.scheduler.models import InstagramAccount, ScheduleTemplate
from services.scheduler.reconciler import Report
from services.scheduler.scheduling import PublishingState
from services.scheduler.series import SeriesView


def account_message(account: InstagramAccount, settings: Settings) -> scheduler_pb2.InstagramAccount:
    health, reason = accounts.health(account)
    return scheduler_pb2.InstagramAccount(
        id=str(account.id),
        ig_user_id=account.ig_user_id,
        username=account.username,
        connected_at=to_timestamp(account.connected_at),
        min_gap_minutes=accounts.min_gap(account, settings),
        is_default=account.is_default,
        login_type=account.login_type,
        graph_host=account.graph_host,
        scopes=account.scopes or [],
        token_expires_at=to_timestamp(account.token_expires_at),
        health=health,
        health_reason=reason,
        page_name=account.page_name or "",
    )


def login_result_message(done: Completed, settings: Settings) -> scheduler_pb2.LoginResult:
    return scheduler_pb2.LoginResult(
        login_id=str(done.login_id),
        status=done.status,
        accounts=[account_message(a, settings) for a in done.accounts],
        choices=[
            scheduler_pb2.LoginChoice(
                ig_user_id=c["ig_user_id"], username=c["username"], page_name=c.get("page_name") or ""
            )
            for c in done.choices
        ],
    )


def series_message(view: SeriesView) -> scheduler_pb2.Series:
    row = view.row
    return scheduler_pb2.Series(
        post_id=str(row.post_id),
        account_id=str(row.account_id),
        rrule=row.rrule,
        start_time=row.start_local,
        timezone=row.timezone,
        status=view.status,
        upcoming=[moment.isoformat() for moment in view.upcoming],
        created_at=to_timestamp(row.created_at),
        stopped_at=to_timestamp(row.stopped_at),
    )


def publishing_status_message(state: PublishingState) -> scheduler_pb2.PublishingStatus:
    post = state.post
    return scheduler_pb2.PublishingStatus(
        post_id=post.id,
        status=post.status,
        scheduled_for=post.scheduled_for if post.HasField("scheduled_for") else None,
        timezone=post.timezone or None,
        step=state.step,
        attempts=state.attempts,
        last_error=state.error or None,
        next_retry=to_timestamp(state.next_retry),
        instagram_media_id=post.instagram_media_id or None,
        permalink=post.permalink or None,
        published_at=post.published_at if post.HasField("published_at") else None,
    )


def audience_message(account_id: str, fitted: Fitted) -> scheduler_pb2.AudienceModel:
    model = fitted.model
    return scheduler_pb2.AudienceModel(
        account_id=account_id,
        samples=model.samples,
        own_weight=round(model.own_weight, 3),
        basis="learned" if model.samples else "general",
        timezone=model.zone,
        fitted_at=to_timestamp(fitted.fitted_at) if fitted.fitted_at else None,
        hours_of=model.kind or "all",
    )


def suggestions_message(found: Suggestions, post_type: str) -> scheduler_pb2.SuggestedTimes:
    return scheduler_pb2.SuggestedTimes(
        account_id=str(found.account_id),
        timezone=found.zone,
        post_type=post_type,
        times=[
            scheduler_pb2.SuggestedTime(
                scheduled_time=one.local.isoformat(),
                utc=to_timestamp(one.local),
                score=one.slot.score,
                prior=one.slot.prior,
                hour_lift=one.slot.hour_lift,
                day_lift=one.slot.day_lift,
                explanation=one.explanation,
            )
            for one in found.times
        ],
        model=audience_message(str(found.account_id), found.fitted),
    )


def schedule_template_message(template: ScheduleTemplate) -> scheduler_pb2.ScheduleTemplate:
    return scheduler_pb2.ScheduleTemplate(
        id=str(template.id),
        name=template.name,
        timezone=template.timezone,
        slots=[
            scheduler_pb2.TemplateSlot(
                weekday=schedule_templates.WEEKDAYS[slot["weekday"]], time=slot["time"]
            )
            for slot in template.slots
        ],
        created_at=to_timestamp(template.created_at),
        updated_at=to_timestamp(template.updated_at),
    )


def bulk_result_message(results: list[ItemResult]) -> scheduler_pb2.BulkScheduleResult:
    return scheduler_pb2.BulkScheduleResult(
        results=[
            scheduler_pb2.BulkScheduleItem(
                post_id=r.post_id,
                ok=r.ok,
                error=item_error(r),
                scheduled_for=to_timestamp(r.value.resolved.utc) if r.value else None,
                local_time=r.value.resolved.local.isoformat() if r.value else None,
                warnings=r.value.warnings if r.value else [],
            )
            for r in results
        ],
        succeeded=sum(r.ok for r in results),
        failed=sum(not r.ok for r in results),
    )


def reconcile_report_message(report: Report) -> scheduler_pb2.ReconcileSchedulesReport:
    def repair(one) -> scheduler_pb2.ScheduleRepair:
        return scheduler_pb2.ScheduleRepair(post_id=one.post_id, action=one.action, detail=one.detail)

    return scheduler_pb2.ReconcileSchedulesReport(
        posts_checked=report.posts_checked,
        workflows_checked=report.workflows_checked,
        busy=report.busy,
        repairs=[repair(one) for one in report.repairs],
        failed=[repair(one) for one in report.failed],
    )
