"""campaigns: a name, dates, a colour and a goal; a post belongs to at most one

Revision ID: 0011_campaigns
Revises: 0010_planning_settings
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0011_campaigns"
down_revision = "0010_planning_settings"
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("colour", sa.Text, nullable=False),
        sa.Column("goal", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("end_date >= start_date", name="ck_campaign_dates"),
        schema=S,
    )
    op.create_index(
        "campaigns_user_name", "campaigns", ["user_id", sa.text("lower(name)")], unique=True, schema=S
    )
    op.add_column(
        "posts",
        sa.Column("campaign_id", UUID(as_uuid=True), sa.ForeignKey(f"{S}.campaigns.id", ondelete="SET NULL")),
        schema=S,
    )
    op.create_index(
        "posts_campaign",
        "posts",
        ["campaign_id", "scheduled_for"],
        schema=S,
        postgresql_where=sa.text("campaign_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("posts_campaign", "posts", schema=S)
    op.drop_column("posts", "campaign_id", schema=S)
    op.drop_index("campaigns_user_name", "campaigns", schema=S)
    op.drop_table("campaigns", schema=S)
