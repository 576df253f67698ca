"""Notifications: which events deserve one, what it says, where it goes (the user's
channels and quiet hours), and the user's list of them."""

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from lib.common import cursors
from lib.common import public_target as webhook_target
from lib.common.config import Settings
from lib.common.db import Database
from lib.common.emails import is_email_address
from lib.common.errors import Violation, invalid, invalid_field, not_found
from lib.common.events import (
    AccountChanged,
    CommentAdded,
    Event,
    FirstCommentChanged,
    MediaProcessing,
    MetricsUpdate,
    PostStatusUpdate,
    PreflightChecked,
    ReminderChanged,
    ReviewChanged,
    ScheduleChanged,
)
from lib.common.timezones import is_valid_zone
from lib.post_status import PostStatus
from services.realtime import email_confirmation
from services.realtime.models import Delivery, Notification, Preferences

TYPES = (
    "post_published",
    "post_failed",
    "post_needs_reconcile",
    "schedule_changed",
    "media_ready",
    "media_failed",
    "post_milestone",
    "account_needs_reauth",
    "account_expiring",
    "first_comment_failed",
    "review_requested",
    "post_approved",
    "changes_requested",
    "approval_voided",
    "approval_needed",
    "mentioned",
    "preflight_failed",
    "reminder_due",
    "reminder_missed",
)
# Event types that can make a notification (others are not even looked at).
SOURCES = tuple(
    cls.TYPE
    for cls in (
        PostStatusUpdate,
        ScheduleChanged,
        MediaProcessing,
        MetricsUpdate,
        AccountChanged,
        FirstCommentChanged,
        ReviewChanged,
        CommentAdded,
        PreflightChecked,
        ReminderChanged,
    )
)
# Posts at risk named in an account's notification (the rest are counted).
POSTS_NAMED = 5
# Likes counts worth a notification, and reach as a multiple of the account's median.
DEFAULT_MILESTONES = {"likes": [100, 1000, 10000], "reach_multiple": 2.0}
MAX_LIKE_MILESTONES = 20


@dataclass(frozen=True)
class Draft:
    type: str
    title: str
    message: str
    post_id: str | None = None
    media_id: str | None = None


def milestones_of(preferences: Preferences | None) -> dict:
    return (preferences.milestones if preferences is not None else None) or DEFAULT_MILESTONES


def _milestone(event: MetricsUpdate, milestones: dict) -> Draft | None:
    now, before = event.metrics or {}, event.previous or {}
    reached = []
    for threshold in sorted(milestones.get("likes", [])):
        if before.get("likes", 0) < threshold <= now.get("likes", 0):
            reached.append(f"{threshold:,} likes")
    median, multiple = event.account_median_reach, milestones.get("reach_multiple", 0)
    if median and multiple and before.get("reach", 0) < multiple * median <= now.get("reach", 0):
        reached.append(f"a reach of {multiple:g}x your usual ({now['reach']:,} people)")
    if not reached:
        return None
    return Draft(
        "post_milestone",
        "Milestone reached",
        f"Your post reached {' and '.join(reached)}",
        event.post_id,
    )


def _posts_at_risk(event: AccountChanged) -> str:
    """ "2 scheduled posts are at risk: 2026-12-07 09:00 UTC, 2026-12-08 09:00 UTC." """
    total = event.posts_at_risk_total or len(event.posts_at_risk)
    if not total:
        return "No scheduled post is at risk."
    times = []
    for post in event.posts_at_risk[:POSTS_NAMED]:
        try:
            times.append(
                f"{datetime.fromisoformat(post['scheduled_for']).astimezone(UTC):%Y-%m-%d %H:%M} UTC"
            )
        except (KeyError, TypeError, ValueError):
            continue
    more = f" and {total - len(times)} more" if total > len(times) else ""
    noun = "post is" if total == 1 else "posts are"
    return f"{total} scheduled {noun} at risk: {', '.join(times)}{more}."


def _account(event: AccountChanged) -> Draft | None:
    if event.change == "needs_reauth":
        return Draft(
            "account_needs_reauth",
            f"Reconnect @{event.username}",
            f"{event.reason}. {_posts_at_risk(event)}",
        )
    if event.change == "expiring":
        return Draft(
            "account_expiring",
            f"@{event.username}'s connection ends soon",
            f"{event.reason}. {_posts_at_risk(event)}",
        )
    return None


