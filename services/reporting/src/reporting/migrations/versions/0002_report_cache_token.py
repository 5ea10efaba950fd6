"""freshness.changed: a token renewed by every commit that applies events (the report cache's key)

Safe on a live system: PostgreSQL 11+ adds a column with a constant default without rewriting the table (and
freshness holds one row per source).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 03:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('freshness', sa.Column('changed', sa.String(length=32), server_default='', nullable=False))


def downgrade() -> None:
    op.drop_column('freshness', 'changed')
