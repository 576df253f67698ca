"""sessions with rotating refresh tokens, password resets, the audit log

Revision ID: 0003_sessions_and_audit
Revises: 0002_login_failures
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0003_sessions_and_audit"
down_revision = "0002_login_failures"
branch_labels = None
depends_on = None


def _now() -> sa.Column:
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        _now(),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.Column("revoked_reason", sa.Text),
        schema="users",
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"], schema="users")
    op.create_table(
        "refresh_tokens",
        sa.Column("token_hash", sa.LargeBinary, primary_key=True),
        sa.Column("session_id", UUID(as_uuid=True), nullable=False),
        _now(),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
        schema="users",
    )
    op.create_index("ix_refresh_tokens_session_id", "refresh_tokens", ["session_id"], schema="users")
    op.create_table(
        "password_resets",
        sa.Column("token_hash", sa.LargeBinary, primary_key=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        _now(),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
        schema="users",
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("ip", sa.Text, nullable=False, server_default=""),
        sa.Column("user_agent", sa.Text, nullable=False, server_default=""),
        sa.Column("detail", JSONB, nullable=False, server_default="{}"),
        _now(),
        schema="users",
    )
    op.create_index("ix_audit_log_user_time", "audit_log", ["user_id", "created_at"], schema="users")


def downgrade() -> None:
    for table in ("audit_log", "password_resets", "refresh_tokens", "sessions"):
        op.drop_table(table, schema="users")