def _review(event: ReviewChanged) -> Draft | None:
    said = f": “{event.comment}”" if event.comment else ""
    version = f"version {event.version}"
    if event.status == "in_review":
        return Draft(
            "review_requested",
            "Review requested",
            f"A post ({version}) waits for your review{said}",
            event.post_id,
        )
    if event.status == "approved":
        who = "Your client" if event.actor_kind == "client" else "A reviewer"
        return Draft("post_approved", "Post approved", f"{who} approved {version}{said}", event.post_id)
    if event.status == "changes_requested":
        who = "Your client" if event.actor_kind == "client" else "A reviewer"
        return Draft(
            "changes_requested",
            "Changes requested",
            f"{who} asked for changes to {version}{said}",
            event.post_id,
        )
    since = f" since version {event.approved_version}" if event.approved_version else ""
    if event.status == "edited_since_approval":
        return Draft(
            "approval_voided",
            "Approval voided by an edit",
            f"The post changed after its approval (now {version}); compare{since} and approve it again",
            event.post_id,
        )
    if event.status == "awaiting_approval":
        return Draft(
            "approval_needed",
            "Due, and not approved",
            f"The post is due, but {version} is not approved{since}: it waits for an approval and "
            "does not go out until then",
            event.post_id,
        )
    return None


def needs_preferences(event: Event) -> bool:
    """Milestones depend on the user's thresholds; the other rules do not."""
    return isinstance(event, MetricsUpdate)


def _reminder(event: ReminderChanged) -> Draft | None:
    kind = event.post_type or "post"
    if event.state == "due":
        caption = f" Caption to copy: “{event.caption}”" if event.caption else ""
        return Draft(
            "reminder_due",
            f"Time to post your {kind}",
            f"Your {kind} is due now: publish it from your phone, then mark it done. Open it for its "
            f"media, ready for Instagram.{caption}",
            event.post_id,
        )
    if event.state == "missed":
        return Draft(
            "reminder_missed",
            f"Your {kind} was not marked done",
            f"The {kind} you planned to publish yourself was not marked done. Mark it done if you "
            "published it, or plan it again.",
            event.post_id,
        )
    return None


def from_event(event: Event, preferences: Preferences | None = None) -> Draft | None:
    """The notification an event calls for, if any."""
    if isinstance(event, AccountChanged):
        return _account(event)
    if isinstance(event, ReviewChanged):
        return _review(event)
    if isinstance(event, CommentAdded):
        if not event.mentioned:
            return None
        who = event.author_name or ("Your client" if event.author_kind == "client" else "A teammate")
        return Draft(
            "mentioned", "You were mentioned", f"{who} mentioned you on a post: “{event.body}”", event.post_id
        )
    if isinstance(event, ReminderChanged):
        return _reminder(event)
    if isinstance(event, PreflightChecked):
        # A person who asked (Check now) sees the answer; the rounds' failures are told.
        if event.ok or event.stage == "now":
            return None
        when = "within the hour" if event.stage == "final" else "within a day"
        return Draft(
            "preflight_failed",
            "A scheduled post would fail",
            f"Due {when}, it would fail: {' '.join(event.problems)} Fix it while there is time.",
            event.post_id,
        )
    if isinstance(event, FirstCommentChanged):
        if event.status != "failed":
            return None
        return Draft(
            "first_comment_failed",
            "First comment not posted",
            f"The post is live; its first comment is not: {event.error} Retry it from the post.",
            event.post_id,
        )
    if isinstance(event, MetricsUpdate):
        return _milestone(event, milestones_of(preferences))
    if isinstance(event, PostStatusUpdate):
        post_id, metadata, status = event.post_id, event.metadata or {}, event.status
        if status == PostStatus.PUBLISHED:
            if metadata.get("published_by") == "hand":
                return None  # the person who published it marked it so
            link = metadata.get("permalink") or ""
            return Draft(
                "post_published", "Post published", f"Your post is live on Instagram {link}".strip(), post_id
            )
        if status == PostStatus.FAILED:
            reason = metadata.get("error") or "no reason given"
            return Draft("post_failed", "Post failed", f"The post could not be published: {reason}", post_id)
        if status == PostStatus.NEEDS_RECONCILE:
            return Draft(
                "post_needs_reconcile",
                "Checking with Instagram",
                "Instagram did not say whether the post went out; Postflow asks again before anything else",
                post_id,
            )
    if isinstance(event, ScheduleChanged):
        when = event.scheduled_for
        message = f"The post now publishes at {when}" if when else "The post was taken off the schedule"
        return Draft("schedule_changed", "Schedule changed", message, event.post_id)
    if isinstance(event, MediaProcessing):
        media_id = event.media_id
        if event.status == "ready":
            return Draft(
                "media_ready", "Media ready", "Your video is ready to use in posts", media_id=media_id
            )
        if event.status == "failed":
            reason = event.failure_reason or "no reason given"
            return Draft(
                "media_failed",
                "Media failed",
                f"Your video could not be processed: {reason}",
                media_id=media_id,
            )
    return None


