"""assessment artifact: each teacher's assessment row names the artifact it assessed, so erasing one artifact
(issue 13 §5) takes its assessments out of the students' latest levels too

Safe on a live system: a nullable column (no table rewrite on PostgreSQL) and an index built CONCURRENTLY, outside
the migration's transaction, so no write waits. Rows stored before it name no artifact; events applied from now on
do, and `skillfolio reporting rebuild` fills the earlier ones from the republished history.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 12:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _concurrently() -> dict:
    return {'postgresql_concurrently': True} if op.get_bind().dialect.name == 'postgresql' else {}


def upgrade() -> None:
    op.add_column('assessments', sa.Column('artifact_id', sa.String(length=64), nullable=True))
    with op.get_context().autocommit_block():
        op.create_index('ix_assessments_artifact', 'assessments', ['artifact_id'], **_concurrently())


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index('ix_assessments_artifact', table_name='assessments', **_concurrently())
    op.drop_column('assessments', 'artifact_id')
