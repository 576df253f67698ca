"""each account's audience: the engagement of its published media, and the best-times
model fitted from it

Revision ID: 0006_audience
Revises: 0005_default_account
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0006_audience"
down_revision = "0005_default_account"
branch_labels = None
depends_on = None

S = "scheduler"


def upgrade() -> None:
    op.create_table(
        "audience_samples",
        sa.Column("account_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("media_id", sa.Text, primary_key=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("media_type", sa.Text, nullable=False),
        sa.Column("engagement", sa.BigInteger, nullable=False),
        sa.Column("followers", sa.BigInteger, nullable=False),
        sa.Column("collected_at", sa.DateTime(timezone=True), nullable=False),
        schema=S,
    )
    op.create_index("audience_samples_by_time", "audience_samples", ["account_id", "published_at"], schema=S)
    op.create_table(
        "audience_models",
        sa.Column("account_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("model", JSONB, nullable=False),
        sa.Column("fitted_at", sa.DateTime(timezone=True), nullable=False),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("audience_models", schema=S)
    op.drop_index("audience_samples_by_time", "audience_samples", schema=S)
    op.drop_table("audience_samples", schema=S)
