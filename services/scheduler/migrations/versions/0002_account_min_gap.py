"""per-account minimum gap between posts (null: the configured default)

Revision ID: 0002_account_min_gap
Revises: 0001_instagram_accounts
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_account_min_gap"
down_revision = "0001_instagram_accounts"
branch_labels = None
depends_on = None

S = "scheduler"


def upgrade() -> None:
    op.add_column("instagram_accounts", sa.Column("min_gap_minutes", sa.Float), schema=S)


def downgrade() -> None:
    op.drop_column("instagram_accounts", "min_gap_minutes", schema=S)
