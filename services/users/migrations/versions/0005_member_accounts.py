"""a member may be limited to some of the workspace's Instagram accounts

Revision ID: 0005_member_accounts
Revises: 0004_workspaces
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

revision = "0005_member_accounts"
down_revision = "0004_workspaces"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Empty: every account (a constant default: no table rewrite).
    op.add_column(
        "memberships",
        sa.Column("account_ids", ARRAY(UUID(as_uuid=True)), nullable=False, server_default="{}"),
        schema="users",
    )


def downgrade() -> None:
    op.drop_column("memberships", "account_ids", schema="users")
