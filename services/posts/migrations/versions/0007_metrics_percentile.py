"""post_metrics.percentile_rank: the post against the account's earlier posts at the same age

Revision ID: 0007_metrics_percentile
Revises: 0006_post_metrics
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_metrics_percentile"
down_revision = "0006_post_metrics"
branch_labels = None
depends_on = None

S = "posts"


def upgrade() -> None:
    op.add_column("post_metrics", sa.Column("percentile_rank", sa.Float), schema=S)


def downgrade() -> None:
    op.drop_column("post_metrics", "percentile_rank", schema=S)
