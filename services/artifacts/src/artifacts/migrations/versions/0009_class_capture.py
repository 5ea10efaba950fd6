"""class capture: media objects shared by many students' artifacts (one upload, one check, reference-counted)

Revision ID: 0009_class_capture
Revises: 0008_showcase
Create Date: 2026-12-06 20:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009_class_capture'
down_revision = '0008_showcase'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('media_objects',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('section_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('media_key', sa.String(length=512), nullable=False),
    sa.Column('file_name', sa.String(length=255), server_default='', nullable=False),
    sa.Column('declared_type', sa.String(length=255), server_default='', nullable=False),
    sa.Column('declared_size', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('upload_id', sa.String(length=1024), server_default='', nullable=False),
    sa.Column('upload_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verdict', sa.String(length=16), server_default='', nullable=False),
    sa.Column('content_type', sa.String(length=255), server_default='', nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('thumbnail_key', sa.String(length=512), server_default='', nullable=False),
    sa.Column('checked_key', sa.String(length=512), server_default='', nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('checks', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('bytes_deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_media_objects'))
    )
    with op.batch_alter_table('version_media') as batch:
        batch.add_column(sa.Column('media_object_id', sa.String(length=36), nullable=True))
        batch.create_index('ix_version_media_media_object_id', ['media_object_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('version_media') as batch:
        batch.drop_index('ix_version_media_media_object_id')
        batch.drop_column('media_object_id')
    op.drop_table('media_objects')
