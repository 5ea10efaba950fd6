"""the roster replica keeps each person's grade level (the chassis roster replica's people.grade_level)

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('people', sa.Column('grade_level', sa.String(length=16), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('people') as batch:    # SQLite (the embedded default) rebuilds the table
        batch.drop_column('grade_level')
