"""a user's default Instagram account: the one a schedule without account_id goes to

Revision ID: 0005_default_account
Revises: 0004_schedule_claims
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_default_account"
down_revision = "0004_schedule_claims"
branch_labels = None
depends_on = None

S = "scheduler"


def upgrade() -> None:
    op.add_column(
        "instagram_accounts",
        sa.Column("is_default", sa.Boolean, nullable=False, server_default=sa.false()),
        schema=S,
    )
    # At most one default per user among the connected accounts.
    op.create_index(
        "instagram_accounts_one_default",
        "instagram_accounts",
        ["user_id"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("is_default AND disconnected_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("instagram_accounts_one_default", "instagram_accounts", schema=S)
    op.drop_column("instagram_accounts", "is_default", schema=S)
