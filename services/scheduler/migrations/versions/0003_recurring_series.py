"""recurring_series: a post repeated by an RRULE in its zone

Revision ID: 0003_recurring_series
Revises: 0002_account_min_gap
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0003_recurring_series"
down_revision = "0002_account_min_gap"
branch_labels = None
depends_on = None

S = "scheduler"


def upgrade() -> None:
    op.create_table(
        "recurring_series",
        sa.Column("post_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("account_id", UUID(as_uuid=True), nullable=False),
        sa.Column("rrule", sa.Text, nullable=False),
        sa.Column("timezone", sa.Text, nullable=False),
        sa.Column("start_local", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("stopped_at", sa.DateTime(timezone=True)),
        schema=S,
    )
    op.create_index("ix_recurring_series_user", "recurring_series", ["user_id"], schema=S)


def downgrade() -> None:
    op.drop_table("recurring_series", schema=S)
