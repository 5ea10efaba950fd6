"""erasure of one artifact: the request names it, and a refused request says why (issue 13 §5)

Two columns with constant server defaults: PostgreSQL adds them without rewriting the table, so this is safe on a
running system; older code ignores them.

Revision ID: 0007_artifact_erasure
Revises: 0006_erasure
Create Date: 2026-12-07 06:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007_artifact_erasure'
down_revision = '0006_erasure'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('erasure_requests', sa.Column('artifact_id', sa.String(length=36), server_default='',
                                                nullable=False))
    op.add_column('erasure_requests', sa.Column('refusal', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    op.drop_column('erasure_requests', 'refusal')
    op.drop_column('erasure_requests', 'artifact_id')
