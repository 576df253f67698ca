"""failed logins per email, for the growing lockout

Revision ID: 0002_login_failures
Revises: 0001_users
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_login_failures"
down_revision = "0001_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("email_key", sa.Text, primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True)),
        sa.Column(
            "last_failure_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        schema="users",
    )


def downgrade() -> None:
    op.drop_table("login_failures", schema="users")
