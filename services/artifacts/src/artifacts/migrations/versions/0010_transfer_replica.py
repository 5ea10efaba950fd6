"""the roster replica keeps each student's in-district transfers (chassis roster replica's transfers): an enrollment
at a school the student left stops counting on the transfer date

Revision ID: 0010_transfer_replica
Revises: 0009_class_capture
"""
import sqlalchemy as sa
from alembic import op

revision = '0010_transfer_replica'
down_revision = '0009_class_capture'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'transfers',
        sa.Column('student_id', sa.String(length=64), nullable=False),
        sa.Column('effective_date', sa.String(length=10), nullable=False),
        sa.Column('from_school_id', sa.String(length=64), server_default='', nullable=False),
        sa.Column('to_school_id', sa.String(length=64), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('student_id', 'effective_date', name=op.f('pk_transfers')),
    )


def downgrade() -> None:
    op.drop_table('transfers')
