"""imported history keeps the sender's school year it was made in (the growth view places it there)

Two columns with constant server defaults: no table rewrite on PostgreSQL, safe on a running system; older code
ignores them. Artifacts imported before this keep an empty year.

Revision ID: 0015_imported_school_year
Revises: 0014_imported_once
Create Date: 2026-12-07 06:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0015_imported_school_year'
down_revision = '0014_imported_once'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('artifacts') as batch:
        batch.add_column(sa.Column('origin_school_year', sa.String(length=200), server_default='', nullable=False))
        batch.add_column(sa.Column('origin_school_year_start', sa.String(length=10), server_default='',
                                   nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('artifacts') as batch:
        batch.drop_column('origin_school_year_start')
        batch.drop_column('origin_school_year')
