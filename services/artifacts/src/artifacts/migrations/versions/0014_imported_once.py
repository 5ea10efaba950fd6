"""imported history once: a student holds at most one live artifact per origin (sending district, its artifact id),
so importing a transfer package again (after a failure part-way) resumes instead of duplicating. A partial unique
index, built CONCURRENTLY on PostgreSQL (outside the migration's transaction: no write waits).

Revision ID: 0014_imported_once
Revises: 0013_imported_history
Create Date: 2026-12-07 03:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0014_imported_once'
down_revision = '0013_imported_history'
branch_labels = None
depends_on = None
IMPORTED = sa.text("origin_ref <> '' AND deleted_at IS NULL")


def _dialect_options() -> dict:
    if op.get_bind().dialect.name == 'postgresql':
        return {'postgresql_concurrently': True, 'postgresql_where': IMPORTED}
    return {'sqlite_where': IMPORTED}


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index('ux_artifacts_imported_origin', 'artifacts',
                        ['student_id', 'origin_district_id', 'origin_ref'], unique=True, **_dialect_options())


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index('ux_artifacts_imported_origin', table_name='artifacts',
                      **{k: v for k, v in _dialect_options().items() if k == 'postgresql_concurrently'})
