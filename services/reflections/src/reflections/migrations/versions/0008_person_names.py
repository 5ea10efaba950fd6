"""person_names: people's names from roster person_* events, so the discussion names who wrote feedback and comments.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 08:50:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('person_names',
                    sa.Column('person_id', sa.String(length=64), nullable=False),
                    sa.Column('name', sa.String(length=255), server_default='', nullable=False),
                    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_person_names')))


def downgrade() -> None:
    op.drop_table('person_names')
