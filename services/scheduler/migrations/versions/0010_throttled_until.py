"""an account remembers until when Instagram asked for fewer calls, for every worker to see

Revision ID: 0010_throttled_until
Revises: 0009_account_upkeep
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_throttled_until"
down_revision = "0009_account_upkeep"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "instagram_accounts", sa.Column("throttled_until", sa.DateTime(timezone=True)), schema="scheduler"
    )


def downgrade() -> None:
    op.drop_column("instagram_accounts", "throttled_until", schema="scheduler")
