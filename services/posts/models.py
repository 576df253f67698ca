"""Tables of the posts schema."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Computed,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from lib.common.outbox import OutboxEventColumns
from lib.post_status import PostStatus

SCHEMA = "posts"
# The text search configuration of search_vector; queries must use the same one.
SEARCH_CONFIG = "english"


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    caption: Mapped[str] = mapped_column(Text, default="")
    hashtags: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    media: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    post_type: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    # "metadata" is reserved by SQLAlchemy's declarative base.
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONB, default=dict)
    # PublishOptions' set fields (first comment, location, collaborators, reel options).
    options: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    # The first comment's own step (first_comments.py): "" (none yet), pending, posted, failed.
    first_comment_status: Mapped[str] = mapped_column(Text, default="", server_default="")
    first_comment_id: Mapped[str | None] = mapped_column(Text)
    first_comment_error: Mapped[str | None] = mapped_column(Text)
    first_comment_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    first_comment_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Its review (approvals.py): "", in_review, approved, changes_requested,
    # edited_since_approval; and what was approved, as the hash of its content, account and time.
    review_status: Mapped[str] = mapped_column(Text, default="", server_default="")
    approved_hash: Mapped[str | None] = mapped_column(Text)
    approved_version: Mapped[int | None] = mapped_column(Integer)
    approved_by: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Published by hand (options.publish_myself, reminders.py): "", due, done or missed.
    reminder_state: Mapped[str] = mapped_column(Text, default="", server_default="")
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reminder_done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Pre-flight (preflight.py): what was checked, when, for which version and time.
    preflight: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)
    preflight_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    preflight_version: Mapped[int | None] = mapped_column(Integer)
    preflight_for: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    preflight_stage: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text, default=PostStatus.DRAFT)
    version: Mapped[int] = mapped_column(Integer, default=1)
    template_name: Mapped[str | None] = mapped_column(Text)
    scheduled_for: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    timezone: Mapped[str | None] = mapped_column(Text)
    optimal_time_score: Mapped[float | None] = mapped_column(Float)
    # The reach predicted when the post was last scheduled (with its 25th-75th percentile
    # interval), kept to compare with what it reached.
    predicted_reach: Mapped[float | None] = mapped_column(Float)
    predicted_reach_low: Mapped[float | None] = mapped_column(Float)
    predicted_reach_high: Mapped[float | None] = mapped_column(Float)
    account_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    instagram_media_id: Mapped[str | None] = mapped_column(Text)
    permalink: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    # An occurrence of a recurring series: the post the series copies.
    series_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey(f"{SCHEMA}.campaigns.id", ondelete="SET NULL")
    )
    # Only queried, never shown: deferred so that loading a post does not fetch them.
    search_text: Mapped[str] = mapped_column(Text, default="", deferred=True)
    search_vector: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed(f"to_tsvector('{SEARCH_CONFIG}', search_text)", persisted=True),
        deferred=True,
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PostVersion(Base):
    __tablename__ = "post_versions"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    post_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey(f"{SCHEMA}.posts.id", ondelete="CASCADE")
    )
    version: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(Text)
    hashtags: Mapped[list[str]] = mapped_column(ARRAY(Text))
    media: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    post_type: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONB)
    options: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    changed_by: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    change_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Autosave(Base):
    """Work in progress on a post: overwritten often, never versioned until committed."""

    __tablename__ = "autosaves"
    __table_args__ = {"schema": SCHEMA}

    post_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey(f"{SCHEMA}.posts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    content: Mapped[dict[str, Any]] = mapped_column(JSONB)
    base_version: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class PostMetric(Base):
    """One collection of a published post's engagement."""

    __tablename__ = "post_metrics"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    post_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    collected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    age_seconds: Mapped[int] = mapped_column(Integer)
    likes: Mapped[int] = mapped_column(Integer)
    comments: Mapped[int] = mapped_column(Integer)
    shares: Mapped[int] = mapped_column(Integer)
    saves: Mapped[int] = mapped_column(Integer)
    reach: Mapped[int] = mapped_column(Integer)
    views: Mapped[int] = mapped_column(Integer)
    # Reach against the account's earlier posts at the same age (0-100; None: no earlier).
    percentile_rank: Mapped[float | None] = mapped_column(Float)


