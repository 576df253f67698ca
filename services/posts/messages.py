"""Conversions between the posts service's domain objects and its protobuf messages."""

import math
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from google.protobuf import json_format

from lib.common import proto_struct
from lib.common.errors import invalid_field
from lib.common.proto_time import to_timestamp
from lib.post_status import PostStatus
from protos import posts_pb2
from services.posts import (
    analytics,
    approvals,
    calendar,
    campaigns,
    csv_import,
    imports,
    media_refs,
    preflight,
    profile_grid,
)
from services.posts.content import Content
from services.posts.models import (
    Campaign,
    Comment,
    HashtagGroup,
    Post,
    PostMetric,
    PostVersion,
    ReviewEntry,
    ReviewLink,
)
from services.posts.rules import Warning
from services.posts.store import content_of


def content_message(content: Content) -> posts_pb2.PostContent:
    return posts_pb2.PostContent(
        caption=content.caption,
        hashtags=content.hashtags,
        media=[json_format.ParseDict(item, posts_pb2.PostMedia()) for item in content.media],
        post_type=content.post_type,
        tags=content.tags,
        metadata=proto_struct.struct(content.metadata),
        media_urls=media_refs.urls_of(content.media),
        options=json_format.ParseDict(content.options, posts_pb2.PublishOptions()),
    )


def _as_dict(message) -> dict:
    """The fields that are set, named as in the proto (what the database keeps)."""
    return json_format.MessageToDict(message, preserving_proto_field_name=True)


def content_from(message: posts_pb2.PostContent) -> Content:
    metadata = proto_struct.to_python(message.metadata)
    if not _finite(metadata):
        raise invalid_field("metadata", "numbers must be finite")
    if _has_nul(metadata):
        raise invalid_field("metadata", "must not contain NUL characters")
    media, options = [_as_dict(m) for m in message.media], _as_dict(message.options)
    if _has_nul(media) or _has_nul(options):
        raise invalid_field("media" if _has_nul(media) else "options", "must not contain NUL characters")
    return Content(
        caption=message.caption,
        hashtags=list(message.hashtags),
        media=media,
        post_type=message.post_type,
        tags=list(message.tags),
        metadata=metadata,
        options=options,
    )


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _local(moment: datetime | None, zone: str | None) -> str | None:
    if moment is None or not zone:
        return None
    try:
        return moment.astimezone(ZoneInfo(zone)).isoformat()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _finite(value) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True


def post_message(post: Post, autosaved_at: datetime | None = None) -> posts_pb2.Post:
    return posts_pb2.Post(
        id=str(post.id),
        user_id=str(post.user_id),
        content=content_message(content_of(post)),
        status=PostStatus(post.status).to_proto(),
        version=post.version,
        template_name=post.template_name,
        scheduled_for=to_timestamp(post.scheduled_for),
        timezone=post.timezone,
        optimal_time_score=post.optimal_time_score,
        created_at=to_timestamp(post.created_at),
        updated_at=to_timestamp(post.updated_at),
        deleted_at=to_timestamp(post.deleted_at),
        autosaved_at=to_timestamp(autosaved_at),
        account_id=str(post.account_id) if post.account_id else None,
        instagram_media_id=post.instagram_media_id,
        permalink=post.permalink,
        published_at=to_timestamp(post.published_at),
        last_error=post.last_error,
        scheduled_local=_local(post.scheduled_for, post.timezone),
        series_id=str(post.series_id) if post.series_id else None,
        campaign_id=str(post.campaign_id) if post.campaign_id else None,
        predicted_reach=post.predicted_reach,
        predicted_reach_low=post.predicted_reach_low,
        predicted_reach_high=post.predicted_reach_high,
        first_comment=posts_pb2.FirstComment(
            status=post.first_comment_status or "",
            comment_id=post.first_comment_id or "",
            error=post.first_comment_error or "",
            attempts=post.first_comment_attempts or 0,
            updated_at=to_timestamp(post.first_comment_at),
        ),
        reminder=posts_pb2.Reminder(
            state=post.reminder_state or "",
            sent_at=to_timestamp(post.reminder_sent_at),
            done_at=to_timestamp(post.reminder_done_at),
        ),
        preflight=posts_pb2.Preflight(
            status=preflight.status_of(post),
            stage=post.preflight_stage or "",
            checked_at=to_timestamp(post.preflight_at),
            checks=[
                posts_pb2.PreflightCheck(
                    check=c.get("check", ""), ok=bool(c.get("ok")), message=c.get("message", "")
                )
                for c in post.preflight or []
            ],
        ),
        review=posts_pb2.Review(
            status=approvals.shown_status(post),
            approved_version=post.approved_version,
            approved_by=str(post.approved_by) if post.approved_by else None,
            approved_at=to_timestamp(post.approved_at),
        ),
    )