def _quiet(preferences: Preferences, at: datetime) -> bool:
    start, end = preferences.quiet_hours_start, preferences.quiet_hours_end
    if start is None or end is None:
        return False
    local = at.astimezone(ZoneInfo(preferences.timezone)).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end  # wraps midnight


CHANNELS = ("websocket", "email", "webhook")
# What a type does when the user has not said: pushed live; email and webhooks when asked.
DEFAULTS = {"websocket": True, "email": False, "webhook": False}


def chosen(preferences: Preferences | None, kind: str) -> dict[str, bool]:
    said = ((preferences.channels or {}) if preferences else {}).get(kind, {})
    return {channel: bool(said.get(channel, DEFAULTS[channel])) for channel in CHANNELS}


def channels_now(preferences: Preferences | None, kind: str, at: datetime) -> set[str]:
    """Where a notification of `kind` goes now (it is stored either way): none in quiet
    hours; email and webhook only where an address / URL is set."""
    if preferences is not None and _quiet(preferences, at):
        return set()
    wanted = {channel for channel, on in chosen(preferences, kind).items() if on}
    if preferences is None or not preferences.email_address or preferences.email_confirmed_at is None:
        wanted.discard("email")
    if preferences is None or not preferences.webhook_url:
        wanted.discard("webhook")
    return wanted


async def preferences_of(db: Database, user_id: str) -> Preferences | None:
    async with db.reading() as session:
        return await session.get(Preferences, uuid.UUID(user_id))


@dataclass
class Recorded:
    notification: Notification
    # Where it goes now: websocket, email, webhook (none of them in quiet hours).
    channels: set[str]


async def record(
    db: Database, *, user_id: str, draft: Draft, source_event_id: int, preferences: Preferences | None
) -> Recorded | None:
    """Store the notification, and in the same transaction its email and webhook sends
    (delivered from the table, so none is lost to a restart); with where it goes now. None
    when this event already made one (read twice)."""
    now = datetime.now(UTC)
    channels = channels_now(preferences, draft.type, now)
    values = {
        "id": uuid.uuid4(),
        "user_id": uuid.UUID(user_id),
        "type": draft.type,
        "title": draft.title,
        "message": draft.message,
        "post_id": draft.post_id,
        "media_id": draft.media_id,
        "data": {},
        "source_event_id": source_event_id,
        "delivered": "websocket" in channels,
        "created_at": now,
    }
    async with db.transaction() as session:
        row = await session.scalar(
            insert(Notification)
            .values(**values)
            .on_conflict_do_nothing(index_elements=[Notification.source_event_id])
            .returning(Notification)
        )
        if row is None:
            return None
        # channels_now() named email and webhook only where an address / URL is set.
        sends = []
        if "email" in channels:
            sends.append(("email", preferences.email_address, ""))
        if "webhook" in channels:
            sends.append(("webhook", preferences.webhook_url, preferences.webhook_secret or ""))
        for channel, address, secret in sends:
            session.add(
                Delivery(
                    id=uuid.uuid4(),
                    notification_id=row.id,
                    channel=channel,
                    address=address,
                    secret=secret,
                    next_attempt_at=now,
                )
            )
    return Recorded(row, channels)


@dataclass
class NotificationsPage:
    page: cursors.Page[Notification]
    # The user's notifications not read yet, on every page.
    unread: int


async def page(
    db: Database, *, user_id: uuid.UUID, unread_only: bool, cursor: str, limit: int, max_limit: int
) -> NotificationsPage:
    """Newest first; the page and the user's unread count."""
    if not 1 <= limit <= max_limit:
        raise invalid_field("limit", f"must be between 1 and {max_limit}")
    conditions = [Notification.user_id == user_id]
    if unread_only:
        conditions.append(Notification.read_at.is_(None))
    async with db.reading() as session:
        found = await cursors.newest_first(session, Notification, conditions, cursor, limit)
        unread = await session.scalar(
            select(func.count()).where(Notification.user_id == user_id, Notification.read_at.is_(None))
        )
    return NotificationsPage(found, unread or 0)


