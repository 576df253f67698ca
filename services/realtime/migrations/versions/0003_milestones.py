"""notification_preferences.milestones: the user's engagement milestone thresholds

Revision ID: 0003_milestones
Revises: 0002_email_and_webhooks
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003_milestones"
down_revision = "0002_email_and_webhooks"
branch_labels = None
depends_on = None

S = "notifications"


def upgrade() -> None:
    # {"likes": [100, 1000], "reach_multiple": 2.0}; null: the defaults.
    op.add_column("notification_preferences", sa.Column("milestones", JSONB), schema=S)


def downgrade() -> None:
    op.drop_column("notification_preferences", "milestones", schema=S)