def comment_message(comment: Comment) -> posts_pb2.PostComment:
    return posts_pb2.PostComment(
        id=str(comment.id),
        post_id=str(comment.post_id),
        thread_id=str(comment.thread_id) if comment.thread_id else None,
        author_id=str(comment.author_id) if comment.author_id else "",
        author_kind=comment.author_kind,
        body=comment.body,
        mentions=[str(m) for m in comment.mentions or []],
        version=comment.version,
        resolved_at=to_timestamp(comment.resolved_at),
        resolved_by=str(comment.resolved_by) if comment.resolved_by else None,
        created_at=to_timestamp(comment.created_at),
    )


def review_link_message(link: ReviewLink) -> posts_pb2.ReviewLinkInfo:
    return posts_pb2.ReviewLinkInfo(
        id=str(link.id),
        post_id=str(link.post_id) if link.post_id else None,
        range_from=to_timestamp(link.range_from),
        range_to=to_timestamp(link.range_to),
        label=link.label,
        created_at=to_timestamp(link.created_at),
        expires_at=to_timestamp(link.expires_at),
        revoked_at=to_timestamp(link.revoked_at),
    )


def client_item(key: str, post: Post, media: list[dict[str, str]]) -> posts_pb2.ClientReviewItem:
    """A post as a client sees it: what will go out, and when; none of its ids."""
    return posts_pb2.ClientReviewItem(
        key=key,
        version=post.version,
        caption=post.caption,
        hashtags=list(post.hashtags or []),
        post_type=post.post_type,
        media=[posts_pb2.ClientMedia(**m) for m in media],
        scheduled_local=_local(post.scheduled_for, post.timezone),
        review_status=approvals.shown_status(post),
    )


def hashtag_group_message(group: HashtagGroup, performance=None) -> posts_pb2.HashtagGroup:
    return posts_pb2.HashtagGroup(
        id=str(group.id),
        user_id=str(group.user_id),
        name=group.name,
        hashtags=list(group.hashtags),
        performance=posts_pb2.HashtagGroupPerformance(
            posts=performance.posts,
            average_reach=performance.average_reach,
            average_engagement=performance.average_engagement,
        )
        if performance
        else None,
        created_at=to_timestamp(group.created_at),
        updated_at=to_timestamp(group.updated_at),
    )


def review_action(entry: ReviewEntry) -> posts_pb2.ReviewAction:
    return posts_pb2.ReviewAction(
        post_id=str(entry.post_id),
        version=entry.version,
        content_hash=entry.content_hash,
        action=entry.action,
        actor_id=str(entry.actor_id) if entry.actor_id else "",
        actor_kind=entry.actor_kind,
        comment=entry.comment,
        at=to_timestamp(entry.created_at),
    )


def schedule_record(post: Post) -> posts_pb2.ScheduleRecord:
    return posts_pb2.ScheduleRecord(
        post_id=str(post.id),
        user_id=str(post.user_id),
        account_id=str(post.account_id) if post.account_id else "",
        status=PostStatus(post.status).to_proto(),
        scheduled_for=to_timestamp(post.scheduled_for) if post.scheduled_for else None,
        timezone=post.timezone or "",
        updated_at=to_timestamp(post.updated_at),
        deleted=post.deleted_at is not None,
        post_type=post.post_type,
    )


def warning_messages(warnings: list[Warning]) -> list[posts_pb2.Warning]:
    return [posts_pb2.Warning(field=w.field, code=w.code, message=w.message) for w in warnings]


