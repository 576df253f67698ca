"""post_notifications: what happened that a user should know; notification_preferences

Revision ID: 0001_notifications
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0001_notifications"
down_revision = None
branch_labels = None
depends_on = None

S = "notifications"


def upgrade() -> None:
    op.create_table(
        "post_notifications",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("post_id", sa.Text),
        sa.Column("media_id", sa.Text),
        sa.Column("data", JSONB, nullable=False, server_default="{}"),
        # The event it was made from: made once even when the event is read twice.
        sa.Column("source_event_id", sa.BigInteger, nullable=False, unique=True),
        # Pushed live (websocket), or held back by preferences / quiet hours.
        sa.Column("delivered", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("read_at", sa.DateTime(timezone=True)),
        schema=S,
    )
    op.create_index("ix_notifications_user", "post_notifications", ["user_id", "created_at", "id"], schema=S)
    op.create_index(
        "ix_notifications_unread",
        "post_notifications",
        ["user_id", "created_at"],
        schema=S,
        postgresql_where=sa.text("read_at IS NULL"),
    )
    op.create_table(
        "notification_preferences",
        sa.Column("user_id", UUID(as_uuid=True), primary_key=True),
        # {type: {"websocket": bool}}; a type not named uses the defaults.
        sa.Column("channels", JSONB, nullable=False, server_default="{}"),
        sa.Column("quiet_hours_start", sa.Time),
        sa.Column("quiet_hours_end", sa.Time),
        sa.Column("timezone", sa.Text, nullable=False, server_default="UTC"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("notification_preferences", schema=S)
    op.drop_table("post_notifications", schema=S)
