"""summary levels: every summary kept at the four levels a report reads (school x grade, school, grade, district),
``enrolment`` (the students enrolled at each), and primary keys that lead with the level, so a report reads its own
level's rows and never sums a level below it; milestones indexed by school year, school and grade, and
student evidence by student

Safe on a live system: the summaries are derived tables. They are emptied, re-keyed while empty (dropped and
created again: no rewrite of data) and filled from the artifact-level rows in a few INSERT ... SELECT statements per
level (adapters.summaries.backfill) in the migration's transaction: seconds at a district's size. Stop the events
worker (or do not upgrade it yet) while it runs: an event applied meanwhile by the previous code would not reach
the new levels. `skillfolio reporting rebuild` rebuilds them with every other read model. The milestones index
is built in the transaction too: the table holds one row per completed milestone (about one per student a year).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 17:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

REST = {'artifact_counts': ('added_by_role', 'kind'), 'student_evidence': ('student_id',), 'participation': (),
        'level_counts': ('level_rank',)}
BY_SCHOOL = ('school_year_id', 'grade_level', 'skill_id', 'school_id')


def _columns(table: str) -> list:
    key = [sa.Column('school_year_id', sa.String(length=64), nullable=False),
           sa.Column('skill_id', sa.String(length=64), nullable=False),
           sa.Column('school_id', sa.String(length=64), nullable=False),
           sa.Column('grade_level', sa.String(length=8), nullable=False)]
    return key + {
        'artifact_counts': lambda: [sa.Column('added_by_role', sa.String(length=16), nullable=False),
                                    sa.Column('kind', sa.String(length=16), nullable=False),
                                    sa.Column('n', sa.Integer(), nullable=False),
                                    sa.Column('reflected', sa.Integer(), nullable=False),
                                    sa.Column('feedback', sa.Integer(), nullable=False)],
        'student_evidence': lambda: [sa.Column('student_id', sa.String(length=64), nullable=False),
                                     sa.Column('n', sa.Integer(), nullable=False)],
        'participation': lambda: [sa.Column('students', sa.Integer(), nullable=False)],
        'level_counts': lambda: [sa.Column('level_rank', sa.Integer(), autoincrement=False, nullable=False),
                                 sa.Column('students', sa.Integer(), nullable=False)],
    }[table]()


def _create(table: str, key: tuple[str, ...]) -> None:
    op.create_table(table, *_columns(table), sa.PrimaryKeyConstraint(*key, *REST[table], name=op.f(f'pk_{table}')))


def upgrade() -> None:
    for table in REST:
        op.drop_table(table)
        _create(table, ('school_year_id', 'school_id', 'grade_level', 'skill_id'))
    op.create_index('ix_artifact_counts_by_school', 'artifact_counts', list(BY_SCHOOL))
    op.create_index('ix_participation_by_school', 'participation', list(BY_SCHOOL))
    op.create_index('ix_milestones_report', 'milestones', ['school_year_id', 'school_id', 'grade_level'])
    op.create_index('ix_student_evidence_student', 'student_evidence', ['student_id'])
    op.create_table('enrolment',
                    sa.Column('school_year_id', sa.String(length=64), nullable=False),
                    sa.Column('school_id', sa.String(length=64), nullable=False),
                    sa.Column('grade_level', sa.String(length=8), nullable=False),
                    sa.Column('students', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('school_year_id', 'school_id', 'grade_level', name=op.f('pk_enrolment')))
    from reporting.adapters.summaries import backfill
    backfill(op.get_bind())
    if op.get_bind().dialect.name == 'postgresql':
        for table in (*REST, 'enrolment'):
            op.execute(sa.text(f'ANALYZE {table}'))


def downgrade() -> None:
    """The previous keys, with the rows 0004's code reads (it sums counts and levels over schools and grades, so
    their ALL rows go; evidence and participation kept ALL rows already)."""
    op.drop_table('enrolment')
    op.drop_index('ix_milestones_report', table_name='milestones')
    op.drop_index('ix_student_evidence_student', table_name='student_evidence')
    op.drop_index('ix_participation_by_school', table_name='participation')
    op.drop_index('ix_artifact_counts_by_school', table_name='artifact_counts')
    for table in REST:
        keep = " WHERE school_id <> '*' AND grade_level <> '*'" if table in ('artifact_counts', 'level_counts') else ''
        op.execute(sa.text(f'CREATE TABLE {table}_kept AS SELECT * FROM {table}{keep}'))
        op.drop_table(table)
        _create(table, ('school_year_id', 'skill_id', 'school_id', 'grade_level'))
        op.execute(sa.text(f'INSERT INTO {table} SELECT * FROM {table}_kept'))
        op.drop_table(f'{table}_kept')