def version_message(row: PostVersion) -> posts_pb2.PostVersion:
    return posts_pb2.PostVersion(
        post_id=str(row.post_id),
        version=row.version,
        content=content_message(content_of(row)),
        changed_by=str(row.changed_by),
        change_reason=row.change_reason,
        created_at=to_timestamp(row.created_at),
    )


def metrics_sample(row: PostMetric) -> posts_pb2.MetricsSample:
    return posts_pb2.MetricsSample(
        collected_at=to_timestamp(row.collected_at),
        age_seconds=row.age_seconds,
        likes=row.likes,
        comments=row.comments,
        shares=row.shares,
        saves=row.saves,
        reach=row.reach,
        views=row.views,
        percentile_rank=row.percentile_rank,
    )


def _entry_message(entry) -> posts_pb2.CalendarEntry:
    post = entry.post
    return posts_pb2.CalendarEntry(
        post_id=str(post.id),
        status=PostStatus(post.status).to_proto(),
        post_type=post.post_type,
        caption_preview=post.caption_preview,
        thumbnail_url=entry.thumbnail_url,
        scheduled_for=to_timestamp(post.scheduled_for),
        local_time=entry.local.isoformat(),
        planned=entry.planned,
        account_id=str(post.account_id) if post.account_id else None,
        tags=post.tags,
        colour_key="planned" if entry.planned else post.post_type,
        optimal_score=post.optimal_time_score,
        campaign_id=str(post.campaign_id) if post.campaign_id else None,
        campaign_colour=entry.campaign_colour,
        review_status=post.review_status or "",
        preflight_status=post.preflight_status or "",
    )


def _shares(counted: list[tuple[str, int]], total: int) -> list[posts_pb2.MixShare]:
    return [
        posts_pb2.MixShare(key=k, count=n, share=round(n / total, 4) if total else 0.0) for k, n in counted
    ]


def _checked_row_message(row: csv_import.Row) -> posts_pb2.ImportRowReport:
    return posts_pb2.ImportRowReport(
        row=row.row,
        ok=row.ok,
        problems=[
            posts_pb2.ImportProblem(row=p.row, column=p.column, message=p.message) for p in row.problems
        ],
        caption_preview=row.content.caption[: calendar.PREVIEW_CHARACTERS],
        post_type=row.content.post_type,
        local_time=row.local_time,
        timezone=row.zone,
        account=row.account_name,
        media_count=len(row.content.media),
        outcome="pending" if row.ok else "skipped",
    )


def import_check_message(checked: csv_import.Checked, zone: str) -> posts_pb2.ImportCheck:
    return posts_pb2.ImportCheck(
        total=len(checked.rows),
        valid=checked.valid,
        file_problems=[
            posts_pb2.ImportProblem(row=p.row, column=p.column, message=p.message) for p in checked.problems
        ],
        rows=[_checked_row_message(row) for row in checked.rows],
        timezone=zone,
    )


def _kept_row_message(row) -> posts_pb2.ImportRowReport:
    data = row.data
    content = data.get("content", {})
    return posts_pb2.ImportRowReport(
        row=row.row,
        ok=not row.problems,
        problems=[
            posts_pb2.ImportProblem(row=row.row, column=p.get("column", ""), message=p.get("message", ""))
            for p in row.problems
        ],
        caption_preview=str(content.get("caption", ""))[: calendar.PREVIEW_CHARACTERS],
        post_type=str(content.get("post_type", "")),
        local_time=data.get("local_time", ""),
        timezone=data.get("zone", ""),
        account=data.get("account_name", ""),
        media_count=len(content.get("media", [])),
        outcome=row.outcome,
        message=row.message,
        post_id=str(row.post_id) if row.post_id else None,
    )


def import_message(job, counts: imports.Counts, rows, repeated: bool = False) -> posts_pb2.PostImport:
    return posts_pb2.PostImport(
        id=str(job.id),
        status=job.status,
        filename=job.filename,
        timezone=job.timezone,
        schedule=job.schedule,
        total=counts.total,
        processed=counts.processed,
        imported=counts.imported,
        failed=counts.failed,
        skipped=counts.skipped,
        created_at=to_timestamp(job.created_at),
        finished_at=to_timestamp(job.finished_at),
        repeated=repeated,
        rows=[_kept_row_message(row) for row in rows],
    )


