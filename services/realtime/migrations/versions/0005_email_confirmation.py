"""notification email addresses are confirmed before anything is mailed to them

Revision ID: 0005_email_confirmation
Revises: 0004_deliveries
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_email_confirmation"
down_revision = "0004_deliveries"
branch_labels = None
depends_on = None

S = "notifications"


def upgrade() -> None:
    op.add_column(
        "notification_preferences", sa.Column("email_confirmed_at", sa.DateTime(timezone=True)), schema=S
    )
    op.add_column("notification_preferences", sa.Column("email_confirm_hash", sa.LargeBinary), schema=S)
    op.add_column(
        "notification_preferences", sa.Column("email_confirm_sent_at", sa.DateTime(timezone=True)), schema=S
    )
    # Addresses saved before confirmation existed keep working: their owners chose them.
    op.execute(
        f"UPDATE {S}.notification_preferences SET email_confirmed_at = updated_at"
        " WHERE email_address IS NOT NULL"
    )


def downgrade() -> None:
    for column in ("email_confirm_sent_at", "email_confirm_hash", "email_confirmed_at"):
        op.drop_column("notification_preferences", column, schema=S)
