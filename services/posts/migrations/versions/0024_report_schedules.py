"""report schedules: a workspace's analytics report, mailed weekly or monthly

Revision ID: 0024_report_schedules
Revises: 0023_reminders
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

revision = "0024_report_schedules"
down_revision = "0023_reminders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_schedules",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("created_by", UUID(as_uuid=True), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("frequency", sa.Text, nullable=False),
        sa.Column("recipients", ARRAY(sa.Text), nullable=False),
        sa.Column("account_ids", ARRAY(UUID(as_uuid=True)), nullable=False),
        sa.Column("timezone", sa.Text, nullable=False),
        sa.Column("next_run_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema="posts",
    )
    op.create_index("ix_report_schedules_due", "report_schedules", ["next_run_at"], schema="posts")


def downgrade() -> None:
    op.drop_table("report_schedules", schema="posts")
