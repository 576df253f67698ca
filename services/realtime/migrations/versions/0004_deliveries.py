"""notification_deliveries: email and webhook sends waiting or done (an outbox), so that a
restart in the middle of the retries loses none

Revision ID: 0004_deliveries
Revises: 0003_milestones
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0004_deliveries"
down_revision = "0003_milestones"
branch_labels = None
depends_on = None

S = "notifications"


def upgrade() -> None:
    op.create_table(
        "notification_deliveries",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column(
            "notification_id",
            UUID(as_uuid=True),
            sa.ForeignKey(f"{S}.post_notifications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("channel", sa.Text, nullable=False),
        # The email address or webhook URL (and its secret) as they were when it was made.
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("secret", sa.Text, nullable=False, server_default=""),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        # When it may be tried next; also the lease of the replica trying it now.
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True)),
        sa.Column("failed_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema=S,
    )
    op.create_index(
        "notification_deliveries_due",
        "notification_deliveries",
        ["next_attempt_at"],
        schema=S,
        postgresql_where=sa.text("delivered_at IS NULL AND failed_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_table("notification_deliveries", schema=S)
