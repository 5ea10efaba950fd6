"""erasure scopes: an erasure of one artifact (the request names it, and a refused one says why), or of the student's
media alone (the retention schedule's media years, with the records reported due for it) (issue 13 §5)

Columns with constant server defaults (no table rewrite on PostgreSQL) and a new table: safe on a running system;
older code ignores them.

Revision ID: 0007_erasure_scopes
Revises: 0006_erasure
Create Date: 2026-12-07 06:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007_erasure_scopes'
down_revision = '0006_erasure'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('erasure_requests', sa.Column('artifact_id', sa.String(length=36), server_default='',
                                                nullable=False))
    op.add_column('erasure_requests', sa.Column('refusal', sa.Text(), server_default='', nullable=False))
    op.add_column('erasure_requests', sa.Column('media_only', sa.Boolean(), server_default=sa.false(),
                                                nullable=False))
    op.create_table(
        'retention_media_due',
        sa.Column('student_id', sa.String(length=36), nullable=False),
        sa.Column('left_on', sa.Date(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('reported_on', sa.Date(), nullable=False),
        sa.Column('erase_after', sa.Date(), nullable=False),
        sa.Column('erasure_id', sa.String(length=36), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('student_id'),
    )


def downgrade() -> None:
    op.drop_table('retention_media_due')
    op.drop_column('erasure_requests', 'media_only')
    op.drop_column('erasure_requests', 'refusal')
    op.drop_column('erasure_requests', 'artifact_id')
