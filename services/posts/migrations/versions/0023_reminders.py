"""reminders: a post its author publishes by hand gets a reminder at its planned time, and
is marked done (or missed)

Revision ID: 0023_reminders
Revises: 0022_preflight
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0023_reminders"
down_revision = "0022_preflight"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "posts", sa.Column("reminder_state", sa.Text, nullable=False, server_default=""), schema="posts"
    )
    op.add_column("posts", sa.Column("reminder_sent_at", sa.DateTime(timezone=True)), schema="posts")
    op.add_column("posts", sa.Column("reminder_done_at", sa.DateTime(timezone=True)), schema="posts")
    # The reminder round's question: planned drafts published by hand whose time has come.
    op.create_index(
        "ix_posts_reminders_due",
        "posts",
        ["scheduled_for"],
        schema="posts",
        postgresql_where=sa.text("status = 'draft' AND (options ->> 'publish_myself') = 'true'"),
    )


def downgrade() -> None:
    op.drop_index("ix_posts_reminders_due", table_name="posts", schema="posts")
    for column in ("reminder_done_at", "reminder_sent_at", "reminder_state"):
        op.drop_column("posts", column, schema="posts")
