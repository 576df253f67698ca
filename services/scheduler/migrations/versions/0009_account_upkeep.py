"""Keeping accounts connected: when each token was last checked with Meta, when its owner
was warned of its expiry, since when it waits for a reconnect; and the scheduler's outbox of
events (an account's health changes reach the user's channels even when NATS is away)

Revision ID: 0009_account_upkeep
Revises: 0008_meta_login
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0009_account_upkeep"
down_revision = "0008_meta_login"
branch_labels = None
depends_on = None

S = "scheduler"


def upgrade() -> None:
    for column in (
        sa.Column("token_checked_at", sa.DateTime(timezone=True)),
        sa.Column("expiry_warned_at", sa.DateTime(timezone=True)),
        sa.Column("needs_reauth_since", sa.DateTime(timezone=True)),
    ):
        op.add_column("instagram_accounts", column, schema=S)
    op.create_table(
        "event_outbox",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.Text, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("payload", JSONB, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("event_outbox", schema=S)
    for name in ("needs_reauth_since", "expiry_warned_at", "token_checked_at"):
        op.drop_column("instagram_accounts", name, schema=S)
