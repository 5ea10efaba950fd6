"""skill catalog replica: where each skill belongs (district, a school's own addition) and each school's district,
so artifact tags can be checked against the student's district

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 09:05:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('skill_places',
    sa.Column('skill_id', sa.String(length=64), nullable=False),
    sa.Column('district_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('school_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('skill_id', name=op.f('pk_skill_places'))
    )
    op.create_table('school_districts',
    sa.Column('school_id', sa.String(length=64), nullable=False),
    sa.Column('district_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('school_id', name=op.f('pk_school_districts'))
    )


def downgrade() -> None:
    op.drop_table('school_districts')
    op.drop_table('skill_places')
