"""one change of a post's schedule at a time

Revision ID: 0004_schedule_claims
Revises: 0003_recurring_series
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0004_schedule_claims"
down_revision = "0003_recurring_series"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schedule_claims",
        sa.Column("post_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("token", UUID(as_uuid=True), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        schema="scheduler",
    )


def downgrade() -> None:
    op.drop_table("schedule_claims", schema="scheduler")
