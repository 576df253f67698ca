"""a user's secret iCalendar feed: only the token's SHA-256 is kept

Revision ID: 0012_calendar_feeds
Revises: 0011_campaigns
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0012_calendar_feeds"
down_revision = "0011_campaigns"
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("user_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("token_hash", sa.LargeBinary, nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("calendar_feeds", schema=S)