def report_schedule_message(schedule) -> posts_pb2.ReportSchedule:
    return posts_pb2.ReportSchedule(
        id=str(schedule.id),
        user_id=str(schedule.user_id),
        name=schedule.name,
        frequency=schedule.frequency,
        recipients=schedule.recipients,
        account_ids=[str(a) for a in schedule.account_ids],
        timezone=schedule.timezone,
        next_run_at=to_timestamp(schedule.next_run_at),
        last_sent_at=to_timestamp(schedule.last_sent_at),
        last_error=schedule.last_error or "",
    )


def grid_message(grid: profile_grid.Grid) -> posts_pb2.ProfileGrid:
    return posts_pb2.ProfileGrid(
        account_id=str(grid.account_id),
        timezone=grid.zone,
        instagram_unavailable=grid.instagram_unavailable,
        tiles=[
            posts_pb2.GridTile(
                position=position,
                state=tile.state,
                post_id=str(tile.post_id) if tile.post_id else None,
                instagram_media_id=tile.instagram_media_id,
                post_type=tile.post_type,
                image_url=tile.image_url,
                at=to_timestamp(tile.at),
                local_time=profile_grid.local_time(tile.at, grid.zone),
                caption_preview=tile.caption_preview,
                permalink=tile.permalink,
                review_status=tile.review_status,
                post_timezone=tile.post_timezone,
            )
            for position, tile in enumerate(grid.tiles)
        ],
    )


def calendar_message(view: calendar.CalendarView) -> posts_pb2.Calendar:
    query = view.query
    days = []
    for day in view.days:
        message = posts_pb2.CalendarDay(
            date=day.day.isoformat(), total=len(day.entries), posts=[_entry_message(e) for e in day.entries]
        )
        for hour, entries in sorted((day.hours or {}).items()):
            message.hours.append(
                posts_pb2.CalendarHour(hour=hour, posts=[_entry_message(e) for e in entries])
            )
        days.append(message)
    return posts_pb2.Calendar(
        start_date=query.start.isoformat(),
        end_date=query.end.isoformat(),
        view_type=query.view,
        timezone=query.zone,
        calendar_data=days,
        content_gaps=_gap_messages(view.gaps),
        content_mix=posts_pb2.ContentMix(
            by_type=_shares(view.mix.by_type, view.total),
            by_status=_shares(view.mix.by_status, view.total),
            by_tag=_shares(view.mix.by_tag, view.total),
            by_campaign=_shares(view.mix.by_campaign, view.total),
        ),
        performance_predictions=[
            posts_pb2.PerformancePrediction(
                post_id=str(p.post_id),
                slot_score=p.slot_score,
                predicted_reach=p.reach,
                reach_low=p.low,
                reach_high=p.high,
                based_on_posts=p.based_on,
            )
            for p in view.predictions
        ],
        total_posts=view.total,
        posting_frequency=view.frequency.per_day,
        frequency_source=view.frequency.source,
    )


def _gap_messages(gaps) -> list[posts_pb2.ContentGap]:
    return [
        posts_pb2.ContentGap(
            date=gap.day.isoformat(),
            missing_posts=gap.missing,
            suggested_times=[moment.isoformat() for moment in gap.suggested],
            urgency_score=gap.urgency,
        )
        for gap in gaps
    ]


def gaps_message(view: calendar.GapsView) -> posts_pb2.ContentGaps:
    return posts_pb2.ContentGaps(
        start_date=view.query.start.isoformat(),
        end_date=view.query.end.isoformat(),
        timezone=view.query.zone,
        posting_frequency=view.frequency.per_day,
        frequency_source=view.frequency.source,
        gaps=_gap_messages(view.gaps),
    )


def _slot(bucket: analytics.Bucket) -> posts_pb2.SlotPerformance:
    return posts_pb2.SlotPerformance(
        key=bucket.key,
        posts=bucket.posts,
        published=bucket.published,
        avg_engagement=analytics.mean(bucket.engagement),
        avg_reach=analytics.mean(bucket.reach),
    )


