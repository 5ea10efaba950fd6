"""report summaries: artifact_counts, student_evidence, participation, level_counts (the dashboard's counts
pre-aggregated)

Safe on a live system: new tables only. They are filled from the artifact-level rows by 0005 (which keeps them
at every level), not here: the backfill is today's code, and it writes a table this revision does not have yet.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 04:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

KEY = ("school_year_id", "skill_id", "school_id", "grade_level")


def _key() -> list:
    return [sa.Column("school_year_id", sa.String(length=64), nullable=False),
            sa.Column("skill_id", sa.String(length=64), nullable=False),
            sa.Column("school_id", sa.String(length=64), nullable=False),
            sa.Column("grade_level", sa.String(length=8), nullable=False)]


def upgrade() -> None:
    op.create_table('artifact_counts', *_key(),
                    sa.Column('added_by_role', sa.String(length=16), nullable=False),
                    sa.Column('kind', sa.String(length=16), nullable=False),
                    sa.Column('n', sa.Integer(), nullable=False),
                    sa.Column('reflected', sa.Integer(), nullable=False),
                    sa.Column('feedback', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint(*KEY, 'added_by_role', 'kind', name=op.f('pk_artifact_counts')))
    op.create_table('student_evidence', *_key(),
                    sa.Column('student_id', sa.String(length=64), nullable=False),
                    sa.Column('n', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint(*KEY, 'student_id', name=op.f('pk_student_evidence')))
    op.create_table('participation', *_key(),
                    sa.Column('students', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint(*KEY, name=op.f('pk_participation')))
    op.create_table('level_counts', *_key(),
                    sa.Column('level_rank', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('students', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint(*KEY, 'level_rank', name=op.f('pk_level_counts')))


def downgrade() -> None:
    op.drop_table('level_counts')
    op.drop_table('participation')
    op.drop_table('student_evidence')
    op.drop_table('artifact_counts')
