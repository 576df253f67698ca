"""Tables of the media schema."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, DateTime, Float, Integer, Text, func
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from lib.common.outbox import OutboxEventColumns

SCHEMA = "media"


class Base(DeclarativeBase):
    pass


class MediaFile(Base):
    """One uploaded item: its original, its Instagram-ready file and its thumbnail."""

    __tablename__ = "media_files"
    __table_args__ = {"schema": SCHEMA}

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    kind: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(Text)
    original_format: Mapped[str] = mapped_column(Text)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    original_size_bytes: Mapped[int] = mapped_column(BigInteger)
    original_key: Mapped[str] = mapped_column(Text)
    processed_key: Mapped[str | None] = mapped_column(Text)
    thumbnail_key: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    # [[code, message], ...] from processing
    warnings: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    failure_reason: Mapped[str | None] = mapped_column(Text)
    duration_seconds: Mapped[float | None] = mapped_column(Float)
    frame_rate: Mapped[float | None] = mapped_column(Float)
    video_codec: Mapped[str | None] = mapped_column(Text)
    audio_codec: Mapped[str | None] = mapped_column(Text)
    # Percent of the background work done (100 once ready or failed).
    progress: Mapped[int] = mapped_column(Integer, default=100)
    # Where in the video its thumbnail is taken (seconds).
    thumbnail_at: Mapped[float | None] = mapped_column(Float)
    # The media service converting it holds it until then (processing.py).
    processing_lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    fit: Mapped[str] = mapped_column(Text, default="pad")
    # An edited item: the item it was edited from; edits are applied to the original file.
    parent_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    edits: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Its stored files were removed, a grace period after it was deleted (purge.py).
    purged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Branding(Base):
    """A user's logo, put on their images when enabled (and by the watermark edit)."""

    __tablename__ = "branding"
    __table_args__ = {"schema": SCHEMA}

    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    logo_media_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    position: Mapped[str] = mapped_column(Text)
    scale_percent: Mapped[int] = mapped_column(Integer)
    opacity_percent: Mapped[int] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class OutboxEvent(OutboxEventColumns, Base):
    """A media event (processing progress, ready, failed) written with the change it
    reports, waiting to be relayed to NATS (lib/common/outbox.py)."""

    __tablename__ = "event_outbox"
    __table_args__ = {"schema": SCHEMA}
