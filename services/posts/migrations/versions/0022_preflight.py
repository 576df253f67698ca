"""pre-flight: what was checked of a scheduled post before it goes out, and for which
version and time

Revision ID: 0022_preflight
Revises: 0021_imports
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0022_preflight"
down_revision = "0021_imports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("posts", sa.Column("preflight", JSONB), schema="posts")
    op.add_column("posts", sa.Column("preflight_at", sa.DateTime(timezone=True)), schema="posts")
    op.add_column("posts", sa.Column("preflight_version", sa.Integer), schema="posts")
    op.add_column("posts", sa.Column("preflight_for", sa.DateTime(timezone=True)), schema="posts")
    op.add_column("posts", sa.Column("preflight_stage", sa.Text), schema="posts")


def downgrade() -> None:
    for column in ("preflight_stage", "preflight_for", "preflight_version", "preflight_at", "preflight"):
        op.drop_column("posts", column, schema="posts")