async def mark_read(db: Database, *, user_id: uuid.UUID, notification_id: str) -> Notification:
    try:
        wanted = uuid.UUID(notification_id)
    except ValueError as exc:
        raise not_found("Notification") from exc
    async with db.transaction() as session:
        row = await session.scalar(
            update(Notification)
            .where(Notification.id == wanted, Notification.user_id == user_id)
            .values(read_at=func.coalesce(Notification.read_at, func.now()))
            .returning(Notification)
        )
    if row is None:
        raise not_found("Notification")
    return row


async def mark_all_read(db: Database, *, user_id: uuid.UUID) -> int:
    async with db.transaction() as session:
        result = await session.execute(
            update(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
            .values(read_at=func.now())
        )
    return result.rowcount


def _clock(value: str, field: str, problems: list[Violation]) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        problems.append(Violation(field, "must be a time of day, HH:MM"))
        return None


async def get_preferences(db: Database, user_id: uuid.UUID) -> Preferences:
    async with db.reading() as session:
        row = await session.get(Preferences, user_id)
    return row or Preferences(user_id=user_id, channels={}, timezone="UTC")


async def set_preferences(
    db: Database,
    *,
    user_id: uuid.UUID,
    channels: dict[str, dict[str, bool]],
    quiet_hours_start: str,
    quiet_hours_end: str,
    timezone: str,
    email_address: str,
    webhook_url: str,
    settings: Settings,
    like_milestones: list[int] | None = None,
    reach_multiple: float = 0.0,
) -> Preferences:
    problems: list[Violation] = []
    email_address, webhook_url = email_address.strip(), webhook_url.strip()
    if email_address and not is_email_address(email_address):
        problems.append(Violation("email_address", "is not an email address"))
    if webhook_url:
        try:
            await webhook_target.target(webhook_url, settings.webhook_allow_private_hosts)
        except webhook_target.Refused as refused:
            problems.append(Violation("webhook_url", str(refused)))
    like_milestones = sorted(set(like_milestones or []))
    if len(like_milestones) > MAX_LIKE_MILESTONES or any(t < 1 for t in like_milestones):
        problems.append(Violation("milestones.likes", f"at most {MAX_LIKE_MILESTONES} positive like counts"))
    if reach_multiple and not 1.1 <= reach_multiple <= 100:
        problems.append(Violation("milestones.reach_multiple", "must be between 1.1 and 100"))
    wants = {channel for choice in channels.values() for channel, on in choice.items() if on}
    if "email" in wants and not email_address:
        problems.append(Violation("email_address", "is needed for email notifications"))
    if "email" in wants and not settings.smtp_host:
        message = "email notifications are not set up on this server (POSTFLOW_SMTP_HOST)"
        problems.append(Violation("channels", message))
    if "webhook" in wants and not webhook_url:
        problems.append(Violation("webhook_url", "is needed for webhook notifications"))
    for kind in channels:
        if kind not in TYPES:
            problems.append(Violation(f"channels.{kind}", f"is not a notification type ({', '.join(TYPES)})"))
    start = _clock(quiet_hours_start, "quiet_hours.start", problems)
    end = _clock(quiet_hours_end, "quiet_hours.end", problems)
    if (start is None) != (end is None) and not any(p.field.startswith("quiet") for p in problems):
        problems.append(Violation("quiet_hours.end", "give both ends of the quiet hours, or neither"))
    if not is_valid_zone(timezone or "UTC"):
        problems.append(Violation("timezone", "must be an IANA time zone such as Europe/Paris"))
    if problems:
        raise invalid(problems)
    current = await get_preferences(db, user_id)
    secret = current.webhook_secret if current.webhook_url == webhook_url else None
    confirmation = email_confirmation.plan(current, email_address, datetime.now(UTC))
    values = {
        **confirmation.values,
        "channels": channels,
        "quiet_hours_start": start,
        "quiet_hours_end": end,
        "timezone": timezone or "UTC",
        "email_address": email_address or None,
        "webhook_url": webhook_url or None,
        # A new URL gets a new secret: the old receiver's secret must not sign for it.
        "webhook_secret": (secret or secrets.token_hex(32)) if webhook_url else None,
        "milestones": {
            "likes": like_milestones or DEFAULT_MILESTONES["likes"],
            "reach_multiple": reach_multiple or DEFAULT_MILESTONES["reach_multiple"],
        },
        "updated_at": datetime.now(UTC),
    }
    async with db.transaction() as session:
        saved = await session.scalar(
            insert(Preferences)
            .values(user_id=user_id, **values)
            .on_conflict_do_update(index_elements=[Preferences.user_id], set_=values)
            .returning(Preferences)
        )
    if confirmation.token and settings.smtp_host:
        await email_confirmation.mail_link(settings, email_address, confirmation.token)
    return saved
