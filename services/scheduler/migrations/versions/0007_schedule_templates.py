"""schedule templates: a user's named sets of weekly slots in a zone

Revision ID: 0007_schedule_templates
Revises: 0006_audience
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0007_schedule_templates"
down_revision = "0006_audience"
branch_labels = None
depends_on = None

S = "scheduler"


def upgrade() -> None:
    op.create_table(
        "schedule_templates",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("timezone", sa.Text, nullable=False),
        # [{"weekday": 0-6 (Monday 0), "time": "HH:MM"}], sorted.
        sa.Column("slots", JSONB, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        schema=S,
    )
    op.create_index(
        "schedule_templates_user_name",
        "schedule_templates",
        ["user_id", sa.text("lower(name)")],
        unique=True,
        schema=S,
    )


def downgrade() -> None:
    op.drop_index("schedule_templates_user_name", "schedule_templates", schema=S)
    op.drop_table("schedule_templates", schema=S)
