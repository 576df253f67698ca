"""workspaces, memberships and invitations; every user gets a personal workspace

A personal workspace has its owner's id: the other services' rows, keyed by their owner's
id before workspaces existed, belong to it as they are, with nothing to copy or rewrite.

Revision ID: 0004_workspaces
Revises: 0003_sessions_and_audit
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0004_workspaces"
down_revision = "0003_sessions_and_audit"
branch_labels = None
depends_on = None

ROLES = ("owner", "admin", "editor", "contributor", "viewer")


def _now(name: str = "created_at") -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("personal", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("timezone", sa.Text, nullable=False, server_default="UTC"),
        _now(),
        schema="users",
    )
    roles = ", ".join(f"'{role}'" for role in ROLES)
    op.create_table(
        "memberships",
        sa.Column(
            "workspace_id",
            UUID(as_uuid=True),
            sa.ForeignKey("users.workspaces.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "user_id",
            UUID(as_uuid=True),
            sa.ForeignKey("users.users.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.Text, nullable=False),
        _now(),
        sa.CheckConstraint(f"role IN ({roles})", name="ck_memberships_role"),
        schema="users",
    )
    op.create_index("ix_memberships_user", "memberships", ["user_id"], schema="users")
    op.create_table(
        "invitations",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("token_hash", sa.LargeBinary, nullable=False, unique=True),
        sa.Column(
            "workspace_id",
            UUID(as_uuid=True),
            sa.ForeignKey("users.workspaces.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("invited_by", UUID(as_uuid=True), nullable=False),
        _now(),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True)),
        sa.Column("accepted_by", UUID(as_uuid=True)),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint(f"role IN ({roles})", name="ck_invitations_role"),
        schema="users",
    )
    op.create_index("ix_invitations_workspace", "invitations", ["workspace_id"], schema="users")
    op.execute(
        "INSERT INTO users.workspaces (id, name, personal, created_at) "
        "SELECT id, 'Personal', true, created_at FROM users.users"
    )
    op.execute(
        "INSERT INTO users.memberships (workspace_id, user_id, role, created_at) "
        "SELECT id, id, 'owner', created_at FROM users.users"
    )


def downgrade() -> None:
    op.drop_table("invitations", schema="users")
    op.drop_table("memberships", schema="users")
    op.drop_table("workspaces", schema="users")
