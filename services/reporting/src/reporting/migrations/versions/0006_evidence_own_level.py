"""student evidence at the student's own school and grade only: its rows at the coarser levels (school or grade
ALL) go; participation keeps every level and is derived from the fine rows (adapters.summaries)

Safe on a live system: one DELETE of derived rows no report reads (student_evidence is read only by the events
worker's summaries code). Stop the events worker (or do not upgrade it yet) while it runs, as for 0005: the previous
code would write coarse rows again. The downgrade sums the fine rows back into the coarse levels.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 00:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

COARSE = "school_id = '*' OR grade_level = '*'"


def upgrade() -> None:
    op.execute(sa.text(f'DELETE FROM student_evidence WHERE {COARSE}'))


def downgrade() -> None:
    for school, grade in (("school_id", "'*'"), ("'*'", "grade_level"), ("'*'", "'*'")):
        op.execute(sa.text(
            'INSERT INTO student_evidence (school_year_id, skill_id, school_id, grade_level, student_id, n) '
            f'SELECT school_year_id, skill_id, {school}, {grade}, student_id, sum(n) FROM student_evidence '
            f'WHERE NOT ({COARSE}) GROUP BY 1, 2, 3, 4, 5'))
