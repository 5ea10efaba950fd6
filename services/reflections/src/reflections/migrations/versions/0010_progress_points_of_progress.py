"""points of progress (issue 14 §3): the district's terms with their due dates, one point of progress per student,
section and term, and the student work each references. New tables only: safe on a live system (nothing existing
is locked or rewritten), on PostgreSQL and on SQLite.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'progress_terms',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('school_year_id', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('due_on', sa.String(length=10), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_progress_terms'),
        sa.UniqueConstraint('school_year_id', 'name', name='uq_progress_terms_school_year_id_name'))
    op.create_table(
        'points_of_progress',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('student_id', sa.String(length=64), nullable=False),
        sa.Column('section_id', sa.String(length=64), nullable=False),
        sa.Column('term_id', sa.String(length=36), nullable=False),
        sa.Column('teacher_id', sa.String(length=64), nullable=False),
        sa.Column('skill_id', sa.String(length=64), nullable=False),
        sa.Column('level_rank', sa.Integer(), nullable=False),
        sa.Column('level_name', sa.String(length=200), server_default='', nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('completed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['term_id'], ['progress_terms.id'],
                                name='fk_points_of_progress_term_id_progress_terms'),
        sa.PrimaryKeyConstraint('id', name='pk_points_of_progress'),
        sa.UniqueConstraint('student_id', 'section_id', 'term_id', name='uq_points_of_progress_student_section_term'))
    op.create_index('ix_points_of_progress_section_term', 'points_of_progress', ['section_id', 'term_id'])
    op.create_table(
        'point_of_progress_artifacts',
        sa.Column('point_id', sa.String(length=36), nullable=False),
        sa.Column('artifact_id', sa.String(length=36), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['point_id'], ['points_of_progress.id'],
                                name='fk_point_of_progress_artifacts_point_id_points_of_progress'),
        sa.PrimaryKeyConstraint('point_id', 'artifact_id', name='pk_point_of_progress_artifacts'))


def downgrade() -> None:
    op.drop_table('point_of_progress_artifacts')
    op.drop_index('ix_points_of_progress_section_term', table_name='points_of_progress')
    op.drop_table('points_of_progress')
    op.drop_table('progress_terms')
