"""instagram_accounts

Revision ID: 0001_instagram_accounts
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0001_instagram_accounts"
down_revision = None
branch_labels = None
depends_on = None

S = "scheduler"


def upgrade() -> None:
    op.create_table(
        "instagram_accounts",
        sa.Column("id", UUID(as_uuid=True), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("ig_user_id", sa.Text, nullable=False),
        sa.Column("username", sa.Text, nullable=False),
        sa.Column("token_ciphertext", sa.LargeBinary),
        sa.Column("connected_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("disconnected_at", sa.DateTime(timezone=True)),
        schema=S,
    )
    # One live connection per user and Instagram account.
    op.create_index(
        "uq_instagram_accounts_user_ig",
        "instagram_accounts",
        ["user_id", "ig_user_id"],
        unique=True,
        postgresql_where=sa.text("disconnected_at IS NULL"),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("instagram_accounts", schema=S)
