"""audio/video reflections (revision kind and declared file; revision_media: upload and verdict), the prompt text a
reflection answered, prompt updates

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 22:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('prompts', sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('reflections', sa.Column('prompt_text', sa.Text(), server_default='', nullable=False))
    op.execute("UPDATE reflections SET prompt_text = COALESCE((SELECT p.text FROM prompts p WHERE p.id = "
               "reflections.prompt_id), '')")
    op.add_column('reflection_revisions', sa.Column('kind', sa.String(length=8), server_default='text',
                                                    nullable=False))
    op.add_column('reflection_revisions', sa.Column('file_name', sa.String(length=255), server_default='',
                                                    nullable=False))
    op.add_column('reflection_revisions', sa.Column('content_type', sa.String(length=255), server_default='',
                                                    nullable=False))
    op.add_column('reflection_revisions', sa.Column('size_bytes', sa.BigInteger(), server_default='0',
                                                    nullable=False))
    op.create_table('revision_media',
    sa.Column('reflection_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('upload_id', sa.String(length=1024), server_default='', nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verdict', sa.String(length=16), server_default='', nullable=False),
    sa.Column('content_type', sa.String(length=255), server_default='', nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('reason', sa.Text(), server_default='', nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['reflection_id', 'number'],
                            ['reflection_revisions.reflection_id', 'reflection_revisions.number'],
                            name=op.f('fk_revision_media_reflection_id_reflection_revisions')),
    sa.PrimaryKeyConstraint('reflection_id', 'number', name=op.f('pk_revision_media'))
    )


def downgrade() -> None:
    op.drop_table('revision_media')
    # plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35 too): a batch copy of `reflections` on SQLite would have
    # to drop a table that reflection_revisions' foreign key references
    for column in ('size_bytes', 'content_type', 'file_name', 'kind'):
        op.drop_column('reflection_revisions', column)
    op.drop_column('reflections', 'prompt_text')
    op.drop_column('prompts', 'updated_at')
