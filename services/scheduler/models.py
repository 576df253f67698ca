"""Tables of the scheduler schema."""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Float, LargeBinary, Text, false, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from lib.common.outbox import OutboxEventColumns

SCHEMA = "scheduler"


class Base(DeclarativeBase):
    pass


class InstagramAccount(Base):
    """An Instagram professional account a user publishes to."""

    __tablename__ = "instagram_accounts"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    ig_user_id: Mapped[str] = mapped_column(Text)
    username: Mapped[str] = mapped_column(Text)
    # Fernet ciphertext of the access token (lib/common/token_vault.py).
    token_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    connected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    disconnected_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Minutes required between two posts on this account; None: the configured default.
    min_gap_minutes: Mapped[float | None] = mapped_column(Float)
    # Where a schedule that names no account goes (at most one per user).
    is_default: Mapped[bool] = mapped_column(Boolean, server_default=false())
    # How the token was obtained: "instagram" (Instagram Login, graph.instagram.com) or
    # "facebook" (Facebook Login or a system user's, graph.facebook.com): its calls go there.
    login_type: Mapped[str] = mapped_column(Text, server_default="facebook")
    graph_host: Mapped[str] = mapped_column(Text, server_default="graph.facebook.com")
    # What Meta says was granted; None: not known (a pasted token no app can inspect).
    scopes: Mapped[list[str] | None] = mapped_column(ARRAY(Text))
    # None: the token does not expire (a Page's or a system user's) or it is not known.
    token_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    token_refreshed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # "connected" or "needs_reauth" (Instagram refused the token), and why.
    health: Mapped[str] = mapped_column(Text, server_default="connected")
    health_reason: Mapped[str | None] = mapped_column(Text)
    # Facebook Login: the Page the Instagram account is linked to.
    page_id: Mapped[str | None] = mapped_column(Text)
    page_name: Mapped[str | None] = mapped_column(Text)
    # The last time Meta was asked about the token (debug_token or a refresh).
    token_checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The owner was told the token ends soon (once per token: cleared when it changes).
    expiry_warned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Since when Instagram has refused the token (health needs_reauth).
    needs_reauth_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Instagram asked for fewer calls until then (throttles.py): every worker waits for it.
    throttled_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class OutboxEvent(OutboxEventColumns, Base):
    """An event written with the change it reports, relayed to NATS (lib/common/outbox.py)."""

    __tablename__ = "event_outbox"
    __table_args__ = {"schema": SCHEMA}


class MetaLogin(Base):
    """A Meta login under way: its state (hashed) is single-use and bound to the person who
    started it; a Facebook login with several accounts waits here for the person to pick."""

    __tablename__ = "meta_logins"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    login_type: Mapped[str] = mapped_column(Text)
    state_hash: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    choices: Mapped[list[dict] | None] = mapped_column(JSONB)
    sealed_tokens: Mapped[bytes | None] = mapped_column(LargeBinary)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RecurringSeries(Base):
    """A post published again and again by an RRULE; each occurrence is a copy of it."""

    __tablename__ = "recurring_series"
    __table_args__ = {"schema": SCHEMA}

    post_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    account_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    rrule: Mapped[str] = mapped_column(Text)
    timezone: Mapped[str] = mapped_column(Text)
    # Naive ISO 8601 on the zone's wall clock.
    start_local: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    stopped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ScheduleClaim(Base):
    """A post whose schedule is being changed right now, by one request of one scheduler
    replica, until `until` (a lease: a replica that died mid-change holds it no longer)."""

    __tablename__ = "schedule_claims"
    __table_args__ = {"schema": SCHEMA}

    post_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    token: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    until: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AudienceSample(Base):
    """One published media of an account and its engagement when last read: what the
    account's best times are learned from."""

    __tablename__ = "audience_samples"
    __table_args__ = {"schema": SCHEMA}

    account_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    media_id: Mapped[str] = mapped_column(Text, primary_key=True)
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    media_type: Mapped[str] = mapped_column(Text)
    # Likes and comments.
    engagement: Mapped[int] = mapped_column(BigInteger)
    followers: Mapped[int] = mapped_column(BigInteger)
    collected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AudienceModelRow(Base):
    """An account's fitted best-times model (lib/audience_model.AudienceModel.to_dict)."""

    __tablename__ = "audience_models"
    __table_args__ = {"schema": SCHEMA}

    account_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    model: Mapped[dict] = mapped_column(JSONB)
    fitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ScheduleTemplate(Base):
    """A named set of weekly slots in a zone ("Mon/Wed/Fri 09:00, Sat 11:00") that posts are
    scheduled into, each to the next free one."""

    __tablename__ = "schedule_templates"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    name: Mapped[str] = mapped_column(Text)
    timezone: Mapped[str] = mapped_column(Text)
    # [{"weekday": 0-6 (Monday 0), "time": "HH:MM"}], sorted.
    slots: Mapped[list[dict]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
