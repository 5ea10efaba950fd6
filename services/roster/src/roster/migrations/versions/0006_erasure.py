"""erasure on request and retention: the saga's requests and each service's confirmation, the district's retention
schedule, legal holds and the records reported due (issue 13 §5)

Revision ID: 0006_erasure
Revises: 0005
Create Date: 2026-12-06 20:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006_erasure'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'erasure_requests',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('pseudonym', sa.String(length=64), nullable=False),
        sa.Column('student_id', sa.String(length=36), server_default='', nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('requested_by', sa.String(length=255), nullable=False),
        sa.Column('requested_by_roles', sa.String(length=255), server_default='', nullable=False),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('services', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('attempts', sa.Integer(), server_default='1', nullable=False),
        sa.Column('last_requested_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('certificate', sa.Text(), server_default='', nullable=False),
        sa.Column('signature', sa.Text(), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure_requests')),
    )
    op.create_index('ix_erasure_requests_status', 'erasure_requests', ['status', 'last_requested_at'])
    op.create_index('ix_erasure_requests_student_id', 'erasure_requests', ['student_id'])
    op.create_table(
        'erasure_confirmations',
        sa.Column('erasure_id', sa.String(length=36), nullable=False),
        sa.Column('service', sa.String(length=64), nullable=False),
        sa.Column('counts', sa.Text(), nullable=False),
        sa.Column('confirmed_at', sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(['erasure_id'], ['erasure_requests.id'],
                                name=op.f('fk_erasure_confirmations_erasure_id_erasure_requests')),
        sa.PrimaryKeyConstraint('erasure_id', 'service', name=op.f('pk_erasure_confirmations')),
    )
    op.create_table(
        'retention_schedule',
        sa.Column('key', sa.String(length=16), nullable=False),
        sa.Column('portfolio_years', sa.Integer(), nullable=False),
        sa.Column('media_years', sa.Integer(), nullable=False),
        sa.Column('grace_days', sa.Integer(), nullable=False),
        sa.Column('updated_by', sa.String(length=255), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_retention_schedule')),
    )
    op.create_table(
        'legal_holds',
        sa.Column('student_id', sa.String(length=36), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('placed_by', sa.String(length=255), nullable=False),
        sa.Column('placed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('student_id', name=op.f('pk_legal_holds')),
    )
    op.create_table(
        'retention_due',
        sa.Column('student_id', sa.String(length=36), nullable=False),
        sa.Column('left_on', sa.Date(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('reported_on', sa.Date(), nullable=False),
        sa.Column('erase_after', sa.Date(), nullable=False),
        sa.Column('erasure_id', sa.String(length=36), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('student_id', name=op.f('pk_retention_due')),
    )


def downgrade() -> None:
    op.drop_table('retention_due')
    op.drop_table('legal_holds')
    op.drop_table('retention_schedule')
    op.drop_table('erasure_confirmations')
    op.drop_index('ix_erasure_requests_student_id', table_name='erasure_requests')
    op.drop_index('ix_erasure_requests_status', table_name='erasure_requests')
    op.drop_table('erasure_requests')
