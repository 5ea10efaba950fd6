"""credentials: the district's Open Badges (badges) and each award's signed credential and status index (badge_awards).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 07:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('badges',
                    sa.Column('id', sa.String(length=36), nullable=False),
                    sa.Column('kind', sa.String(length=16), nullable=False),
                    sa.Column('name', sa.String(length=200), nullable=False),
                    sa.Column('description', sa.Text(), nullable=False),
                    sa.Column('criteria', sa.Text(), nullable=False),
                    sa.Column('milestone_type_id', sa.String(length=64), server_default='', nullable=False),
                    sa.Column('skill_id', sa.String(length=64), server_default='', nullable=False),
                    sa.Column('min_outcome', sa.String(length=16), server_default='', nullable=False),
                    sa.Column('created_by', sa.String(length=64), nullable=False),
                    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_badges')))
    op.create_index('ix_badges_milestone_type_id', 'badges', ['milestone_type_id'], unique=False)
    op.create_table('badge_awards',
                    sa.Column('id', sa.String(length=36), nullable=False),
                    sa.Column('student_id', sa.String(length=64), nullable=False),
                    sa.Column('badge_id', sa.String(length=36), nullable=False),
                    sa.Column('milestone_id', sa.String(length=64), server_default='', nullable=False),
                    sa.Column('status_index', sa.Integer(), nullable=False),
                    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('issued_by', sa.String(length=64), nullable=False),
                    sa.Column('document', sa.Text(), nullable=False),
                    sa.Column('jwt', sa.Text(), nullable=False),
                    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
                    sa.Column('revoked_by', sa.String(length=64), server_default='', nullable=False),
                    sa.Column('revoke_reason', sa.Text(), server_default='', nullable=False),
                    sa.ForeignKeyConstraint(['badge_id'], ['badges.id'], name=op.f('fk_badge_awards_badge_id_badges')),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_badge_awards')),
                    sa.UniqueConstraint('status_index', name=op.f('uq_badge_awards_status_index')))
    op.create_index('ix_badge_awards_student_id', 'badge_awards', ['student_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_badge_awards_student_id', table_name='badge_awards')
    op.drop_table('badge_awards')
    op.drop_index('ix_badges_milestone_type_id', table_name='badges')
    op.drop_table('badges')
