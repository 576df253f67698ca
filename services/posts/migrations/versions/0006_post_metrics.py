"""post_metrics: a published post's engagement over time (one row per collection)

Revision ID: 0006_post_metrics
Revises: 0005_series
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0006_post_metrics"
down_revision = "0005_series"
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    op.create_table(
        "post_metrics",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("post_id", UUID(as_uuid=True), nullable=False),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("collected_at", sa.DateTime(timezone=True), nullable=False),
        # Seconds since the post was published, when collected.
        sa.Column("age_seconds", sa.Integer, nullable=False),
        sa.Column("likes", sa.Integer, nullable=False),
        sa.Column("comments", sa.Integer, nullable=False),
        sa.Column("shares", sa.Integer, nullable=False),
        sa.Column("saves", sa.Integer, nullable=False),
        sa.Column("reach", sa.Integer, nullable=False),
        sa.Column("views", sa.Integer, nullable=False),
        sa.UniqueConstraint("post_id", "collected_at", name="uq_post_metrics_time"),
        schema=S,
    )
    op.create_index("ix_post_metrics_post", "post_metrics", ["post_id", "collected_at"], schema=S)


def downgrade() -> None:
    op.drop_table("post_metrics", schema=S)
