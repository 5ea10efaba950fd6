"""direct-to-store media: version file names and the version_media table (upload state, worker verdicts)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('artifact_versions', sa.Column('file_name', sa.String(length=255), server_default='',
                                                 nullable=False))
    op.create_table('version_media',
    sa.Column('artifact_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('upload_id', sa.String(length=1024), server_default='', nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verdict', sa.String(length=16), server_default='', nullable=False),
    sa.Column('content_type', sa.String(length=255), server_default='', nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('thumbnail_key', sa.String(length=512), server_default='', nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['artifact_id'], ['artifacts.id'], name=op.f('fk_version_media_artifact_id_artifacts')),
    sa.PrimaryKeyConstraint('artifact_id', 'number', name=op.f('pk_version_media'))
    )


def downgrade() -> None:
    op.drop_table('version_media')
    with op.batch_alter_table('artifact_versions') as batch:
        batch.drop_column('file_name')
