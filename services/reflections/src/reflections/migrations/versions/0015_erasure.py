"""erasure: reflection_revisions stays append-only, except the DELETE of an erasure on request (issue 13 §5)

The guard function lets a transaction that set ``skillfolio.erasure`` to 'on' delete (chassis.erasure); SQLite's
trigger is dropped and put back inside the erasing transaction instead.

Revision ID: 0015_erasure
Revises: 0014_gradebook
Create Date: 2026-12-06 20:20:00
"""
from alembic import op

from chassis.audit import append_only_guard_sql, erasable_history_guard_sql

revision = '0015_erasure'
down_revision = '0014_gradebook'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in erasable_history_guard_sql('reflection_revisions'):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(append_only_guard_sql('postgresql', 'reflection_revisions')[0])
