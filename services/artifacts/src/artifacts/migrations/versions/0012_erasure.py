"""erasure: artifact_versions stays append-only, except the DELETE of an erasure on request (issue 13 §5)

The guard function lets a transaction that set ``skillfolio.erasure`` to 'on' delete (chassis.erasure); SQLite's
trigger is dropped and put back inside the erasing transaction instead.

Revision ID: 0012_erasure
Revises: 0011_gradebook
Create Date: 2026-12-06 20:20:00
"""
from alembic import op

from chassis.audit import append_only_guard_sql, erasable_history_guard_sql

revision = '0012_erasure'
down_revision = '0011_gradebook'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in erasable_history_guard_sql('artifact_versions'):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(append_only_guard_sql('postgresql', 'artifact_versions')[0])
