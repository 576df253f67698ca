"""Meta's logins: each account's login type, host, granted scopes, token expiry and health;
the logins under way (their single-use state, and a Facebook login's accounts to pick from)

Revision ID: 0008_meta_login
Revises: 0007_schedule_templates
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision = "0008_meta_login"
down_revision = "0007_schedule_templates"
branch_labels = None
depends_on = None

S = "scheduler"


def upgrade() -> None:
    # Accounts connected before this were pasted tokens: Facebook Login's host, scopes unknown.
    for column in (
        sa.Column("login_type", sa.Text, nullable=False, server_default="facebook"),
        sa.Column("graph_host", sa.Text, nullable=False, server_default="graph.facebook.com"),
        sa.Column("scopes", ARRAY(sa.Text)),
        sa.Column("token_expires_at", sa.DateTime(timezone=True)),
        sa.Column("token_refreshed_at", sa.DateTime(timezone=True)),
        sa.Column("health", sa.Text, nullable=False, server_default="connected"),
        sa.Column("health_reason", sa.Text),
        sa.Column("page_id", sa.Text),
        sa.Column("page_name", sa.Text),
    ):
        op.add_column("instagram_accounts", column, schema=S)
    op.create_check_constraint(
        "ck_instagram_accounts_login_type",
        "instagram_accounts",
        "login_type IN ('instagram', 'facebook')",
        schema=S,
    )
    op.create_table(
        "meta_logins",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("user_id", UUID(as_uuid=True), nullable=False),
        sa.Column("login_type", sa.Text, nullable=False),
        # SHA-256 of the state sent through the browser: the value itself is never stored.
        sa.Column("state_hash", sa.LargeBinary, nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
        # A Facebook login with several accounts: [{ig_user_id, username, page_id, page_name}]
        # and their Page tokens, sealed, until the person picks.
        sa.Column("choices", JSONB),
        sa.Column("sealed_tokens", sa.LargeBinary),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        schema=S,
    )
    op.create_index("ix_meta_logins_expires", "meta_logins", ["expires_at"], schema=S)


def downgrade() -> None:
    op.drop_table("meta_logins", schema=S)
    op.drop_constraint("ck_instagram_accounts_login_type", "instagram_accounts", schema=S)
    for name in (
        "login_type",
        "graph_host",
        "scopes",
        "token_expires_at",
        "token_refreshed_at",
        "health",
        "health_reason",
        "page_id",
        "page_name",
    ):
        op.drop_column("instagram_accounts", name, schema=S)