class OutboxEvent(OutboxEventColumns, Base):
    """An event written with the change it reports, waiting to be relayed to NATS
    (lib/common/outbox.py): a NATS outage delays it, never loses it."""

    __tablename__ = "event_outbox"
    __table_args__ = {"schema": SCHEMA}


class PlanningSettings(Base):
    """A user's planning settings (services/posts/planning_settings.py)."""

    __tablename__ = "planning_settings"
    __table_args__ = {"schema": SCHEMA}

    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    # Posts a day the calendar's gaps are measured against; None: learned from history.
    posts_per_day: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Campaign(Base):
    """A named push over some dates (a launch, a season) that posts belong to."""

    __tablename__ = "campaigns"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    name: Mapped[str] = mapped_column(Text)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # #rrggbb
    colour: Mapped[str] = mapped_column(Text)
    goal: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CalendarFeed(Base):
    """A user's secret .ics feed URL (one at a time); only the token's SHA-256 is kept."""

    __tablename__ = "calendar_feeds"
    __table_args__ = {"schema": SCHEMA}

    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    token_hash: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ApprovalRule(Base):
    """Whether a workspace's posts (all, or those of some accounts) need an approval before
    they go out."""

    __tablename__ = "approval_rules"
    __table_args__ = {"schema": SCHEMA}

    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    required: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    # Empty: every account of the workspace.
    account_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(UUID(as_uuid=True)), default=list, server_default="{}"
    )
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ReviewEntry(Base):
    """One review action on one version of a post: who, what, when (the audit trail)."""

    __tablename__ = "review_trail"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    post_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(Text)
    # submitted, approved, changes_requested, voided, held (refused at its due second)
    action: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    # member, or client (a review link)
    actor_kind: Mapped[str] = mapped_column(Text, default="member", server_default="member")
    comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Comment(Base):
    """A comment on a post, in a thread (the thread's first comment has no thread_id), by a
    member or a client (a review link); a thread is resolved as a whole, on its first."""

    __tablename__ = "post_comments"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    post_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey(f"{SCHEMA}.posts.id", ondelete="CASCADE")
    )
    thread_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    author_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    author_kind: Mapped[str] = mapped_column(Text, default="member", server_default="member")
    body: Mapped[str] = mapped_column(Text)
    mentions: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(UUID(as_uuid=True)), default=list, server_default="{}"
    )
    # The post's version when the comment was made.
    version: Mapped[int] = mapped_column(Integer)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ReviewLink(Base):
    """A client's review link (review_links.py): one post, or the posts of a range."""

    __tablename__ = "review_links"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    token_hash: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    post_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    range_from: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    range_to: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    label: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class HashtagGroup(Base):
    """A named set of hashtags (hashtag_groups.py), inserted from the composer in one click."""

    __tablename__ = "hashtag_groups"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    name: Mapped[str] = mapped_column(Text)
    # As written, without "#"; compared case-insensitively.
    hashtags: Mapped[list[str]] = mapped_column(ARRAY(Text))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Import(Base):
    """A CSV of posts (csv_import.py): its rows are imported once, by ImportPostsWorkflow."""

    __tablename__ = "imports"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    created_by: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    content_hash: Mapped[str] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(Text, default="")
    timezone: Mapped[str] = mapped_column(Text)
    schedule: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(Text, default="pending")
    total: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ImportRow(Base):
    __tablename__ = "import_rows"
    __table_args__ = {"schema": SCHEMA}

    import_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey(f"{SCHEMA}.imports.id", ondelete="CASCADE"), primary_key=True
    )
    row: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONB)
    problems: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    outcome: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text, default="")
    post_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))


class ReportSchedule(Base):
    """An analytics report mailed weekly or monthly (report_schedules.py)."""

    __tablename__ = "report_schedules"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    created_by: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    name: Mapped[str] = mapped_column(Text)
    frequency: Mapped[str] = mapped_column(Text)
    recipients: Mapped[list[str]] = mapped_column(ARRAY(Text))
    account_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(UUID(as_uuid=True)))
    timezone: Mapped[str] = mapped_column(Text)
    next_run_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
