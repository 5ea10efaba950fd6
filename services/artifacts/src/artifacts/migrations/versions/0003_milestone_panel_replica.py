"""milestone panel replica: panellists (until their link expires) and the evidence selected per milestone

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 21:48:32.488179
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('milestone_panellists',
    sa.Column('invitation_id', sa.String(length=36), nullable=False),
    sa.Column('milestone_id', sa.String(length=36), nullable=False),
    sa.Column('student_id', sa.String(length=64), nullable=False),
    sa.Column('person_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('invitation_id', name=op.f('pk_milestone_panellists'))
    )
    op.create_index('ix_milestone_panellists_milestone_id', 'milestone_panellists', ['milestone_id'], unique=False)
    op.create_table('milestone_selections',
    sa.Column('milestone_id', sa.String(length=36), nullable=False),
    sa.Column('artifact_id', sa.String(length=36), nullable=False),
    sa.Column('student_id', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('milestone_id', 'artifact_id', name=op.f('pk_milestone_selections'))
    )
    op.create_index('ix_milestone_selections_artifact_id', 'milestone_selections', ['artifact_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_milestone_selections_artifact_id', table_name='milestone_selections')
    op.drop_table('milestone_selections')
    op.drop_index('ix_milestone_panellists_milestone_id', table_name='milestone_panellists')
    op.drop_table('milestone_panellists')
