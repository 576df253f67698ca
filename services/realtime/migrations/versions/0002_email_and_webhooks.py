"""notification_preferences gains the email address and webhook (URL, signing secret)

Revision ID: 0002_email_and_webhooks
Revises: 0001_notifications
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_email_and_webhooks"
down_revision = "0001_notifications"
branch_labels = None
depends_on = None

S = "notifications"


def upgrade() -> None:
    op.add_column("notification_preferences", sa.Column("email_address", sa.Text), schema=S)
    op.add_column("notification_preferences", sa.Column("webhook_url", sa.Text), schema=S)
    op.add_column("notification_preferences", sa.Column("webhook_secret", sa.Text), schema=S)


def downgrade() -> None:
    for name in ("webhook_secret", "webhook_url", "email_address"):
        op.drop_column("notification_preferences", name, schema=S)
