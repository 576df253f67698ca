"""the reach predicted for a post when it was scheduled, kept to compare with the outcome

Revision ID: 0013_stored_predictions
Revises: 0012_calendar_feeds
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_stored_predictions"
down_revision = "0012_calendar_feeds"
branch_labels = None
depends_on = None

S = "posts"
COLUMNS = ("predicted_reach", "predicted_reach_low", "predicted_reach_high")


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column("posts", sa.Column(name, sa.Float), schema=S)


def downgrade() -> None:
    for name in COLUMNS:
        op.drop_column("posts", name, schema=S)
