"""imported history: an artifact from another district's transfer package keeps its origin (read-only)

Revision ID: 0013_imported_history
Revises: 0012_erasure
Create Date: 2026-12-06 21:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0013_imported_history'
down_revision = '0012_erasure'
branch_labels = None
depends_on = None

COLUMNS = (('origin_district_id', sa.String(length=255), ''), ('origin_district_name', sa.String(length=200), ''),
           ('origin_ref', sa.String(length=64), ''), ('origin_skill_labels', sa.Text(), '[]'))


def upgrade() -> None:
    with op.batch_alter_table('artifacts') as batch:
        for name, type_, default in COLUMNS:
            batch.add_column(sa.Column(name, type_, server_default=default, nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('artifacts') as batch:
        for name, _, _ in reversed(COLUMNS):
            batch.drop_column(name)