def _performance(one: analytics.Performance) -> posts_pb2.PostPerformance:
    return posts_pb2.PostPerformance(
        post_id=str(one.post.id),
        post_type=one.post.post_type,
        caption_preview=(one.post.caption or "")[: calendar.PREVIEW_CHARACTERS],
        local_time=one.local.isoformat(),
        reach=one.reach,
        engagement=one.engagement,
        engagement_rate=one.rate,
    )


def _period(period: analytics.Period) -> posts_pb2.PeriodSummary:
    return posts_pb2.PeriodSummary(
        start_date=period.start.isoformat(),
        end_date=period.end.isoformat(),
        posts=len(period.posts),
        published=period.published,
        posts_per_day=round(len(period.posts) / period.days, 3),
        posts_per_week=round(7 * len(period.posts) / period.days, 3),
        published_per_day=round(period.published / period.days, 3),
        avg_engagement=period.average("engagement"),
        avg_reach=period.average("reach"),
    )


def analytics_message(found: analytics.Analytics) -> posts_pb2.CalendarAnalytics:
    now, before = found.current, found.previous
    return posts_pb2.CalendarAnalytics(
        start_date=found.query.start.isoformat(),
        end_date=found.query.end.isoformat(),
        timezone=found.query.zone,
        current=_period(now),
        previous=_period(before),
        change=posts_pb2.PeriodChange(
            posts_pct=analytics.change(len(now.posts), len(before.posts)),
            published_pct=analytics.change(now.published, before.published),
            avg_engagement_pct=analytics.change(now.average("engagement"), before.average("engagement")),
            avg_reach_pct=analytics.change(now.average("reach"), before.average("reach")),
        ),
        by_hour=[_slot(b) for b in found.by_hour],
        by_weekday=[_slot(b) for b in found.by_weekday],
        by_type=[_slot(b) for b in found.by_type],
        by_status=_shares(found.by_status, len(now.posts)),
        best_posts=[_performance(p) for p in found.best],
        worst_posts=[_performance(p) for p in found.worst],
        hashtags=[
            posts_pb2.HashtagUse(hashtag=h.hashtag, posts=h.posts, share=h.share, overused=h.overused)
            for h in found.hashtags
        ],
        repeated_hashtag_sets=[
            posts_pb2.RepeatedHashtagSet(hashtags=r.hashtags, posts=r.posts) for r in found.repeated_sets
        ],
        prediction_accuracy=posts_pb2.PredictionAccuracy(
            posts=found.accuracy.posts,
            mean_abs_pct_error=found.accuracy.mean_abs_pct_error,
            within_interval=found.accuracy.within_interval,
            bias_pct=found.accuracy.bias_pct,
        ),
        type_reach=[
            posts_pb2.TypeReach(
                post_type=row.post_type,
                posts=row.posts,
                avg_reach=row.avg_reach,
                vs_average=row.vs_average,
                share_of_range=row.share_of_range,
            )
            for row in found.type_reach
        ],
        recommendations=found.recommendations,
    )


def campaign_message(campaign: Campaign) -> posts_pb2.Campaign:
    return posts_pb2.Campaign(
        id=str(campaign.id),
        user_id=str(campaign.user_id),
        name=campaign.name,
        start_date=campaign.start_date.isoformat(),
        end_date=campaign.end_date.isoformat(),
        colour=campaign.colour,
        goal=campaign.goal,
        created_at=to_timestamp(campaign.created_at),
        updated_at=to_timestamp(campaign.updated_at),
    )


def timeline_message(found: campaigns.Timeline) -> posts_pb2.CampaignTimeline:
    return posts_pb2.CampaignTimeline(
        campaign=campaign_message(found.campaign),
        timezone=found.zone,
        posts=[
            posts_pb2.CampaignTimelineEntry(
                post_id=str(e.post.id),
                status=PostStatus(e.post.status).to_proto(),
                post_type=e.post.post_type,
                caption_preview=e.post.caption[: calendar.PREVIEW_CHARACTERS],
                local_time=e.local.isoformat() if e.local else None,
                permalink=e.post.permalink,
                reach=e.reach,
                engagement=e.engagement,
            )
            for e in found.entries
        ],
        totals=posts_pb2.CampaignTotals(
            posts=len(found.entries),
            by_status=_shares(found.by_status(), len(found.entries)),
            reach=found.total("reach"),
            engagement=found.total("engagement"),
        ),
    )
