"""people status replica: the chassis interceptor refuses a caller the roster deactivated

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('people',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_people'))
    )


def downgrade() -> None:
    op.drop_table('people')
