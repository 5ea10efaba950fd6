"""exemplars (with their consent record), calibration sessions and their blind scores: new tables only, so safe on a
live system.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 07:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exemplars',
                    sa.Column('id', sa.String(length=36), nullable=False),
                    sa.Column('artifact_id', sa.String(length=36), nullable=False),
                    sa.Column('student_id', sa.String(length=64), nullable=False),
                    sa.Column('skill_id', sa.String(length=64), nullable=False),
                    sa.Column('criterion_code', sa.String(length=64), server_default='', nullable=False),
                    sa.Column('level_rank', sa.Integer(), nullable=False),
                    sa.Column('level_name', sa.String(length=200), nullable=False),
                    sa.Column('caption', sa.Text(), nullable=False),
                    sa.Column('nominated_by', sa.String(length=64), nullable=False),
                    sa.Column('nominated_at', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('status', sa.String(length=24), nullable=False),
                    sa.Column('consent_by', sa.String(length=64), server_default='', nullable=False),
                    sa.Column('consent_role', sa.String(length=16), server_default='', nullable=False),
                    sa.Column('consent_at', sa.DateTime(timezone=True), nullable=True),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_exemplars')))
    op.create_index('ix_exemplars_skill_status', 'exemplars', ['skill_id', 'status', 'level_rank'], unique=False)
    op.create_index('ix_exemplars_student_id', 'exemplars', ['student_id'], unique=False)
    op.create_table('calibration_sessions',
                    sa.Column('id', sa.String(length=36), nullable=False),
                    sa.Column('coach_id', sa.String(length=64), nullable=False),
                    sa.Column('title', sa.String(length=200), nullable=False),
                    sa.Column('skill_id', sa.String(length=64), nullable=False),
                    sa.Column('skill_name', sa.String(length=200), server_default='', nullable=False),
                    sa.Column('levels', sa.Text(), nullable=False),
                    sa.Column('criteria', sa.Text(), nullable=False),
                    sa.Column('exemplar_ids', sa.Text(), nullable=False),
                    sa.Column('rater_ids', sa.Text(), nullable=False),
                    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('alpha', sa.Float(), nullable=True),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_calibration_sessions')))
    op.create_index('ix_calibration_sessions_created_at', 'calibration_sessions', ['created_at'], unique=False)
    op.create_table('calibration_scores',
                    sa.Column('session_id', sa.String(length=36), nullable=False),
                    sa.Column('rater_id', sa.String(length=64), nullable=False),
                    sa.Column('exemplar_id', sa.String(length=36), nullable=False),
                    sa.Column('criterion_code', sa.String(length=64), nullable=False),
                    sa.Column('level_rank', sa.Integer(), nullable=False),
                    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
                    sa.ForeignKeyConstraint(['session_id'], ['calibration_sessions.id'],
                                            name=op.f('fk_calibration_scores_session_id_calibration_sessions')),
                    sa.PrimaryKeyConstraint('session_id', 'rater_id', 'exemplar_id', 'criterion_code',
                                            name=op.f('pk_calibration_scores')))


def downgrade() -> None:
    op.drop_table('calibration_scores')
    op.drop_index('ix_calibration_sessions_created_at', table_name='calibration_sessions')
    op.drop_table('calibration_sessions')
    op.drop_index('ix_exemplars_student_id', table_name='exemplars')
    op.drop_index('ix_exemplars_skill_status', table_name='exemplars')
    op.drop_table('exemplars')
