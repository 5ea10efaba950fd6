"""showcases: a student's curated, ordered selections of their artifacts, and their external links (token hashes)

Revision ID: 0008_showcase
Revises: 0007
Create Date: 2026-12-06 07:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008_showcase'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('showcases',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('student_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('introduction', sa.Text(), server_default='', nullable=False),
    sa.Column('audience', sa.String(length=16), nullable=False),
    sa.Column('milestone_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('share_with_guardians', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcases'))
    )
    op.create_index('ix_showcases_student_id', 'showcases', ['student_id'], unique=False)
    op.create_table('showcase_items',
    sa.Column('showcase_id', sa.String(length=36), nullable=False),
    sa.Column('artifact_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['artifact_id'], ['artifacts.id'], name=op.f('fk_showcase_items_artifact_id_artifacts')),
    sa.ForeignKeyConstraint(['showcase_id'], ['showcases.id'], name=op.f('fk_showcase_items_showcase_id_showcases')),
    sa.PrimaryKeyConstraint('showcase_id', 'artifact_id', name=op.f('pk_showcase_items'))
    )
    op.create_index('ix_showcase_items_artifact_id', 'showcase_items', ['artifact_id'], unique=False)
    op.create_table('showcase_links',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('showcase_id', sa.String(length=36), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['showcase_id'], ['showcases.id'], name=op.f('fk_showcase_links_showcase_id_showcases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_links')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_showcase_links_token_sha256'))
    )
    op.create_index('ix_showcase_links_showcase_id', 'showcase_links', ['showcase_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_showcase_links_showcase_id', table_name='showcase_links')
    op.drop_table('showcase_links')
    op.drop_index('ix_showcase_items_artifact_id', table_name='showcase_items')
    op.drop_table('showcase_items')
    op.drop_index('ix_showcases_student_id', table_name='showcases')
    op.drop_table('showcases')
