"""a user's planning settings: the posts a day the calendar's gaps are measured against

Revision ID: 0010_planning_settings
Revises: 0009_no_cancelled_status
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0010_planning_settings"
down_revision = "0009_no_cancelled_status"
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    op.create_table(
        "planning_settings",
        sa.Column("user_id", UUID(as_uuid=True), primary_key=True),
        # Null: learned from the user's history.
        sa.Column("posts_per_day", sa.Integer),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("posts_per_day BETWEEN 1 AND 50", name="ck_planning_posts_per_day"),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("planning_settings", schema=S)
