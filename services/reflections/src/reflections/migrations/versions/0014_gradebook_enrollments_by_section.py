"""gradebook: the roster replica's enrollments indexed by section and role (the gradebook asks for a section's
teacher and students on every read; only ix_enrollments_person_id existed, so each read scanned the district's
enrollments). On PostgreSQL the index is built CONCURRENTLY, outside the migration's transaction: no write waits.

Revision ID: 0014_gradebook
Revises: 0013
Create Date: 2026-12-06 20:40:00
"""
from alembic import op

revision = '0014_gradebook'
down_revision = '0013'
branch_labels = None
depends_on = None


def _concurrently() -> dict:
    return {'postgresql_concurrently': True} if op.get_bind().dialect.name == 'postgresql' else {}


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index('ix_enrollments_section_id', 'enrollments', ['section_id', 'role'], **_concurrently())


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index('ix_enrollments_section_id', table_name='enrollments', **_concurrently())
